package dev.retlsetup.model;

import static dev.retlsetup.model.ModelRuns.request;
import static dev.retlsetup.model.ModelRuns.result;
import static dev.retlsetup.model.ModelRuns.run;
import static dev.retlsetup.model.ModelRuns.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.diagnose.Category;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model checks end to end through the real driver, against every scenario with model data. */
class ModelCheckerScenariosTest {
    private static final String SP = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";
    private static DemoWorkspace models;

    @BeforeAll
    static void start() {
        models = ModelRuns.start("models");
    }

    @AfterAll
    static void stop() {
        models.close();
    }

    @Test
    void aGoodModelIsReadyWithPreviewColumnsKeyAndTimings() {
        try (DemoWorkspace ready = ModelRuns.start("ready")) {
            ModelReport report = run(request(ready,
                    "SELECT user_id, email, plan, signup_date FROM marketing.users WHERE is_subscribed -- who gets email\n",
                    "user_id"));
            assertTrue(report.ok(), () -> report.checks().toString());
            assertEquals(List.of("main.marketing.users"), report.tables().stream().map(t -> t.name().fullName()).toList());
            assertEquals(List.of(new ColumnInfo("user_id", "bigint"), new ColumnInfo("email", "string"),
                    new ColumnInfo("plan", "string"), new ColumnInfo("signup_date", "date")), report.columns());
            assertEquals(9, report.preview().rows().size());
            assertEquals(List.of(1001L, "ada.lovelace@example.com", "enterprise", "2023-02-14"),
                    report.preview().rows().get(0));
            assertEquals(new KeyStats("user_id", 9, 9, 0, List.of()), report.key());
            assertEquals(SP, report.principal());
            Set<String> timed = report.statements().stream().map(StatementTiming::check).collect(Collectors.toSet());
            assertEquals(Set.of("session", "tables", "compile", "preview", "key"), timed);
            assertTrue(result(report, "key").tried().contains(" ms)"), result(report, "key").tried());
        }
    }

    @Test
    void aQueryReadingTwoUnreadableTablesGetsBothSetsOfGrantsInOneRun() {
        ModelReport report = run(request(models, """
                SELECT u.user_id, s.salary, i.amount
                FROM main.marketing.users u
                JOIN main.hr.salaries s ON s.user_id = u.user_id
                JOIN main.finance.invoices i ON i.user_id = u.user_id""", "user_id"));
        assertFalse(report.ok());
        CheckResult tables = result(report, "tables");
        assertEquals(CheckStatus.FAILED, tables.status());
        assertEquals(List.of(true, false, false), report.tables().stream().map(TableAccess::readable).toList());
        assertEquals(Category.MISSING_SELECT, report.tables().get(1).category());
        assertEquals(Category.MISSING_USE_SCHEMA, report.tables().get(2).category());
        assertEquals(List.of(
                "GRANT SELECT ON TABLE main.hr.salaries TO `" + SP + "`;",
                "GRANT USE SCHEMA ON SCHEMA main.finance TO `" + SP + "`;",
                "GRANT SELECT ON TABLE main.finance.invoices TO `" + SP + "`;"), tables.remediation().sql());
        assertTrue(tables.raw().contains("main.hr.salaries"), tables.raw());
        assertTrue(tables.raw().contains("main.finance"), tables.raw());
        assertEquals(CheckStatus.SKIPPED, status(report, "compile"));
        assertEquals(CheckStatus.SKIPPED, status(report, "key"));
    }

    @Test
    void theGrantsMakeTheModelReadable() {
        try (DemoWorkspace ws = ModelRuns.start("models")) {
            String sql = "SELECT i.invoice_id, s.salary FROM main.finance.invoices i JOIN main.hr.salaries s "
                    + "ON s.user_id = i.user_id";
            ModelReport before = run(request(ws, sql, "invoice_id"));
            for (String grant : result(before, "tables").remediation().sql()) {
                ws.grantAsAdmin(grant);
            }
            ModelReport after = run(request(ws, sql, "invoice_id"));
            assertEquals(CheckStatus.PASSED, status(after, "tables"), () -> after.checks().toString());
        }
    }

