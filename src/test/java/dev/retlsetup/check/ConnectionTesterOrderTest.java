package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks overlap, but the live checklist hears them in plan order; the demo's trust store is owner-only. */
class ConnectionTesterOrderTest {
    @Test
    void listenerHearsStartedAndFinishedInPlanOrderWhileIdentityAndCatalogOverlap() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing");
            List<String> started = Collections.synchronizedList(new ArrayList<>());
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            List<String> planned = new ArrayList<>();
            ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
                @Override
                public void planned(List<Check> checks) {
                    checks.forEach(c -> planned.add(c.id()));
                }

                @Override
                public void started(Check check) {
                    started.add(check.id());
                }

                @Override
                public void finished(CheckResult result) {
                    assertTrue(started.contains(result.id()), result.id() + " finished before it started");
                    finished.add(result.id());
                }
            });

            assertTrue(report.complete(), () -> DemoRuns.ids(report).toString());
            assertEquals(planned, started);
            assertEquals(planned, finished);
            assertEquals(planned, DemoRuns.ids(report).stream().map(s -> s.substring(0, s.indexOf('='))).toList());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.trustStorePath())));
        }
    }
}
