package dev.retlsetup.report;

import static dev.retlsetup.report.ReportFixtures.CAN_USE_STEP;
import static dev.retlsetup.report.ReportFixtures.CLIENT_ID;
import static dev.retlsetup.report.ReportFixtures.HOST;
import static dev.retlsetup.report.ReportFixtures.PATH;
import static dev.retlsetup.report.ReportFixtures.SECRET;
import static dev.retlsetup.report.ReportFixtures.SELECT_SALES;
import static dev.retlsetup.report.ReportFixtures.STARTED;
import static dev.retlsetup.report.ReportFixtures.USE_CATALOG;
import static dev.retlsetup.report.ReportFixtures.USE_SCHEMA_MARKETING;
import static dev.retlsetup.report.ReportFixtures.USE_SCHEMA_SALES;
import static dev.retlsetup.report.ReportFixtures.WAREHOUSE;
import static dev.retlsetup.report.ReportFixtures.WRITER;
import static dev.retlsetup.report.ReportFixtures.settings;
import static dev.retlsetup.report.ReportFixtures.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.source.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The page without markup: what a reader sees (CSS and tags dropped, entities kept). */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<[^>]+>", " ");
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static String escaped(String text) {
        return HtmlReport.escape(text);
    }

    @Test
    void opensWithTheVerdictThenWhatFailedThenWhatToRunBeforeAnyPassingCheck() {
        String html = WRITER.html(ReportFixtures.twoSchemasFail(), subject());
        int verdict = html.indexOf("<h1>2 problems stop Segment from connecting</h1>");
        int source = html.indexOf(HOST);
        int failed = html.indexOf("<h2>What failed</h2>");
        int run = html.indexOf("<h2>What to run or change</h2>");
        int passing = html.indexOf("Hostname can be found");
        int skipped = html.indexOf("managed schema is usable");
        assertTrue(verdict > 0, html);
        assertTrue(verdict < source && source < failed && failed < run && run < passing && run < skipped,
                "verdict, source, what failed, what to run, then the rest: " + List.of(verdict, source, failed, run,
                        passing, skipped));
        assertTrue(html.indexOf("<details class=\"checks\">") < passing, "passing checks are folded away");
        assertTrue(html.contains("<summary>The other checks (3)</summary>"));
        assertTrue(html.indexOf("main.sales cannot be read.") < run, "each failure's summary is in What failed");
        assertTrue(html.indexOf("The service principal may not open the schema main.marketing.") < run);
    }

    @Test
    void failingReportListsTheCombinedSqlOnceInCheckOrder() {
        String html = WRITER.html(ReportFixtures.twoSchemasFail(), subject());
        String escapedCatalog = escaped(USE_CATALOG);
        assertEquals(1, count(html, escapedCatalog), "USE CATALOG, needed by both schemas, once");
        assertFalse(html.toLowerCase().contains("grant use  catalog"), "the same grant in another spelling is dropped");
        for (String statement : List.of(USE_SCHEMA_SALES, SELECT_SALES, USE_SCHEMA_MARKETING)) {
            assertEquals(1, count(html, escaped(statement)), statement);
        }
        Matcher block = Pattern.compile("(?s)<pre class=\"sql\"><code>(.*?)</code></pre>").matcher(html);
        assertTrue(block.find(), "one SQL block");
        assertFalse(block.find(), "only one SQL block");
        block.reset().find();
        List<String> lines = block.group(1).lines().toList();
        assertEquals(List.of(escaped("-- Segment Reverse ETL: fixes for the service principal " + CLIENT_ID + " on "
                + HOST), escapedCatalog, escaped(USE_SCHEMA_SALES), escaped(SELECT_SALES),
                escaped(USE_SCHEMA_MARKETING)), lines, "copy-ready: a comment line, then the statements in order");
        assertTrue(html.contains("For “Schema main.sales can be read”"), "steps are grouped by failed check");
        assertTrue(html.contains("<li>Check the spelling of the schema (and its catalog) in Catalog Explorer.</li>"));
    }

    @Test
    void failureWithoutSqlListsItsStepInDatabricksAndNoSqlBlock() {
        String html = WRITER.html(ReportFixtures.warehouseDenied(), subject());
        assertTrue(html.contains("<h1>One problem stops Segment from connecting</h1>"), html);
        assertTrue(html.contains("<li>" + escaped(CAN_USE_STEP) + "</li>"));
        assertTrue(html.indexOf("<h2>What to run or change</h2>") < html.indexOf(escaped(CAN_USE_STEP)));
        assertFalse(html.contains("<pre class=\"sql\">"));
        assertTrue(html.contains(CLIENT_ID), "the principal is named even before sign-in reported it");
    }

    @Test
    void failureWithNoKnownFixSaysSoInsteadOfAnEmptyBlock() {
        ConnectionTestReport report = new ConnectionTestReport(STARTED, List.of(new CheckResult("session", "A session opens",
                CheckStatus.FAILED, 5, "The driver gave up.", null, "boom", null, Category.UNKNOWN,
                new Remediation(List.of(), List.of()))), null, null, null, false);
        String html = WRITER.html(report, subject());
        assertTrue(html.contains("The test cannot name a fix for this."));
    }

    @Test
    void passingReportSaysWhatWasProvenAndTellsNobodyToRunAnything() {
        String html = WRITER.html(ReportFixtures.passing(), subject());
        assertTrue(html.contains("<h1>Segment can connect with these settings</h1>"), html);
        assertTrue(html.contains("verdict ok"));
        assertTrue(html.indexOf("What this test proved") < html.indexOf("What it did not prove"));
        assertTrue(html.contains("<li>Schema main.marketing can be read</li>"), "proven: each passed check");
        assertTrue(html.contains("one table in each schema was read"));
        String text = visibleText(html);
        assertFalse(Pattern.compile("(?i)\\brun\\b").matcher(text).find(), "no 'run this': " + text);
        assertFalse(text.contains("GRANT"));
        assertFalse(html.contains("<pre class=\"sql\">"));
        assertFalse(html.contains("What to run"));
        assertFalse(html.contains("What failed"));
        assertTrue(html.contains("<summary>All checks (4)</summary>"));
    }

    @Test
    void passingReportWithAWarningShowsItsAdviceButNoSql() {
        CheckResult empty = new CheckResult("schema:main.marketing", "Schema main.marketing can be read",
                CheckStatus.WARNING, 30, "main.marketing has no tables.", null, null,
                "Segment can connect, but a model on this schema would find nothing.", null,
                new Remediation(List.of("Check that the models use the schema you meant."), List.of(USE_CATALOG)));
        ConnectionTestReport report = new ConnectionTestReport(STARTED, List.of(ReportFixtures.DNS, empty), CLIENT_ID, null, "main",
                false);
        String html = WRITER.html(report, subject());
        assertTrue(html.contains("<h1>Segment can connect with these settings</h1>"));
        int look = html.indexOf("<h2>Worth a look</h2>");
        assertTrue(look > html.indexOf("What it did not prove"), html);
        assertTrue(html.indexOf("main.marketing has no tables.") > look);
        assertTrue(html.contains("<li>Check that the models use the schema you meant.</li>"));
        assertFalse(html.contains("GRANT"), "a warning asks nobody to run SQL");
        assertFalse(html.contains("<li>Schema main.marketing can be read</li>"), "a warning is not proof");
    }

    @Test
    void passingReportWithoutSchemasSaysNoTableWasRead() {
        SourceSettings none = new SourceSettings(HOST, PATH, 443, CLIENT_ID, SECRET, null, List.of());
        String html = WRITER.html(ReportFixtures.passing(), ReportSubject.of(none));
        assertTrue(html.contains("That any table can be read: no schemas were named."));
        assertTrue(html.contains("(workspace default)"));
    }

    @Test
    void cancelledReportNamesNoFailureAndNoFix() {
        String html = WRITER.html(ReportFixtures.cancelled(), subject());
        assertTrue(html.contains("<h1>The test was stopped before it finished</h1>"));
        assertFalse(html.contains("What failed"));
        assertFalse(html.contains("What to run"));
        assertFalse(html.contains("What this test proved"), "a cancelled run proves nothing");
    }

    @Test
    void namesTheSourceWorkspaceAndWarehouse() {
        String html = WRITER.html(ReportFixtures.twoSchemasFail(), subject());
        String top = html.substring(0, html.indexOf("<h2>What failed</h2>"));
        for (String expected : List.of("<dt>Source</dt><dd>Marketing warehouse</dd>",
                "<dt>Workspace</dt><dd>" + HOST + "</dd>", "<dt>SQL warehouse</dt><dd>" + WAREHOUSE + "</dd>", "<dt>Service principal</dt><dd>" + CLIENT_ID + "</dd>")) {
            assertTrue(top.contains(expected), expected + " in " + top);
        }
        String unsaved = WRITER.html(ReportFixtures.twoSchemasFail(), ReportSubject.of(settings()));
        assertFalse(unsaved.contains("<dt>Source</dt>"), "no name row for settings not saved");
        assertTrue(unsaved.contains("<dt>Workspace</dt><dd>" + HOST + "</dd>"));
    }

    @Test
    void demoReportSaysItWasTheDemoAndARealOneDoesNot() {
        String demo = WRITER.html(ReportFixtures.twoSchemasFail(),
                new ReportSubject(settings(), "demo", "missing-select"));
        String top = demo.substring(0, demo.indexOf("<h2>What failed</h2>"));
        assertTrue(top.contains("This was the demo workspace (scenario missing-select)"), top);
        assertFalse(WRITER.html(ReportFixtures.twoSchemasFail(), subject()).contains("demo workspace"));
        assertFalse(WRITER.html(ReportFixtures.passing(), new ReportSubject(settings(), null, " "))
                .contains("demo workspace"), "a blank scenario is no demo");
    }

    @Test
    void markupFitsAPhone() throws Exception {
        String html = WRITER.html(ReportFixtures.twoSchemasFail(), subject());
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        String css = new String(HtmlReport.class.getResourceAsStream(HtmlReport.CSS_RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(html.contains(css), "the stylesheet is inlined");
        Matcher widths = Pattern.compile("(?<![-\\w])(min-)?width:\\s*([0-9.]+)(px|rem|em)").matcher(css);
        while (widths.find()) {
            double px = Double.parseDouble(widths.group(2)) * (widths.group(3).equals("px") ? 1 : 16);
            assertTrue(px <= 40, "a fixed width wider than an icon overflows a phone: " + widths.group());
        }
        assertTrue(css.contains("@media (max-width:"), "a narrow-screen layout");
        assertTrue(css.contains("white-space: pre-wrap"), "long GRANT lines wrap instead of scrolling");
        assertTrue(css.contains("table.settings th, table.settings td { display: block; width: auto; }"),
                "the settings table stacks on a phone");
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        String html = WRITER.html(leaky(), subject());
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("Sign-in &lt;refused&gt; &amp; &quot;denied&quot;"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script"), "no script, escaped or not");
        for (String external : List.of("<link", " src=", "href=", "@import", "url(")) {
            assertFalse(html.contains(external), "external resource: " + external);
        }
        for (String expected : List.of(PATH, "<td>443</td>", "main.sales, main.marketing", "What was tried",
                "What came back", "Create a new secret", "12 ms", "Skipped", "Databricks Reverse ETL Setup 1.2.3",
                "Databricks JDBC driver 3.4.5", "Test started 1 June 2025, 10:20:00 UTC",
                "report generated 1 June 2025, 10:20:30 UTC")) {
            assertTrue(html.contains(expected), expected);
        }
    }

    /** A failure whose every text carries the secret, as a careless error message could. */
    static ConnectionTestReport leaky() {
        return new ConnectionTestReport(STARTED, List.of(ReportFixtures.DNS,
                new CheckResult("oauth", "OAuth sign-in", CheckStatus.FAILED, 340, "Sign-in <refused> & \"denied\" "
                        + SECRET, "POST https://" + HOST + "/oidc/v1/token client_secret=" + SECRET,
                        "{\"error\":\"invalid_client\",\"client_secret\":\"" + SECRET + "\"} <script>alert(1)</script>",
                        "The secret " + SECRET + " is wrong.", Category.INVALID_CLIENT,
                        new Remediation(List.of("Create a new secret; the old one, " + SECRET + ", is void."),
                                List.of("-- " + SECRET, USE_CATALOG))),
                ReportFixtures.skipped("session", "JDBC session")),
                CLIENT_ID, null, "main", false);
    }

    @Test
    void theSecretIsNeverInAnyReport() throws Exception {
        for (ConnectionTestReport report : List.of(leaky(), ReportFixtures.passing(), ReportFixtures.twoSchemasFail())) {
            for (String out : List.of(WRITER.html(report, subject()), WRITER.json(report, subject()))) {
                assertFalse(out.contains(SECRET));
                assertFalse(out.contains(SECRET.substring(4)), "not even the part after dose");
            }
        }
        WRITER.write(dir.resolve("r.html"), leaky(), subject());
        WRITER.write(dir.resolve("r.json"), leaky(), subject());
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
                    assertFalse(new String(bytes, charset).contains(SECRET.substring(4)), file + " " + charset);
                }
            }
        }
    }

    @Test
    void jsonIsTheTestJsonPlusSettingsSourceDemoAndVersions() throws Exception {
        String json = WRITER.json(ReportFixtures.twoSchemasFail(), new ReportSubject(settings(), "Marketing", "ready"));
        JsonNode root = JSON.readTree(json);
        Set<String> keys = new TreeSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("ok", "principal", "catalogKind", "checks", "settings", "sourceName",
                "demoScenario", "generatedAt", "appVersion", "driverVersion")), keys);
        assertFalse(root.get("ok").asBoolean());
        JsonNode s = root.get("settings");
        assertEquals(HOST, s.get("host").asText());
        assertEquals(PATH, s.get("httpPath").asText());
        assertEquals(443, s.get("port").asInt());
        assertEquals(CLIENT_ID, s.get("clientId").asText());
        assertEquals("main", s.get("catalog").asText());
        assertEquals(List.of("main.sales", "main.marketing"), JSON.convertValue(s.get("schemas"), List.class));
        assertFalse(s.has("secret"));
        assertEquals("Marketing", root.get("sourceName").asText());
        assertEquals("ready", root.get("demoScenario").asText());
        assertEquals("2025-06-01T10:20:30Z", root.get("generatedAt").asText());
        assertEquals("1.2.3", root.get("appVersion").asText());
        assertEquals("3.4.5", root.get("driverVersion").asText());
        assertEquals(5, root.get("checks").size());

        JsonNode plain = JSON.readTree(WRITER.json(ReportFixtures.passing(), ReportSubject.of(
                new SourceSettings(HOST, PATH, 0, CLIENT_ID, null, null, List.of()))));
        assertTrue(plain.get("sourceName").isNull());
        assertTrue(plain.get("demoScenario").isNull());
        assertTrue(plain.get("settings").get("catalog").isNull(), "null = the workspace default");
        assertTrue(plain.get("settings").get("port").isNull(), "0 is no port");
    }

    @Test
    void writeChoosesTheFormatByExtensionAndIsOwnerOnly() throws Exception {
        WRITER.write(dir.resolve("report.HTML"), ReportFixtures.twoSchemasFail(), subject());
        WRITER.write(dir.resolve("nested/report.json"), ReportFixtures.twoSchemasFail(), subject());
        assertTrue(Files.readString(dir.resolve("report.HTML")).startsWith("<!DOCTYPE html>"));
        JSON.readTree(dir.resolve("nested/report.json").toFile());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("report.HTML"))));
        }
        assertThrows(IllegalArgumentException.class,
                () -> WRITER.write(dir.resolve("report.txt"), ReportFixtures.passing(), subject()));
        assertEquals(Optional.empty(), ReportWriter.Format.of(Path.of("report")));
        assertEquals(Optional.of(ReportWriter.Format.HTML), ReportWriter.Format.of(Path.of("a.htm")));
        assertNull(ReportWriter.Format.of(null).orElse(null));
    }
}
