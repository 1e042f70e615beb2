package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void listenerHearsOneCallAtATimeAndEachEndBeforeTheStartsItAllowed() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing");
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<Check> plan = new ArrayList<>();
            ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
                @Override
                public void planned(List<Check> checks) {
                    plan.addAll(checks);
                }

                @Override
                public void started(Check check) {
                    hear("started " + check.id());
                }

                @Override
                public void finished(CheckResult result) {
                    hear("finished " + result.id());
                }

                private void hear(String event) {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    events.add(event);
                    Thread.yield();
                    inside.decrementAndGet();
                }
            });

            assertTrue(report.complete(), () -> DemoRuns.ids(report).toString());
            assertEquals(0, overlaps.get(), "listener calls overlapped: " + events);
            for (Check check : plan) {
                int start = events.indexOf("started " + check.id());
                for (String waited : check.waitsFor()) {
                    assertTrue(events.indexOf("finished " + waited) < start,
                            () -> check.id() + " was heard starting before " + waited + " ended: " + events);
                }
            }
        }
    }
}