    @Test
    void duplicatedKeysAreReportedWithCountsFromOneStatementOnTheWarehouse() {
        ModelReport report = run(request(models, "SELECT * FROM main.crm.contacts", "contact_id"));
        assertEquals("2025-06-01 09:00:00", report.preview().rows().get(0).get(3), "timestamps as Databricks shows them");
        KeyStats key = report.key();
        assertEquals(new KeyStats("contact_id", 10, 5, 2, List.of(new KeyStats.Duplicate("503", 3),
                new KeyStats.Duplicate("501", 2))), key);
        assertFalse(key.unique());
        CheckResult check = result(report, "key");
        assertEquals(CheckStatus.FAILED, check.status());
        assertTrue(check.summary().contains("503 (3×)"), check.summary());
        assertTrue(check.explanation().contains("silently drops"), check.explanation());
        assertTrue(check.explanation().contains("5 of 10 rows"), check.explanation());
        List<StatementTiming> keyStatements = report.statements().stream().filter(s -> s.check().equals("key")).toList();
        assertEquals(1, keyStatements.size(), "one aggregate statement counts everything");
        assertTrue(keyStatements.get(0).sql().contains("GROUP BY"), keyStatements.get(0).sql());
        String fixed = check.remediation().sql().get(0);
        assertTrue(fixed.contains("QUALIFY ROW_NUMBER() OVER (PARTITION BY `contact_id` ORDER BY `updated_at` DESC) = 1"),
                fixed);
        ModelReport again = run(request(models, fixed, "contact_id"));
        assertTrue(again.ok(), () -> again.checks().toString());
        assertEquals(new KeyStats("contact_id", 5, 5, 0, List.of()), again.key());
    }

    @Test
    void aViewIsReadableWithSelectOnTheViewAlone() {
        ModelReport report = run(request(models, "SELECT * FROM reporting.customer_value", "user_id"));
        assertTrue(report.ok(), () -> report.checks().toString());
        assertEquals("main.reporting.customer_value", report.tables().get(0).name().fullName());
        assertEquals(8, report.key().rows());
    }

    @Test
    void anUnknownKeyColumnFailsWithTheResultColumnsAndSuggestions() {
        ModelReport report = run(request(models, "SELECT order_id, user_id, amount FROM main.sales.orders", "id"));
        CheckResult key = result(report, "key");
        assertEquals(CheckStatus.FAILED, key.status());
        assertTrue(key.explanation().contains("order_id, user_id, amount"), key.explanation());
        assertTrue(key.remediation().steps().get(0).contains("order_id, user_id"), key.remediation().steps().toString());
        assertNull(report.key());
    }

    @Test
    void hiveMetastoreTablesGetLegacyGrants() {
        try (DemoWorkspace hive = ModelRuns.start("hive-legacy")) {
            ModelReport report = run(request(hive,
                    "SELECT o.order_id, u.email FROM sales.orders o JOIN marketing.users u ON u.user_id = o.user_id",
                    "order_id"));
            assertEquals(List.of("hive_metastore.sales.orders", "hive_metastore.marketing.users"),
                    report.tables().stream().map(t -> t.name().fullName()).toList());
            assertEquals(List.of(
                    "GRANT USAGE ON SCHEMA hive_metastore.sales TO `" + SP + "`;",
                    "GRANT SELECT, READ_METADATA ON TABLE hive_metastore.sales.orders TO `" + SP + "`;"),
                    result(report, "tables").remediation().sql());
        }
    }

    @Test
    void aLargeTableIsCheckedOnTheWarehouse() {
        try (DemoWorkspace large = ModelRuns.start(Scenario.builtIn("large").withGeneratedRows(5_000))) {
            ModelReport report = run(request(large, "SELECT event_id, user_id, url FROM main.events.page_views",
                    "event_id"));
            assertTrue(report.ok(), () -> report.checks().toString());
            assertEquals(new KeyStats("event_id", 5_000, 5_000, 0, List.of()), report.key());
            assertEquals(10, report.preview().rows().size());
        }
    }

    @Test
    void twoStatementsFailBeforeAnythingIsSent() {
        try (DemoWorkspace ready = ModelRuns.start("ready")) {
            ModelReport report = run(request(ready, "USE CATALOG main; SELECT * FROM marketing.users", "user_id"));
            CheckResult statement = result(report, "statement");
            assertEquals(CheckStatus.FAILED, statement.status());
            assertTrue(statement.summary().contains("2 statements"), statement.summary());
            assertTrue(statement.explanation().contains("WITH segment_model AS"), statement.explanation());
            assertEquals(CheckStatus.SKIPPED, status(report, "session"));
            assertEquals(List.of(), ready.thriftCalls());
            assertEquals(List.of(), report.statements());
        }
    }

    @Test
    void ddlIsNotAModel() {
        ModelReport report = run(request(models, "DROP TABLE main.crm.contacts", "contact_id"));
        assertTrue(result(report, "statement").summary().contains("DROP"), result(report, "statement").summary());
        assertFalse(report.ok());
    }

    @Test
    void theSecretNeverAppearsInTheReport() {
        ModelReport report = run(request(models, "SELECT * FROM main.finance.invoices", "invoice_id"));
        String json = ModelReportJson.write(report);
        assertFalse(json.contains(models.clientSecret()));
        assertNotNull(result(report, "tables").remediation());
    }
}
