package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {
    static final String HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String PATH = "/sql/1.0/warehouses/abcdef0123456789";
    static final String CLIENT_ID = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";
    static final String PAT = "dapi0123456789abcdef0123456789abcdef";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path home;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(out);
        }
    }

    Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void validSettingsExitZeroWithOneJsonObject() throws Exception {
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--host",
                "https://" + HOST + "/?o=123", "--http-path", "sql/1.0/warehouses/abcdef0123456789",
                "--client-id", CLIENT_ID, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = r.json();
        assertEquals(Set.of("valid", "settings", "findings"), fieldNames(json));
        assertTrue(json.get("valid").asBoolean());
        JsonNode settings = json.get("settings");
        assertTrue(fieldNames(settings).containsAll(Set.of("host", "httpPath", "port", "clientId", "catalog")));
        assertFalse(fieldNames(settings).contains("secret"));
        assertEquals(HOST, settings.get("host").asText());
        assertEquals(PATH, settings.get("httpPath").asText());
        assertEquals(443, settings.get("port").asInt());
        assertTrue(settings.get("port").isInt());
        assertEquals(CLIENT_ID, settings.get("clientId").asText());
        assertTrue(settings.get("catalog").isNull());
        for (JsonNode f : json.get("findings")) {
            assertEquals("warning", f.get("severity").asText());
        }
        assertFalse(r.out().contains(SECRET));
        assertEquals(1, r.out().strip().lines().count(), "exactly one JSON object");
    }

    @Test
    void findingsInJsonNameFieldSeverityAndMessage() throws Exception {
        Result r = run(env("DATABRICKS_CLIENT_SECRET", PAT), "validate", "--host", "accounts.cloud.databricks.com",
                "--http-path", "sql/protocolv1/o/123/0123-456789-abcdefgh", "--client-id", "1234567890",
                "--catalog", "hive_metastore", "--schemas", "default", "--json");
        assertEquals(1, r.code());
        JsonNode json = r.json();
        assertFalse(json.get("valid").asBoolean());
        List<String> fields = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            assertTrue(Set.of("error", "warning").contains(f.get("severity").asText()));
            assertFalse(f.get("message").asText().isBlank());
            fields.add(f.get("field").asText() + ":" + f.get("severity").asText());
        }
        assertTrue(fields.containsAll(List.of("host:error", "httpPath:error", "clientId:error", "secret:error",
                "catalog:warning")), fields.toString());
        assertFalse(r.out().contains(PAT));
        assertFalse(r.err().contains(PAT));
    }

    @Test
    void readableReportMarksErrorsAndWarningsAndNeverShowsSecret() {
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET, "DATABRICKS_HOST", HOST), "validate",
                "--http-path", "abcdef0123456789", "--client-id", "123456", "--catalog", "my-cat", "--schemas", "a");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("✗ Client ID"), r.out());
        assertTrue(r.out().contains("! Catalog"), r.out());
        assertTrue(r.out().contains("Fix: "), r.out());
        assertTrue(r.out().contains("[from DATABRICKS_HOST]"), r.out());
        assertTrue(r.out().contains("set (hidden)"), r.out());
        assertFalse(r.out().contains(SECRET));
    }

    @Test
    void hostAndClientIdFallBackToEnvironment() throws Exception {
        Result r = run(env("DATABRICKS_HOST", "https://" + HOST + "/", "DATABRICKS_CLIENT_ID", CLIENT_ID,
                "DATABRICKS_CLIENT_SECRET", SECRET, "DATABRICKS_WAREHOUSE_ID", "abcdef0123456789"), "validate", "--json");
        assertEquals(0, r.code(), r.out());
        assertEquals(HOST, r.json().get("settings").get("host").asText());
        assertEquals(CLIENT_ID, r.json().get("settings").get("clientId").asText());
        assertEquals(PATH, r.json().get("settings").get("httpPath").asText());
    }

    @Test
    void missingSecretIsAnError() throws Exception {
        Result r = run(env(), "validate", "--host", HOST, "--http-path", PATH, "--client-id", CLIENT_ID, "--json");
        assertEquals(1, r.code());
        assertEquals("secret", r.json().get("findings").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--secret", "--client-secret", "--token"})
    void secretArgumentIsAUsageErrorThatExplainsWhy(String option) {
        Result r = run(env(), "validate", "--host", HOST, option, SECRET);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DATABRICKS_CLIENT_SECRET"), r.err());
        assertTrue(r.err().contains("shell history"), r.err());
        assertFalse(r.err().contains(SECRET));
        assertFalse(r.out().contains(SECRET));
        Result inline = run(env(), "validate", option + "=" + SECRET);
        assertEquals(2, inline.code());
        assertFalse(inline.err().contains(SECRET));
    }

    @Test
    void strayArgumentThatLooksLikeASecretIsNotEchoed() {
        Result r = run(env(), "validate", SECRET);
        assertEquals(2, r.code());
        assertFalse(r.err().contains(SECRET));
    }

    @Test
    void readsProfileFromDatabricksConfigFile() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), """
                [segment]
                host = https://%s
                client_id = %s
                client_secret = %s
                warehouse_id = abcdef0123456789
                """.formatted(HOST, CLIENT_ID, SECRET));
        Result r = run(env(), "validate", "--profile", "segment", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(HOST, r.json().get("settings").get("host").asText());
        assertEquals(PATH, r.json().get("settings").get("httpPath").asText());
        assertFalse(r.out().contains(SECRET));
    }

    @Test
    void honoursDatabricksConfigFileAndConfigProfileVariables() throws Exception {
        Path file = home.resolve("elsewhere.cfg");
        Files.writeString(file, "[p]\nhost = " + HOST + "\nclient_id = " + CLIENT_ID + "\nclient_secret = " + SECRET
                + "\nwarehouse_id = abcdef0123456789\n");
        Result r = run(env("DATABRICKS_CONFIG_FILE", file.toString(), "DATABRICKS_CONFIG_PROFILE", "p"), "validate", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(HOST, r.json().get("settings").get("host").asText());
    }

    @Test
    void unknownProfileIsAClearErrorNamingIt() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = x\n[dev]\nhost = y\n");
        Result r = run(env(), "validate", "--profile", "prod", "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("[prod]"), r.err());
        assertTrue(r.err().contains("DEFAULT, dev"), r.err());
        assertTrue(r.err().contains(home.resolve(".databrickscfg").toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("config", r.json().get("error").get("kind").asText(), "with --json a script still gets JSON");
        assertTrue(r.json().get("error").get("message").asText().contains("[prod]"), r.out());
    }

    @Test
    void malformedConfigFileIsAClearErrorNamingFileAndLine() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), "[dev]\nhost = y\nclient_secret " + SECRET + "\n");
        Result r = run(env(), "validate", "--profile", "dev");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".databrickscfg, line 3"), r.err());
        assertFalse(r.err().contains(SECRET));
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingConfigFileIsAClearError() {
        Result r = run(env(), "validate", "--profile", "dev");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no Databricks configuration file"), r.err());
    }

    @Test
    void precedenceIsFlagsThenJdbcUrlThenProfileThenEnvironment() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), """
                [p]
                host = profile-host.cloud.databricks.com
                client_id = 00000000-0000-0000-0000-00000000000a
                client_secret = dose00000000000000000000000000000001
                warehouse_id = 000000000000000a
                """);
        Map<String, String> env = env("DATABRICKS_HOST", "env-host.cloud.databricks.com",
                "DATABRICKS_CLIENT_ID", "00000000-0000-0000-0000-00000000000b",
                "DATABRICKS_CLIENT_SECRET", "dose00000000000000000000000000000002",
                "DATABRICKS_WAREHOUSE_ID", "000000000000000b");
        String jdbc = "jdbc:databricks://jdbc-host.cloud.databricks.com:443/default;httpPath=/sql/1.0/warehouses/000000000000000c";

        JsonNode all = run(env, "validate", "--json", "--profile", "p", "--jdbc-url", jdbc, "--host", "flag-host.cloud.databricks.com")
                .json().get("settings");
        assertEquals("flag-host.cloud.databricks.com", all.get("host").asText());
        assertEquals("/sql/1.0/warehouses/000000000000000c", all.get("httpPath").asText());
        assertEquals("00000000-0000-0000-0000-00000000000a", all.get("clientId").asText());

        JsonNode noFlags = run(env, "validate", "--json", "--profile", "p", "--jdbc-url", jdbc).json().get("settings");
        assertEquals("jdbc-host.cloud.databricks.com", noFlags.get("host").asText());

        JsonNode profileOnly = run(env, "validate", "--json", "--profile", "p").json().get("settings");
        assertEquals("profile-host.cloud.databricks.com", profileOnly.get("host").asText());
        assertEquals("/sql/1.0/warehouses/000000000000000a", profileOnly.get("httpPath").asText());

        JsonNode envOnly = run(env, "validate", "--json").json().get("settings");
        assertEquals("env-host.cloud.databricks.com", envOnly.get("host").asText());
        assertEquals("00000000-0000-0000-0000-00000000000b", envOnly.get("clientId").asText());
    }

    @Test
    void unparseableJdbcUrlIsAUsageError() {
        Result r = run(env(), "validate", "--jdbc-url", "not a url");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--jdbc-url"), r.err());
    }

    @Test
    void badPortIsAValidationError() throws Exception {
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--host", HOST, "--http-path", PATH,
                "--client-id", CLIENT_ID, "--port", "http", "--json");
        assertEquals(1, r.code());
        assertEquals("port", r.json().get("findings").get(0).get("field").asText());
    }

    @Test
    void unknownArgumentIsAUsageError() {
        assertEquals(2, run(env(), "validate", "--hots", HOST).code());
    }

    @Test
    void helpListsValidateAndItsOptions() {
        assertTrue(run(env(), "--help").out().contains("validate"));
        Result r = run(env(), "validate", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--jdbc-url"));
        assertTrue(r.out().contains("DATABRICKS_CLIENT_SECRET"));
    }

    @Test
    void jsonAfterAnOptionThatTakesAValueIsAUsageErrorAnsweredInJson() throws Exception {
        Result r = run(env(), "validate", "--host", "--json");
        assertEquals(2, r.code(), r.out() + r.err());
        JsonNode error = r.json().get("error");
        assertEquals("usage", error.get("kind").asText());
        assertTrue(error.get("message").asText().startsWith("--host needs a value"), r.out());
        assertEquals(2, r.json().get("exitCode").asInt());
        assertTrue(r.err().contains("--host needs a value"), r.err());
    }

    @Test
    void anyUsageErrorWithJsonPrintsOneJsonObject() throws Exception {
        Result r = run(env(), "validate", "--json", "--no-such-option");
        assertEquals(2, r.code());
        assertEquals("usage", r.json().get("error").get("kind").asText());
        Result text = run(env(), "validate", "--no-such-option");
        assertEquals("", text.out(), "without --json the usage goes to stderr only");
    }

    @Test
    void aSecretPastedIntoAnotherFieldIsMaskedInTextAndJson() throws Exception {
        String pasted = "jdbc:databricks://" + HOST + ":443/default;transportMode=http;ssl=1;AuthMech=11;"
                + "httpPath=" + PATH + ";PWD=Xk9vTq2mPw7rLs4n";
        Result json = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--host", HOST, "--http-path", PATH,
                "--client-id", pasted, "--json");
        assertFalse(json.out().contains("Xk9vTq2mPw7rLs4n"), json.out());
        assertTrue(json.json().get("settings").get("clientId").asText().contains("PWD=********"), json.out());
        Result text = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--host", HOST, "--http-path", PATH,
                "--client-id", pasted);
        assertFalse(text.out().contains("Xk9vTq2mPw7rLs4n"), text.out());
        assertFalse(text.err().contains("Xk9vTq2mPw7rLs4n"), text.err());
        assertTrue(text.out().contains("PWD=********"), text.out());
    }

    @Test
    void theSecretItselfTypedIntoTheCatalogIsMasked() throws Exception {
        Result r = run(env("DATABRICKS_CLIENT_SECRET", SECRET), "validate", "--host", HOST, "--http-path", PATH,
                "--client-id", CLIENT_ID, "--catalog", SECRET, "--json");
        assertFalse(r.out().contains(SECRET), r.out());
    }
}
