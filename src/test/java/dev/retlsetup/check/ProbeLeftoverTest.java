package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.request;
import static dev.retlsetup.check.DemoRuns.result;
import static dev.retlsetup.check.DemoRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A workspace that lets the test create its probe but not drop it: the capability the CREATE proved stands (a
 * warning, not a failure), and the probe left behind is named with its DROP statement.
 */
class ProbeLeftoverTest {
    private static Scenario readyButProbesCannotBeDropped() throws IOException {
        try (InputStream in = Scenario.class.getResourceAsStream("scenarios/ready.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Scenario.fromJson(json.replaceFirst("\\{", "{\"behaviour\": {\"probeDropFails\": true},"),
                    "ready, probes cannot be dropped");
        }
    }

    @Test
    void aProbeThatCannotBeDroppedIsAWarningAndNamedWithItsDropStatement() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start(readyButProbesCannotBeDropped())) {
            ConnectionTestReport report = run(request(ws));

            CheckResult managed = result(report, "managed-schema");
            assertEquals(CheckStatus.WARNING, managed.status(), managed::detail);
            assertTrue(report.ok(), "creating the schema worked: nothing failed");
            assertEquals(1, report.leftovers().size(), () -> report.leftovers().toString());
            Leftover left = report.leftovers().get(0);
            assertTrue(left.name().startsWith("main.__segment_probe_"), left.name());
            assertTrue(left.dropStatement().startsWith("DROP SCHEMA") && left.dropStatement().contains(left.name()),
                    left.dropStatement());
            assertTrue(managed.remediation().sql().get(0).startsWith("DROP SCHEMA"), managed.remediation().sql()::toString);
            assertTrue(ConnectionTestJson.write(report).contains(left.dropStatement()), "the JSON names it too");
        }
    }
}
