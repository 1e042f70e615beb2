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

    private Path config() {
        return home.resolve("config");
    }

    private int testWithConfig(String... args) {
        Map<String, String> env = Map.of("DATABRICKS_CLIENT_SECRET", ready.clientSecret(), "HOME", home.toString(),
                dev.retlsetup.store.ConfigDirectory.ENV, config().toString());
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env);
        List<String> all = new ArrayList<>(List.of("test"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void aPassingTestWhoseReportCannotBeWrittenExitsOneAndSaysWhyInTheJson() throws IOException {
        Path blocker = home.resolve("blocker");
        java.nio.file.Files.writeString(blocker, "a file, not a folder");
        int code = test(against(ready, "--json", "--report", blocker.resolve("r.html").toString())
                .toArray(String[]::new));
        assertEquals(1, code, stdout() + stderr());
        JsonNode root = STRICT.readTree(stdout());
        assertTrue(root.get("ok").asBoolean(), "the connection itself works");
        assertTrue(root.get("problems").get(0).asText().startsWith("the report was not written."), stdout());
        assertTrue(stderr().contains("the report was not written."), stderr());
        assertSecretNowhere();
    }

    /** A saved demo source, with the port of a demo that no longer runs. */
    private void saveDemoSource(String name, String scenario) throws Exception {
        new dev.retlsetup.store.SourceStore(config()).create(dev.retlsetup.store.SavedSource.of(name,
                new dev.retlsetup.source.SourceInput("localhost", ready.httpPath(), "1", ready.clientId(), "", "main",
                        "main.marketing"), dev.retlsetup.store.SecretStorage.none()).withDemoScenario(scenario));
    }

    @Test
    void aSavedDemoSourceStartsItsDemoFirstAndRecordsEachResult() throws Exception {
        saveDemoSource("Demo", "ready");
        assertEquals(0, testWithConfig("--profile", "Demo", "--json"), stdout() + stderr());
        assertTrue(stderr().contains("is the demo workspace (ready)"), stderr());
        var store = new dev.retlsetup.store.SourceStore(config());
        assertTrue(store.load("Demo").lastTest().ok());

        saveDemoSource("Broken demo", "missing-select");
        out.reset();
        assertEquals(1, testWithConfig("--profile", "Broken demo", "--json"), stdout() + stderr());
        var failed = store.load("Broken demo").lastTest();
        assertFalse(failed.ok(), "a failing re-test is recorded too");
        assertTrue(failed.failed() >= 1);
        assertSecretNowhere();
    }

    @Test
    void aRunCutShortByTheTimeLimitRecordsNothing() throws Exception {
        saveDemoSource("Slow demo", "slow");
        var store = new dev.retlsetup.store.SourceStore(config());
        assertEquals(1, testWithConfig("--profile", "Slow demo", "--timeout", "1", "--json"), stdout() + stderr());
        assertEquals(null, store.load("Slow demo").lastTest(), "a timed-out run is not a test result");
    }

    @Test
    void aResultThatCannotBeRecordedExitsOneAndSaysWhy() throws Exception {
        saveDemoSource("Locked", "ready");
        Path sources = new dev.retlsetup.store.SourceStore(config()).directory();
        boolean locked = lock(sources);
        org.junit.jupiter.api.Assumptions.assumeTrue(locked, "cannot make a folder read-only here");
        try {
            assertEquals(1, testWithConfig("--profile", "Locked", "--json"), stdout() + stderr());
            JsonNode root = STRICT.readTree(stdout());
            assertTrue(root.get("ok").asBoolean());
            assertTrue(root.get("problems").get(0).asText().startsWith("the result was not recorded"), stdout());
            assertTrue(stderr().contains("the result was not recorded"), stderr());
        } finally {
            unlock(sources);
        }
    }

    /** Makes a folder unwritable, even for root (chattr +i), else with permissions; false when neither works. */
    private static boolean lock(Path dir) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            try {
                return new ProcessBuilder("chattr", "+i", dir.toString()).start().waitFor() == 0 && !canCreate(dir);
            } catch (IOException noChattr) {
                return false;
            }
        }
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
        return !canCreate(dir);
    }

    private static boolean canCreate(Path dir) {
        try {
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void unlock(Path dir) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
        } else {
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
