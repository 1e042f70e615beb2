package dev.retlsetup.cli;

import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.store.ConfigDirectory;
import dev.retlsetup.store.CredentialStore;
import dev.retlsetup.testing.MemoryCredentialStore;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.store.SecretVaults;
import dev.retlsetup.store.SourceStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --profile} resolving saved sources first, and {@code test --report}. Offline: no check connects. */
class SavedSourceCliTest {
    static final String HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String CFG_HOST = "dbc-99999999-0000.cloud.databricks.com";
    static final String PATH = "/sql/1.0/warehouses/abcdef0123456789";
    static final String CLIENT_ID = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";
    static final String CFG_SECRET = "dose9999999999abcdef0123456789abcdef";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path home;
    Path config;
    private final MemoryCredentialStore keychainStore = new MemoryCredentialStore();
    private final Map<String, String> keychain = keychainStore.entries;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(out);
        }
    }

    @BeforeEach
    void files() throws Exception {
        config = home.resolve("app-config");
        Files.writeString(home.resolve(".databrickscfg"), "[prod]\nhost = https://" + CFG_HOST + "\nclient_id = "
                + CLIENT_ID + "\nclient_secret = " + CFG_SECRET + "\nwarehouse_id = 0000000000000000\n");
    }

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put(ConfigDirectory.ENV, config.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CredentialStore os = keychainStore;
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env,
                new SecretVaults(env, home, os));
        int code = new Cli(context).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    SavedSource save(String name, SourceInput input, SecretStorage storage) throws Exception {
        return new SourceStore(config).create(SavedSource.of(name, input, storage));
    }

    static SourceInput input() {
        return new SourceInput(HOST, PATH, "", CLIENT_ID, "", "main", "main.sales");
    }

    @Test
    void aSavedSourceWinsOverTheDatabricksCfgProfileOfTheSameName() throws Exception {
        keychain.put("entry-1", SECRET);
        save("prod", input(), SecretStorage.keychain("entry-1"));
        Result json = run(env(), "validate", "--profile", "prod", "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(HOST, json.json().get("settings").get("host").asText());
        assertEquals("main", json.json().get("settings").get("catalog").asText());

        Result text = run(env(), "validate", "--profile", "PROD");
        assertEquals(0, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("set (hidden)   [from saved source [prod]]"), text.out());
        assertFalse(text.out().contains(SECRET));
        assertEquals("", text.err());
    }

    @Test
    void withoutASavedSourceTheDatabricksCfgProfileIsUsedAsBefore() throws Exception {
        save("other", input(), SecretStorage.none());
        Result r = run(env(), "validate", "--profile", "prod", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(CFG_HOST, r.json().get("settings").get("host").asText());
    }

    @Test
    void theSecretComesFromTheSourcesDatabricksCfgProfileElseTheEnvironment() throws Exception {
        save("cfg-backed", input(), SecretStorage.databricksCfg("prod"));
        Result fromCfg = run(env(), "validate", "--profile", "cfg-backed");
        assertEquals(0, fromCfg.code(), fromCfg.out() + fromCfg.err());
        assertTrue(fromCfg.out().contains("set (hidden)   [from saved source [cfg-backed]]"), fromCfg.out());
        assertTrue(fromCfg.out().contains(HOST), "the host is the saved source's, not the profile's");

        save("no-secret", input(), SecretStorage.none());
        Result fromEnv = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--profile", "no-secret");
        assertEquals(0, fromEnv.code(), fromEnv.out() + fromEnv.err());
        assertTrue(fromEnv.out().contains("set (hidden)   [from DATABRICKS_CLIENT_SECRET]"), fromEnv.out());
        Result none = run(env(), "validate", "--profile", "no-secret");
        assertEquals(1, none.code(), none.out());

        save("lost", input(), SecretStorage.keychain("missing-entry"));
        Result lost = run(env(), "validate", "--profile", "lost");
        assertTrue(lost.err().contains("keeps its secret in this computer's credential store, but none was found"),
                lost.err());
    }

    @Test
    void flagsStillOverrideTheSavedSource() throws Exception {
        save("prod", input(), SecretStorage.none());
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--profile", "prod", "--catalog",
                "other", "--json");
        assertEquals("other", r.json().get("settings").get("catalog").asText());
        assertEquals(HOST, r.json().get("settings").get("host").asText());
    }

    @Test
    void aDamagedSavedSourceIsAClearErrorNotASilentFallback() throws Exception {
        Path file = new SourceStore(config).file("prod");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ damaged");
        Result r = run(env(), "validate", "--profile", "prod");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is damaged"), r.err());
    }

    @Test
    void reportNeedsHtmlOrJson() {
        Result r = run(env(), "test", "--host", "x", "--report", home.resolve("r.txt").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--report must end in .html"), r.err());
        assertFalse(Files.exists(home.resolve("r.txt")));
    }

    @Test
    void testWritesHtmlAndJsonReportsWithoutTheSecretAndRecordsTheResult() throws Exception {
        keychain.put("entry-1", SECRET);
        // An impossible host: every network check is skipped, so this runs offline.
        save("broken", input().with(Field.HOST, "not a host!"), SecretStorage.keychain("entry-1"));
        Path html = home.resolve("reports/last.html");
        Files.createDirectories(html.getParent());
        Result r = run(env(), "test", "--profile", "broken", "--report", html.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Report written to " + html), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("stops Segment from connecting</h1>")
                || page.contains("stop Segment from connecting</h1>"), page);
        assertTrue(page.contains("<dt>Source</dt><dd>broken</dd>"), "the saved source is named");
        assertFalse(page.contains(SECRET));

        Path json = home.resolve("reports/last.json");
        Result j = run(env(), "test", "--profile", "broken", "--json", "--report", json.toString());
        assertEquals(1, j.code());
        Set<String> keys = new TreeSet<>();
        j.json().fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("ok", "principal", "catalogKind", "checks"), keys, "--json is unchanged");
        assertTrue(j.err().contains("Report written to"), j.err());
        JsonNode report = MAPPER.readTree(json.toFile());
        assertFalse(report.get("ok").asBoolean());
        assertNotNull(report.get("settings"));
        assertEquals("broken", report.get("sourceName").asText());
        assertTrue(report.get("demoScenario").isNull());
        assertEquals("3.4.5", report.get("driverVersion").asText());
        assertFalse(Files.readString(json).contains(SECRET));

        SavedSource recorded = new SourceStore(config).load("broken");
        assertNotNull(recorded.lastTest());
        assertFalse(recorded.lastTest().ok());
        assertTrue(recorded.lastTest().failed() >= 1);
        try (Stream<Path> all = Files.walk(home)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(SECRET), file.toString());
            }
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsReportedAndTheExitCodeIsTheTestsResult() throws Exception {
        Path blocker = home.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "test", "--host", "not a host!", "--report",
                blocker.resolve("r.html").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("the report was not written."), r.err());
        assertFalse(r.err().contains(SECRET));
        assertEquals(List.of(blocker), List.of(blocker).stream().filter(Files::isRegularFile).toList());
    }

    @Test
    void aReadOnlyCommandLeavesANewerVersionsSourceWhereItIs() throws Exception {
        SourceStore store = new SourceStore(config);
        Path newer = store.file("prod");
        Files.createDirectories(newer.getParent());
        String written = "{\"version\": 9, \"name\": \"prod\", \"settings\": {}}\n";
        Files.writeString(newer, written);
        Result r = run(env(), "validate", "--profile", "prod", "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("saved by a newer version"), r.err());
        assertEquals("config", r.json().get("error").get("kind").asText());
        assertEquals(written, Files.readString(newer));
        try (Stream<Path> files = Files.list(newer.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("future")), "nothing moved aside");
        }
    }

    @Test
    void aSourceInAFileNamedOtherwiseIsFoundByItsName() throws Exception {
        save("Production", input(), SecretStorage.none());
        SourceStore store = new SourceStore(config);
        Files.move(store.file("Production"), store.directory().resolve("prod-copy.json"));
        Result found = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--profile", "Production", "--json");
        assertEquals(0, found.code(), found.out() + found.err());
        assertEquals(HOST, found.json().get("settings").get("host").asText());

        Files.move(store.directory().resolve("prod-copy.json"), store.file("staging"));
        Result wrong = run(env(), "validate", "--profile", "staging");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("holds the saved source named \"Production\""), wrong.err());
    }
}
