package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.CLIENT_ID;
import static dev.retlsetup.check.DemoRuns.assertNoSecret;
import static dev.retlsetup.check.DemoRuns.assertPassedUpTo;
import static dev.retlsetup.check.DemoRuns.assertSkippedWithReason;
import static dev.retlsetup.check.DemoRuns.ids;
import static dev.retlsetup.check.DemoRuns.request;
import static dev.retlsetup.check.DemoRuns.result;
import static dev.retlsetup.check.DemoRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.Category;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real tester (real driver, real HTTPS) against every built-in demo scenario: which check
 * fails, in which category, with exactly which SQL, and what still runs around it.
 */
class ConnectionTesterScenariosTest {
    private static final String SP = "`" + CLIENT_ID + "`";

    private static void assertFailure(CheckResult check, Category category, List<String> sql) {
        assertEquals(CheckStatus.FAILED, check.status(), check::detail);
        assertEquals(category, check.category(), check::detail);
        assertTrue(check.hasRemediation(), check::detail);
        assertEquals(sql, check.remediation().sql());
        assertFalse(check.remediation().steps().isEmpty(), check.id());
    }

    @Test
    void readyScenarioProvesTheWholeConnectionAndLeavesNothingBehind() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestReport report = run(request(ws));

            assertTrue(report.ok(), () -> ids(report).toString());
            assertTrue(report.complete(), () -> ids(report).toString());
            assertEquals(CLIENT_ID, report.principal());
            assertEquals(CatalogKind.UNITY_CATALOG, report.catalogKind());
            assertEquals("main", report.catalog());
            assertEquals(List.of("validation", "dns", "tcp", "tls", "oauth", "warehouse", "session", "identity",
                    "catalog", "schema:main.marketing", "managed-schema"),
                    report.checks().stream().map(CheckResult::id).toList());
            report.checks().forEach(c -> assertEquals(null, c.remediation(), c.id()));
            assertTrue(result(report, "managed-schema").summary().contains("can create it"));
            assertTrue(ws.thriftCalls().contains("CloseSession"), ws.thriftCalls()::toString);
            assertTrue(DemoRuns.column(ws, "SHOW SCHEMAS IN main").stream().noneMatch(s -> s.startsWith("__segment")));
            assertNoSecret(report, ws.clientSecret());
        }
    }

    @Test
    void missingUseSchemaFailsTheSchemaCheckWhileTheManagedSchemaCheckStillRuns() {
        try (DemoWorkspace ws = DemoRuns.start("missing-use-schema")) {
            ConnectionTestReport report = run(request(ws));

            assertFalse(report.ok());
            assertPassedUpTo(report, "schema:main.marketing");
            assertFailure(result(report, "schema:main.marketing"), Category.MISSING_USE_SCHEMA,
                    List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + SP + ";"));
            assertEquals(CheckStatus.PASSED, result(report, "managed-schema").status());
            assertEquals(1, report.failed().size(), () -> ids(report).toString());
            assertNoSecret(report, ws.clientSecret());
        }
    }

    @Test
    void missingSelectAsksForSelectOnTheSchema() {
        try (DemoWorkspace ws = DemoRuns.start("missing-select")) {
            ConnectionTestReport report = run(request(ws));

            assertPassedUpTo(report, "schema:main.marketing");
            assertFailure(result(report, "schema:main.marketing"), Category.MISSING_SELECT,
                    List.of("GRANT SELECT ON SCHEMA main.marketing TO " + SP + ";"));
            assertEquals(CheckStatus.PASSED, result(report, "managed-schema").status());
        }
    }

    @Test
    void missingCreateFailsTheManagedSchemaCheckWithCreateSchemaOnTheCatalog() {
        try (DemoWorkspace ws = DemoRuns.start("missing-create")) {
            ConnectionTestReport report = run(request(ws));

            assertPassedUpTo(report, "managed-schema");
            assertFailure(result(report, "managed-schema"), Category.MISSING_CREATE_SCHEMA,
                    List.of("GRANT CREATE SCHEMA ON CATALOG main TO " + SP + ";"));
            assertEquals(1, report.failed().size());
        }
    }

    @Test
    void precreatedManagedSchemaPassesWithAProbeTableThatIsDroppedAgain() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("managed-schema-precreated")) {
            ConnectionTestReport report = run(request(ws));

            assertTrue(report.complete(), () -> ids(report).toString());
            CheckResult managed = result(report, "managed-schema");
            assertTrue(managed.summary().contains("main.__segment_reverse_etl"), managed.summary());
            assertTrue(managed.tried().contains("CREATE TABLE"), managed.tried());
            assertEquals(List.of(), DemoRuns.column(ws, "SHOW TABLES IN main.__segment_reverse_etl"));
        }
    }

    @Test
    void noWarehouseAccessFailsTheWarehouseCheckAndSkipsTheSqlChecks() {
        try (DemoWorkspace ws = DemoRuns.start("no-warehouse-access")) {
            ConnectionTestReport report = run(request(ws));

            assertPassedUpTo(report, "warehouse");
            CheckResult warehouse = result(report, "warehouse");
            assertEquals(CheckStatus.FAILED, warehouse.status());
            assertEquals(Category.WAREHOUSE_ACCESS_DENIED, warehouse.category());
            assertTrue(warehouse.hasRemediation());
            assertTrue(warehouse.raw().contains("is not authorized to use this SQL Endpoint"), warehouse.raw());
            assertSkippedWithReason(report, "session", "identity", "catalog", "schema:main.marketing", "managed-schema");
            assertTrue(result(report, "session").summary().contains("Warehouse exists and is running"));
            assertFalse(ws.thriftCalls().contains("OpenSession"), "the driver is not even tried");
        }
    }

    @Test
    void stoppedWarehouseIsReportedAtOnceAndPassesWhenAskedToStartIt() {
        Scenario stopped = Scenario.builtIn("stopped-warehouse").withStartingDelay(Duration.ofMillis(500));
        try (DemoWorkspace ws = DemoRuns.start(stopped)) {
            long start = System.nanoTime();
            ConnectionTestReport report = run(request(ws));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            CheckResult warehouse = result(report, "warehouse");
            assertEquals(CheckStatus.FAILED, warehouse.status());
            assertEquals(Category.WAREHOUSE_UNAVAILABLE, warehouse.category());
            assertTrue(warehouse.summary().contains("is stopped"), warehouse.summary());
            assertTrue(warehouse.hasRemediation());
            assertSkippedWithReason(report, "session");
            assertTrue(millis < 5000, "a stopped warehouse is a verdict, not a wait: " + millis + " ms");

            List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            ConnectionTestReport started = new ConnectionTester().run(request(ws).withStartWarehouse(true), new ConnectionTestListener() {
                @Override
                public void progress(Check check, String message) {
                    progress.add(check.id() + ": " + message);
                }
            });
            assertTrue(started.complete(), () -> ids(started).toString());
            assertTrue(result(started, "warehouse").summary().contains("started"), result(started, "warehouse").summary());
            assertFalse(progress.isEmpty());
            assertTrue(progress.get(0).startsWith("warehouse: "), progress.toString());
        }
    }

    @Test
    void expiredSecretFailsSignInAsInvalidClient() {
        try (DemoWorkspace ws = DemoRuns.start("expired-secret")) {
            ConnectionTestReport report = run(request(ws));

            assertPassedUpTo(report, "oauth");
            CheckResult oauth = result(report, "oauth");
            assertEquals(CheckStatus.FAILED, oauth.status());
            assertEquals(Category.INVALID_CLIENT, oauth.category());
            assertTrue(oauth.hasRemediation());
            assertTrue(oauth.raw().contains("invalid_client"), oauth.raw());
            assertSkippedWithReason(report, "warehouse", "session", "identity", "catalog", "schema:main.marketing",
                    "managed-schema");
            assertNoSecret(report, ws.clientSecret());
        }
    }

    @Test
    void blockedIpFailsSignInNamingTheAddress() {
        try (DemoWorkspace ws = DemoRuns.start("ip-blocked")) {
            ConnectionTestReport report = run(request(ws));

            assertPassedUpTo(report, "oauth");
            CheckResult oauth = result(report, "oauth");
            assertEquals(CheckStatus.FAILED, oauth.status());
            assertEquals(Category.IP_BLOCKED, oauth.category());
            assertTrue(oauth.raw().contains("127.0.0.1"), oauth.raw());
            assertTrue(oauth.detail().contains("127.0.0.1"), oauth.detail());
            assertTrue(oauth.hasRemediation());
            assertSkippedWithReason(report, "warehouse", "session");
        }
    }

    @Test
    void hiveMetastoreGetsTheLegacyGrantForms() {
        try (DemoWorkspace ws = DemoRuns.start("hive-legacy")) {
            ConnectionTestReport report = run(request(ws, "hive_metastore", "hive_metastore.marketing, hive_metastore.sales"));

            assertEquals(CatalogKind.HIVE_METASTORE, report.catalogKind());
            assertEquals(CheckStatus.WARNING, result(report, "catalog").status(), "legacy ACLs are worth a note");
            assertEquals(CheckStatus.PASSED, result(report, "schema:hive_metastore.marketing").status(),
                    () -> result(report, "schema:hive_metastore.marketing").detail());
            assertFailure(result(report, "schema:hive_metastore.sales"), Category.MISSING_USE_SCHEMA,
                    List.of("GRANT USAGE ON SCHEMA hive_metastore.sales TO " + SP + ";"));
            assertFailure(result(report, "managed-schema"), Category.MISSING_CREATE_SCHEMA,
                    List.of("GRANT CREATE ON CATALOG hive_metastore TO " + SP + ";"));
        }
    }
}
