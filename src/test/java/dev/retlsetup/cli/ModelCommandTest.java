package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code model} command's contract: exit codes, the one JSON object, names, and no network for two statements. */
class ModelCommandTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static DemoWorkspace models;

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        models = DemoWorkspace.start(Scenario.builtIn("models"), 0);
    }

    @AfterAll
    static void stop() {
        models.close();
    }

    private int model(List<String> args) {
        Map<String, String> env = Map.of("DATABRICKS_CLIENT_SECRET", models.clientSecret(), "HOME", home.toString());
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env);
        List<String> all = new ArrayList<>(List.of("model"));
        all.addAll(args);
        return cli.run(all.toArray(String[]::new));
    }

    private static List<String> against(DemoWorkspace ws, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", "main",
                "--trust-store", ws.trustStorePath().toString(), "--trust-store-password", ws.trustStorePassword()));
        args.addAll(List.of(more));
        return args;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json() throws IOException {
        return STRICT.readTree(stdout());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void aReadyModelExitsZeroWithTheWholeJsonShape() throws IOException {
        int code = model(against(models, "--sql", "SELECT user_id, email, is_subscribed FROM marketing.users",
                "--key", "user_id", "--preview", "3", "--json"));
        assertEquals(0, code, stderr() + stdout());
        JsonNode root = json();
        assertEquals(Set.of("ok", "tables", "columns", "preview", "key", "checks"), keys(root));
        assertTrue(root.get("ok").asBoolean());
        JsonNode table = root.get("tables").get(0);
        assertEquals(Set.of("name", "readable", "category", "remediation"), keys(table));
        assertEquals("main.marketing.users", table.get("name").asText());
        assertTrue(table.get("readable").asBoolean());
        assertTrue(table.get("category").isNull());
        assertTrue(table.get("remediation").isNull());
        assertEquals("bigint", root.get("columns").get(0).get("type").asText());
        assertEquals(Set.of("name", "type"), keys(root.get("columns").get(0)));
        JsonNode preview = root.get("preview");
        assertEquals(Set.of("columns", "rows"), keys(preview));
        assertEquals(3, preview.get("rows").size());
        JsonNode first = preview.get("rows").get(0);
        assertTrue(first.get(0).isNumber() && first.get(1).isTextual() && first.get(2).isBoolean(), first.toString());
        JsonNode key = root.get("key");
        assertEquals(Set.of("column", "rows", "distinct", "nulls", "unique", "duplicates"), keys(key));
        assertEquals(8, key.get("rows").asInt());
        assertTrue(key.get("unique").asBoolean());
        for (JsonNode check : root.get("checks")) {
            assertEquals(Set.of("id", "title", "status", "millis", "category", "detail", "remediation"), keys(check));
            assertEquals("passed", check.get("status").asText(), check.toString());
        }
        assertEquals(List.of("statement", "session", "tables", "compile", "preview", "key"),
                root.get("checks").findValuesAsText("id"));
    }

    @Test
    void unreadableTablesExitOneWithGrantsPerTable() throws IOException {
        int code = model(against(models, "--sql",
                "SELECT * FROM main.finance.invoices i JOIN main.hr.salaries s ON s.user_id = i.user_id",
                "--key", "invoice_id", "--json"));
        assertEquals(1, code);
        JsonNode tables = json().get("tables");
        assertEquals("main.finance.invoices", tables.get(0).get("name").asText());
        assertEquals("MISSING_USE_SCHEMA", tables.get(0).get("category").asText());
        assertEquals(2, tables.get(0).get("remediation").get("sql").size());
        assertEquals("MISSING_SELECT", tables.get(1).get("category").asText());
        assertTrue(tables.get(1).get("remediation").get("sql").get(0).asText()
                .startsWith("GRANT SELECT ON TABLE main.hr.salaries TO `"));
        assertTrue(json().get("key").isNull());
        assertTrue(json().get("preview").isNull());
    }

    @Test
    void duplicatedKeysExitOneWithTheirCounts() throws IOException {
        assertEquals(1, model(against(models, "--sql", "SELECT * FROM crm.contacts", "--key", "contact_id", "--json")));
        JsonNode key = json().get("key");
        assertFalse(key.get("unique").asBoolean());
        assertEquals(2, key.get("nulls").asInt());
        assertEquals("503", key.get("duplicates").get(0).get("value").asText());
        assertEquals(3, key.get("duplicates").get(0).get("count").asInt());
    }

    @Test
    void twoStatementsExitOneBeforeAnyNetworkCall() throws IOException {
        // A host that does not exist: any network step would fail differently (and slowly).
        int code = model(List.of("--host", "nonexistent.invalid", "--http-path", "/sql/1.0/warehouses/abc",
                "--client-id", "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036",
                "--sql", "SELECT 1; SELECT 2", "--key", "x", "--json"));
        assertEquals(1, code);
        JsonNode checks = json().get("checks");
        assertEquals("failed", checks.get(0).get("status").asText());
        assertTrue(checks.get(0).get("detail").asText().contains("2 statements"));
        for (int i = 1; i < checks.size(); i++) {
            assertEquals("skipped", checks.get(i).get("status").asText());
        }
    }

    @Test
    void sqlFromAFileAndHumanOutput() throws IOException {
        Path file = home.resolve("model.sql");
        Files.writeString(file, "-- contacts\nSELECT * FROM main.sales.orders;\n");
        int code = model(against(models, "--sql-file", file.toString(), "--key", "order_id"));
        assertEquals(0, code, stdout());
        assertTrue(stdout().contains("✓ Unique identifier order_id"), stdout());
        assertTrue(stdout().contains("Ready for Segment"), stdout());
        assertTrue(stdout().contains("Preview (7 rows)"), stdout());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, model(List.of("--key", "id")));
        assertTrue(stderr().contains("exactly one of --sql SQL or --sql-file FILE"), stderr());
        assertEquals(2, model(List.of("--sql", "SELECT 1", "--sql-file", "x.sql", "--key", "id")));
        assertEquals(2, model(List.of("--sql", "SELECT 1")));
        assertEquals(2, model(List.of("--sql", "SELECT 1", "--key", "id", "--preview", "101")));
        assertEquals(2, model(List.of("--sql", "SELECT 1", "--key", "id", "--timeout", "0")));
        assertEquals(2, model(List.of("--sql-file", home.resolve("missing.sql").toString(), "--key", "id")));
        assertTrue(stderr().contains("no readable file"), stderr());
        assertEquals(2, model(List.of("--sql", "SELECT 1", "--key", "id", "--secret", "dose1234")));
        assertFalse(stderr().contains("dose1234"));
    }
}
