package dev.retlsetup.store;

import static dev.retlsetup.store.StoreTestSupport.CLIENT_ID;
import static dev.retlsetup.store.StoreTestSupport.HOST;
import static dev.retlsetup.store.StoreTestSupport.SECRET;
import static dev.retlsetup.store.StoreTestSupport.assertNoSecretIn;
import static dev.retlsetup.store.StoreTestSupport.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:20:30Z"), ZoneId.of("UTC"));
    static final ReportWriter WRITER = new ReportWriter("1.2.3", "3.4.5", CLOCK);

    @TempDir
    Path dir;

    static ConnectionTestReport failing() {
        return new ConnectionTestReport(Instant.parse("2025-06-01T10:20:00Z"), List.of(
                new CheckResult("dns", "DNS", CheckStatus.PASSED, 12, "The host resolves.", null, null, null, null,
                        null),
                new CheckResult("oauth", "OAuth sign-in", CheckStatus.FAILED, 340, "Sign-in <refused> & \"denied\"",
                        "POST https://" + HOST + "/oidc/v1/token client_secret=" + SECRET,
                        "{\"error\":\"invalid_client\",\"client_secret\":\"" + SECRET + "\"} <script>alert(1)</script>",
                        "The secret " + SECRET + " is wrong.", Category.values()[0],
                        new Remediation(List.of("Create a new secret for the service principal."),
                                List.of("GRANT USE CATALOG ON CATALOG `main` TO `" + CLIENT_ID + "`;"))),
                new CheckResult("session", "JDBC session", CheckStatus.SKIPPED, 0, "Skipped: sign-in failed.", null,
                        null, null, null, null)),
                CLIENT_ID, null, "main", false);
    }

    static ConnectionTestReport passing() {
        return new ConnectionTestReport(Instant.parse("2025-06-01T10:20:00Z"), List.of(
                new CheckResult("dns", "DNS", CheckStatus.PASSED, 12, "The host resolves.", null, null, null, null,
                        null),
                new CheckResult("schema:main.sales", "Read main.sales", CheckStatus.PASSED, 80, "Read one table.",
                        null, null, null, null, null)),
                CLIENT_ID, null, "main", false);
    }

    @Test
    void htmlIsSelfContainedEscapedAndNeverHasTheSecret() {
        String html = WRITER.html(failing(), input());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>1 check failed</h1>"), html);
        assertTrue(html.contains("Sign-in &lt;refused&gt; &amp; &quot;denied&quot;"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script"), "no script, escaped or not");
        for (String external : List.of("<link", " src=", "href=", "@import", "url(")) {
            assertFalse(html.contains(external), "external resource: " + external);
        }
        assertFalse(html.contains(SECRET));
        assertFalse(html.contains(SECRET.substring(4)), "not even the part after dose");
        for (String expected : List.of(HOST, "/sql/1.0/warehouses/abcdef0123456789", "443", CLIENT_ID,
                "main.sales, main.marketing", "What was tried", "What came back", "What it means", "How to fix it",
                "Create a new secret", "GRANT USE CATALOG ON CATALOG `main` TO `" + CLIENT_ID + "`;",
                "Setup script for a Databricks admin", "__segment_reverse_etl", "340 ms", "Skipped",
                "Databricks Reverse ETL Setup 1.2.3", "Databricks JDBC driver 3.4.5", "1 June 2025, 10:20:30 UTC")) {
            assertTrue(html.contains(expected), expected);
        }
        String works = WRITER.html(passing(), input());
        assertTrue(works.contains("<h1>Connection works</h1>"));
        assertTrue(works.contains("verdict ok"));
    }

    @Test
    void jsonIsTheTestJsonPlusSettingsAndVersions() throws Exception {
        String json = WRITER.json(failing(), input());
        assertFalse(json.contains(SECRET));
        JsonNode root = StoreJson.MAPPER.readTree(json);
        Set<String> keys = new TreeSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("ok", "principal", "catalogKind", "checks", "settings", "generatedAt",
                "appVersion", "driverVersion")), keys);
        assertFalse(root.get("ok").asBoolean());
        assertEquals(HOST, root.get("settings").get("host").asText());
        assertEquals(443, root.get("settings").get("port").asInt());
        assertEquals(2, root.get("settings").get("schemas").size());
        assertFalse(root.get("settings").has("secret"));
        assertEquals("2025-06-01T10:20:30Z", root.get("generatedAt").asText());
        assertEquals("1.2.3", root.get("appVersion").asText());
        assertEquals("3.4.5", root.get("driverVersion").asText());
        assertEquals(3, root.get("checks").size());
    }

    @Test
    void writeChoosesTheFormatByExtensionAndIsOwnerOnly() throws Exception {
        WRITER.write(dir.resolve("report.HTML"), failing(), input());
        WRITER.write(dir.resolve("report.json"), failing(), input());
        assertTrue(Files.readString(dir.resolve("report.HTML")).startsWith("<!DOCTYPE html>"));
        StoreJson.MAPPER.readTree(dir.resolve("report.json").toFile());
        assertThrows(IllegalArgumentException.class, () -> WRITER.write(dir.resolve("report.txt"), failing(), input()));
        assertEquals(Optional.empty(), ReportWriter.Format.of(Path.of("report")));
        assertNoSecretIn(dir, SECRET);
    }

    @Test
    void driverVersionComesFromTheDriverJar() {
        assertEquals("3.4.5", DriverInfo.version());
    }
}
