package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.request;
import static dev.retlsetup.check.DemoRuns.result;
import static dev.retlsetup.check.DemoRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.diagnose.FailureWordsTest;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SchemaList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every failure the demo workspace can produce, as the user reads it: the headline first, the codes in the details. */
class FailureHeadlinesTest {
    private static ConnectionTestReport runScenario(String name) {
        try (DemoWorkspace ws = DemoRuns.start(name)) {
            Scenario s = ws.scenario();
            return run(request(ws, s.suggestedCatalog(), SchemaList.join(s.suggestedSchemas())));
        }
    }

    @Test
    void everyFailingCheckOfEveryScenarioHasAPlainHeadlineAndSaysEachThingOnce() {
        List<String> seen = new ArrayList<>();
        for (String name : Scenario.builtInNames()) {
            if (name.equals("slow")) {
                continue; // the same checks as ready, only slower
            }
            ConnectionTestReport report = runScenario(name);
            for (CheckResult c : report.checks()) {
                if (c.status() == CheckStatus.FAILED || c.status() == CheckStatus.WARNING) {
                    String where = name + "/" + c.id();
                    seen.add(where);
                    if (c.status() == CheckStatus.FAILED) {
                        FailureWordsTest.assertPlainHeadline(c.summary(), where);
                        FailureWordsTest.assertNoRepeat(c.explanation(), List.of(c.summary()), where + " headline");
                    }
                    FailureWordsTest.assertNoRepeat(c.explanation(),
                            c.remediation() == null ? List.of() : c.remediation().steps(), where);
                }
            }
        }
        assertTrue(seen.containsAll(List.of("missing-use-schema/schema:main.marketing", "missing-create/managed-schema",
                "no-warehouse-access/warehouse", "stopped-warehouse/warehouse", "expired-secret/oauth",
                "ip-blocked/oauth", "hive-legacy/validation", "hive-legacy/catalog")), seen::toString);
    }

    @Test
    void ipBlockedHeadlineNamesTheIpAccessListAndTheCodeMovesToWhatCameBack() {
        CheckResult oauth = result(runScenario("ip-blocked"), "oauth");
        assertEquals("The workspace’s IP access list blocks your address 127.0.0.1", oauth.summary());
        assertTrue(oauth.raw().startsWith("The workspace did not offer OAuth sign-in (HTTP 403)."), oauth.raw());
        assertTrue(oauth.raw().contains("blocked by Databricks IP ACL"), oauth.raw());
    }

    @Test
    void refusedSignInKeepsItsStatusInTheDetailsOnly() {
        CheckResult oauth = result(runScenario("expired-secret"), "oauth");
        assertFalse(oauth.summary().contains("401"), oauth.summary());
        assertTrue(oauth.raw().contains("HTTP 401"), oauth.raw());
    }

    @Test
    void aMissingCreateOffersPreCreatingTheSchemaAsItsOwnStatements() {
        CheckResult managed = result(runScenario("missing-create"), "managed-schema");
        assertEquals(List.of("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;",
                "GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO `" + DemoRuns.CLIENT_ID + "`;"),
                managed.remediation().alternative());
        assertTrue(managed.remediation().steps().stream().noneMatch(s -> s.contains("CREATE SCHEMA IF NOT EXISTS")),
                managed.remediation().steps()::toString);
        assertTrue(ConnectionTestJson.write(new ConnectionTestReport(java.time.Instant.now(), List.of(managed), null,
                null, null, false)).contains("\"alternativeSql\""));
    }

    @Test
    void unreachableAndUnknownHostsHavePlainHeadlinesToo() {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            var closed = DemoRuns.input(ws).with(Field.PORT, String.valueOf(DemoRuns.freePort()));
            ConnectionTestReport report = run(DemoRuns.request(closed, DemoRuns.trust(ws)));
            CheckResult tcp = result(report, "tcp");
            assertEquals(CheckStatus.FAILED, tcp.status());
            FailureWordsTest.assertPlainHeadline(tcp.summary(), "closed port");
            var unknown = DemoRuns.input(ws).with(Field.HOST, "nonexistent.invalid");
            CheckResult dns = result(run(DemoRuns.request(unknown, DemoRuns.trust(ws))), "dns");
            FailureWordsTest.assertPlainHeadline(dns.summary(), "unknown host");
        }
    }
}
