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

/** The {@code test} command's contract: exit codes, the one JSON object, and secrets kept out of sight. */
class TestCommandTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static DemoWorkspace ready;
    private static DemoWorkspace missingSelect;

    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        ready = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
        missingSelect = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0);
    }

    @AfterAll
    static void stop() {
        ready.close();
        missingSelect.close();
    }

    private int test(String... args) {
        Map<String, String> env = Map.of("DATABRICKS_CLIENT_SECRET", ready.clientSecret(), "HOME", home.toString());
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env);
        List<String> all = new ArrayList<>(List.of("test"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private static List<String> against(DemoWorkspace ws, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", "main",
                "--schemas", "main.marketing", "--trust-store", ws.trustStorePath().toString(),
                "--trust-store-password", ws.trustStorePassword()));
        args.addAll(List.of(more));
        return args;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Exactly one JSON object on stdout, with the documented keys at every level. */
    private JsonNode json() throws IOException {
        JsonNode root = STRICT.readTree(stdout());
        assertTrue(root.isObject(), stdout());
        assertEquals(Set.of("ok", "principal", "catalogKind", "checks"), keys(root));
        assertTrue(root.get("ok").isBoolean());
        assertTrue(root.get("checks").isArray() && root.get("checks").size() > 0);
        for (JsonNode check : root.get("checks")) {
            assertEquals(Set.of("id", "title", "status", "millis", "category", "detail", "remediation"), keys(check));
            assertTrue(Set.of("passed", "warning", "failed", "skipped").contains(check.get("status").asText()));
            assertTrue(check.get("millis").isIntegralNumber());
            JsonNode fix = check.get("remediation");
            assertTrue(fix.isNull() || keys(fix).equals(Set.of("steps", "sql")), fix::toString);
            if (!fix.isNull()) {
                assertTrue(fix.get("steps").isArray() && fix.get("sql").isArray(), fix::toString);
            }
        }
        return root;
    }

    private static JsonNode firstFailed(JsonNode root) {
        for (JsonNode check : root.get("checks")) {
            if (check.get("status").asText().equals("failed")) {
                return check;
            }
        }
        throw new AssertionError("no failed check in " + root);
    }

    private void assertSecretNowhere() {
        assertFalse(stdout().contains(ready.clientSecret()));
        assertFalse(stderr().contains(ready.clientSecret()));
    }

    @Test
    void readyWorkspaceExitsZeroWithOneJsonObject() throws IOException {
        assertEquals(0, test(against(ready, "--json").toArray(String[]::new)), stderr());

        JsonNode root = json();
        assertTrue(root.get("ok").asBoolean());
        assertEquals(ready.clientId(), root.get("principal").asText());
        assertEquals("UNITY_CATALOG", root.get("catalogKind").asText());
        for (JsonNode check : root.get("checks")) {
            assertEquals("passed", check.get("status").asText(), check::toString);
            assertTrue(check.get("category").isNull());
            assertTrue(check.get("remediation").isNull());
        }
        assertSecretNowhere();
    }

    @Test
    void failingScenarioExitsOneWithTheGrantInTheJson() throws IOException {
        assertEquals(1, test(against(missingSelect, "--json").toArray(String[]::new)), stderr());

        JsonNode failed = firstFailed(json());
        assertEquals("schema:main.marketing", failed.get("id").asText());
        assertEquals("MISSING_SELECT", failed.get("category").asText());
        assertEquals("GRANT SELECT ON SCHEMA main.marketing TO `" + ready.clientId() + "`;",
                failed.get("remediation").get("sql").get(0).asText());
        assertSecretNowhere();
    }

    @Test
    void failingScenarioInTextModePrintsTheFixAndExitsOne() {
        assertEquals(1, test(against(missingSelect).toArray(String[]::new)));

        assertTrue(stdout().contains("GRANT SELECT ON SCHEMA main.marketing TO `" + ready.clientId() + "`;"), stdout());
        assertSecretNowhere();
    }

    @Test
    void invalidSettingsAreTheFirstFailedCheck() throws IOException {
        List<String> args = against(ready, "--json");
        args.set(args.indexOf("--host") + 1, "accounts.cloud.databricks.com");
        assertEquals(1, test(args.toArray(String[]::new)));

        JsonNode root = json();
        assertFalse(root.get("ok").asBoolean());
        assertEquals("validation", firstFailed(root).get("id").asText());
        assertEquals("validation", root.get("checks").get(0).get("id").asText());
        assertEquals("skipped", root.get("checks").get(1).get("status").asText());
    }

    @Test
    void nonNumericTimeoutIsAUsageError() {
        assertEquals(2, test(against(ready, "--timeout", "abc").toArray(String[]::new)));
        assertTrue(stderr().contains("--timeout"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void missingTrustStoreFileIsAUsageError() {
        List<String> args = against(ready);
        args.set(args.indexOf("--trust-store") + 1, home.resolve("nowhere.p12").toString());
        assertEquals(2, test(args.toArray(String[]::new)));
        assertTrue(stderr().contains("trust store not found"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void secretOnTheCommandLineIsRefusedWithoutRepeatingIt() {
        String secret = "dose0123456789abcdef0123456789abcdef";
        assertEquals(2, test(against(ready, "--secret", secret).toArray(String[]::new)));
        assertTrue(stderr().contains("DATABRICKS_CLIENT_SECRET"), stderr());
        assertFalse(stderr().contains(secret));
        assertEquals("", stdout());
    }

    @Test
    void secretFlagIsRefusedWhateverItsValue() {
        assertEquals(2, test(against(ready, "--secret", "x").toArray(String[]::new)));
        assertTrue(stderr().contains("--secret is not accepted"), stderr());
    }
}
