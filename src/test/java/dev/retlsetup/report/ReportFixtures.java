package dev.retlsetup.report;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.source.SourceSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Test runs and settings shaped like the tester's (titles and texts as it writes them). */
final class ReportFixtures {
    static final String HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String WAREHOUSE = "abcdef0123456789";
    static final String PATH = "/sql/1.0/warehouses/" + WAREHOUSE;
    static final String CLIENT_ID = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";
    static final Instant STARTED = Instant.parse("2025-06-01T10:20:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:20:30Z"), ZoneId.of("UTC"));
    static final ReportWriter WRITER = new ReportWriter("1.2.3", "3.4.5", CLOCK, Locale.ENGLISH);

    static final String USE_CATALOG = "GRANT USE CATALOG ON CATALOG main TO `" + CLIENT_ID + "`;";
    static final String USE_SCHEMA_SALES = "GRANT USE SCHEMA ON SCHEMA main.sales TO `" + CLIENT_ID + "`;";
    static final String SELECT_SALES = "GRANT SELECT ON SCHEMA main.sales TO `" + CLIENT_ID + "`;";
    static final String USE_SCHEMA_MARKETING = "GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + CLIENT_ID + "`;";
    static final String CAN_USE_STEP = "Ask a workspace admin or the warehouse owner to open SQL Warehouses > the "
            + "warehouse > Permissions, add the service principal " + CLIENT_ID + ", choose \"Can use\", and save.";

    private ReportFixtures() {
    }

    static SourceSettings settings() {
        return new SourceSettings(HOST, PATH, 443, CLIENT_ID, SECRET, "main", List.of("main.sales", "main.marketing"));
    }

    static ReportSubject subject() {
        return new ReportSubject(settings(), "Marketing warehouse", null);
    }

    static CheckResult passed(String id, String title, String summary) {
        return new CheckResult(id, title, CheckStatus.PASSED, 12, summary, null, null, null, null, null);
    }

    static CheckResult skipped(String id, String title) {
        return new CheckResult(id, title, CheckStatus.SKIPPED, 0, "Skipped: it needs \"Catalog can be used\" to pass "
                + "first.", null, null, null, null, null);
    }

    static CheckResult failed(String id, String title, String summary, String explanation, Category category,
            List<String> steps, List<String> sql) {
        return new CheckResult(id, title, CheckStatus.FAILED, 340, summary, "SHOW TABLES IN " + id,
                "[INSUFFICIENT_PERMISSIONS] denied", explanation, category, new Remediation(steps, sql));
    }

    static final CheckResult DNS = passed("dns", "Hostname can be found", HOST + " resolves to 10.0.0.7.");
    static final CheckResult OAUTH = passed("oauth", "Service principal can sign in",
            "Signed in with OAuth; the token is valid for 60 minutes.");
    static final CheckResult MARKETING_OK = passed("schema:main.marketing", "Schema main.marketing can be read",
            "Read one row of main.marketing.users.");

    /** Two schemas fail; both need USE CATALOG, which the combined SQL must hold once. */
    static ConnectionTestReport twoSchemasFail() {
        return new ConnectionTestReport(STARTED, List.of(DNS, OAUTH,
                failed("schema:main.sales", "Schema main.sales can be read", "main.sales cannot be read.",
                        "The schema main.sales does not exist, or the service principal may not see it.",
                        Category.SCHEMA_NOT_FOUND,
                        List.of("Check the spelling of the schema (and its catalog) in Catalog Explorer.",
                                "If the name is right, ask the schema owner to run the SQL below."),
                        List.of(USE_CATALOG, USE_SCHEMA_SALES, SELECT_SALES)),
                failed("schema:main.marketing", "Schema main.marketing can be read", "main.marketing cannot be read.",
                        "The service principal may not open the schema main.marketing.", Category.MISSING_USE_SCHEMA,
                        List.of("Ask the schema owner to run the SQL below.", "Test the connection again."),
                        List.of("grant use  catalog on catalog main to `" + CLIENT_ID + "`", USE_SCHEMA_MARKETING)),
                skipped("managed-schema", "Segment’s managed schema is usable")),
                CLIENT_ID, null, "main", false);
    }

    /** The warehouse refuses the principal: no SQL fixes it, only a step in the Databricks UI. */
    static ConnectionTestReport warehouseDenied() {
        return new ConnectionTestReport(STARTED, List.of(DNS, OAUTH,
                failed("warehouse", "Warehouse exists and is running", "The warehouse API answered HTTP 403.",
                        "The service principal has no \"Can use\" permission on the SQL warehouse.",
                        Category.WAREHOUSE_ACCESS_DENIED, List.of(CAN_USE_STEP), List.of()),
                skipped("session", "A session opens on the warehouse")),
                null, null, "main", false);
    }

    static ConnectionTestReport passing() {
        return new ConnectionTestReport(STARTED, List.of(DNS, OAUTH, MARKETING_OK,
                passed("managed-schema", "Segment’s managed schema is usable",
                        "main.__segment_reverse_etl does not exist yet; Segment can create it.")),
                CLIENT_ID, null, "main", false);
    }

    static ConnectionTestReport cancelled() {
        return new ConnectionTestReport(STARTED, List.of(DNS, skipped("oauth", "Service principal can sign in")),
                null, null, "main", true);
    }
}
