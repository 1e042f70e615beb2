package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabricksConfigFileTest {
    static final String SAMPLE = """
            ; written by the Databricks CLI
            [DEFAULT]
            host = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com
            token = dapi0123456789abcdef0123456789abcdef

            # the service principal Segment uses
            [segment-sp]
            host      = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/
            client_id = 1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901
            CLIENT_SECRET: dose0123456789abcdef0123456789abcdef
            auth_type = oauth-m2m
            warehouse_id = abcdef0123456789   # the reporting warehouse
            """;

    @Test
    void listsProfilesInFileOrder() throws Exception {
        DatabricksConfigFile file = DatabricksConfigFile.parse(SAMPLE, null);
        assertEquals(List.of("DEFAULT", "segment-sp"), file.profileNames());
    }

    @Test
    void readsServicePrincipalProfileIntoTheForm() throws Exception {
        DatabricksConfigFile.Profile p = DatabricksConfigFile.parse(SAMPLE, null).profile("segment-sp");
        assertEquals("1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901", p.clientId());
        assertEquals("oauth-m2m", p.authType());
        assertEquals("abcdef0123456789", p.warehouseId());
        SourceInput input = p.toSourceInput();
        assertEquals("/sql/1.0/warehouses/abcdef0123456789", input.httpPath());
        assertEquals("dose0123456789abcdef0123456789abcdef", input.secret());
        assertTrue(SourceValidator.validate(input.with(Field.SCHEMAS, "main.sales")).valid());
        assertFalse(p.toString().contains("dose0123456789abcdef"));
        assertEquals("profile [segment-sp]", p.toPrefill().origin(Field.CLIENT_ID));
    }

    @Test
    void importsTokenOnlyProfileSoTheValidatorCanFlagIt() throws Exception {
        DatabricksConfigFile.Profile p = DatabricksConfigFile.parse(SAMPLE, null).profile(null);
        assertEquals("DEFAULT", p.name());
        assertTrue(p.hasOnlyToken());
        Validation v = SourceValidator.validate(p.toSourceInput());
        assertEquals("secret.personalAccessToken", v.findingsFor(Field.SECRET).get(0).key());
    }

    @Test
    void keepsEveryLineForALaterWriter() throws Exception {
        DatabricksConfigFile file = DatabricksConfigFile.parse(SAMPLE, null);
        String[] original = SAMPLE.split("\n");
        assertEquals(original.length, file.lines().size());
        for (int i = 0; i < original.length; i++) {
            assertEquals(original[i], file.lines().get(i).text());
            assertEquals(i + 1, file.lines().get(i).number());
        }
        assertEquals(DatabricksConfigFile.Kind.COMMENT, file.lines().get(0).kind());
        assertEquals(DatabricksConfigFile.Kind.SETTING, file.lines().get(2).kind());
        assertFalse(file.lines().toString().contains("dapi"), "lines never print values");
    }

    @Test
    void unknownProfileNamesItAndTheAvailableOnes() throws Exception {
        DatabricksConfigFile file = DatabricksConfigFile.parse(SAMPLE, Path.of("/home/me/.databrickscfg"));
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> file.profile("prod"));
        assertTrue(e.getMessage().contains("[prod]"), e.getMessage());
        assertTrue(e.getMessage().contains("/home/me/.databrickscfg"), e.getMessage());
        assertTrue(e.getMessage().contains("DEFAULT, segment-sp"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "host = x|1|before any [profile]",
        "[a]\\nhost x|2|key = value",
        "[a|1|square brackets",
        "[]|1|no name",
        "[a]\\n[a]|2|appears twice",
        "[a]\\nhost=x\\nHOST=y|3|set twice",
        "[a]\\n = x|2|no name before",
    })
    void malformedFileNamesFileAndLine(String text, int line, String words) {
        Path file = Path.of("/tmp/cfg");
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> DatabricksConfigFile.parse(text.replace("\\n", "\n"), file));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("/tmp/cfg, line " + line), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void malformedLineIsNeverQuoted() {
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> DatabricksConfigFile.parse("[a]\ndose0123456789abcdef\n", null));
        assertFalse(e.getMessage().contains("dose0123456789abcdef"));
    }

    @Test
    void locatesFileFromEnvironmentOrHome(@TempDir Path home) {
        assertEquals(home.resolve(".databrickscfg"), DatabricksConfigFile.locate(Map.of(), home));
        assertEquals(Path.of("/etc/dbcfg"), DatabricksConfigFile.locate(Map.of("DATABRICKS_CONFIG_FILE", "/etc/dbcfg"), home));
        assertEquals(home.resolve("cfg/x"), DatabricksConfigFile.locate(Map.of("DATABRICKS_CONFIG_FILE", "~/cfg/x"), home));
    }

    @Test
    void resolvesTildeFromHomeBeforeTheJvmHome(@TempDir Path dir) {
        Path jvmHome = dir.resolve("jvm-home");
        Path shellHome = dir.resolve("shell-home");
        Map<String, String> env = Map.of("HOME", shellHome.toString());
        assertEquals(shellHome.resolve(".databrickscfg"), DatabricksConfigFile.locate(env, jvmHome, false));
        assertEquals(jvmHome.resolve(".databrickscfg"), DatabricksConfigFile.locate(Map.of(), jvmHome, false));
        assertEquals(shellHome.resolve("cfg/x"),
                DatabricksConfigFile.locate(Map.of("HOME", shellHome.toString(), "DATABRICKS_CONFIG_FILE", "~/cfg/x"),
                        jvmHome, false));
    }

    @Test
    void configFileVariableWinsOverEveryHome(@TempDir Path dir) {
        Path file = dir.resolve("elsewhere.cfg");
        assertEquals(file, DatabricksConfigFile.locate(Map.of("HOME", dir.resolve("h").toString(),
                "USERPROFILE", dir.resolve("u").toString(), "DATABRICKS_CONFIG_FILE", file.toString()), dir, true));
    }

    @Test
    void windowsUsesUserProfileNotHome(@TempDir Path dir) {
        Map<String, String> env = Map.of("HOME", dir.resolve("msys-home").toString(),
                "USERPROFILE", dir.resolve("profile").toString());
        assertEquals(dir.resolve("profile").resolve(".databrickscfg"), DatabricksConfigFile.locate(env, dir, true));
        assertEquals(dir.resolve("msys-home").resolve(".databrickscfg"), DatabricksConfigFile.locate(env, dir, false));
    }

    @Test
    void readsFromDiskAndReportsMissingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".databrickscfg");
        ConfigFileException missing = assertThrows(ConfigFileException.class, () -> DatabricksConfigFile.read(file));
        assertTrue(missing.getMessage().contains(file.toString()));
        Files.writeString(file, "\uFEFF[DEFAULT]\r\nhost = h.cloud.databricks.com\r\n");
        DatabricksConfigFile read = DatabricksConfigFile.read(file);
        assertEquals("h.cloud.databricks.com", read.profile("DEFAULT").host());
        assertEquals(file, read.path());
        assertNull(read.profile("DEFAULT").clientSecret());
    }
}
