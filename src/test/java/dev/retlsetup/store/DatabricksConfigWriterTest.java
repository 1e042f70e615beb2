package dev.retlsetup.store;

import dev.retlsetup.source.Field;
import static dev.retlsetup.store.StoreTestSupport.CLIENT_ID;
import static dev.retlsetup.store.StoreTestSupport.HOST;
import static dev.retlsetup.store.StoreTestSupport.SECRET;
import static dev.retlsetup.store.StoreTestSupport.input;
import static dev.retlsetup.store.StoreTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabricksConfigWriterTest {
    static final String FILE = """
            ; written by hand
            [DEFAULT]
            host = https://adb-1.azuredatabricks.net
            token = dapi0123456789abcdef0123456789abcdef

            # the Reverse ETL service principal
            [retl]
            Host = https://old.cloud.databricks.com   # old workspace
            client_id=00000000-0000-0000-0000-000000000000
            # keep this comment
            http_path = /sql/protocolv1/o/1/0123-456789-abc
            jobs-api-version = 2.1

            [other]
            host: https://dbc-other.cloud.databricks.com
              cluster_id = 0123
            """;

    @TempDir
    Path home;

    static Map<String, String> values() {
        return DatabricksCfgSecrets.profileValues(settings());
    }

    @Test
    void editingOneProfileLeavesEveryOtherByteAlone() throws Exception {
        String edited = DatabricksConfigWriter.withProfile(FILE, "retl", values());
        List<String> before = Arrays.asList(FILE.split("\n", -1));
        List<String> after = Arrays.asList(edited.split("\n", -1));
        // Everything outside [retl] is identical, line for line.
        assertEquals(before.subList(0, 7), after.subList(0, 7));
        assertEquals(before.subList(before.indexOf("[other]") - 1, before.size()),
                after.subList(after.indexOf("[other]") - 1, after.size()));
        List<String> profile = after.subList(after.indexOf("[retl]"), after.indexOf("[other]") - 1);
        assertEquals(List.of(
                "[retl]",
                "Host = https://" + HOST + "   # old workspace",
                "client_id=" + CLIENT_ID,
                "# keep this comment",
                "jobs-api-version = 2.1",
                "client_secret = " + SECRET,
                "warehouse_id = abcdef0123456789",
                "auth_type = oauth-m2m"), profile);
        DatabricksConfigFile.Profile p = DatabricksConfigFile.parse(edited, null).profile("retl");
        assertEquals(SECRET, p.clientSecret());
        assertEquals("abcdef0123456789", p.warehouseId());
        assertEquals("oauth-m2m", p.authType());
        assertEquals("/sql/1.0/warehouses/abcdef0123456789", p.toSourceInput().httpPath(),
                "the stale http_path was removed, so the warehouse is used");

        // Writing the same values again changes nothing.
        assertEquals(edited, DatabricksConfigWriter.withProfile(edited, "retl", values()));
    }

    @Test
    void aNewProfileIsAppendedAndTheRestIsByteForByteTheSame() throws Exception {
        String crlf = "\uFEFF" + FILE.replace("\n", "\r\n");
        String edited = DatabricksConfigWriter.withProfile(crlf, "segment", values());
        assertTrue(edited.startsWith(crlf), "the original bytes, BOM and CRLF included, are a prefix");
        assertEquals("\r\n[segment]\r\nhost = https://" + HOST + "\r\nclient_id = " + CLIENT_ID
                + "\r\nclient_secret = " + SECRET + "\r\nwarehouse_id = abcdef0123456789\r\nauth_type = oauth-m2m\r\n",
                edited.substring(crlf.length()));

        String noFinalNewline = "[a]\nhost = x";
        assertEquals("[a]\nhost = x\n\n[b]\nauth_type = oauth-m2m\n",
                DatabricksConfigWriter.withProfile(noFinalNewline, "b", Map.of("auth_type", "oauth-m2m")));
        assertEquals("[a]\nhost = x\nauth_type = oauth-m2m",
                DatabricksConfigWriter.withProfile(noFinalNewline, "a", Map.of("auth_type", "oauth-m2m")));
        String fresh = DatabricksConfigWriter.withProfile(null, "p", Map.of("host", "h"));
        assertEquals("[p]" + System.lineSeparator() + "host = h" + System.lineSeparator(), fresh);
    }

    @Test
    void malformedFilesAndUnwritableValuesAreRefused() {
        assertThrows(ConfigFileException.class,
                () -> DatabricksConfigWriter.withProfile("host = x\n[a]\n", "a", Map.of("host", "y")));
        assertThrows(IllegalArgumentException.class,
                () -> DatabricksConfigWriter.withProfile("", "a]", Map.of("host", "y")));
        assertThrows(IllegalArgumentException.class,
                () -> DatabricksConfigWriter.withProfile("", "a", Map.of("host", "y\n[evil]")));
        assertThrows(IllegalArgumentException.class,
                () -> DatabricksConfigWriter.withProfile("", "a", Map.of("client_secret", "abc #def")));
    }

    @Test
    void theVaultWritesOnlyWithConsentAndReadsBack() throws Exception {
        Path file = home.resolve(".databrickscfg");
        Files.writeString(file, FILE);
        DatabricksCfgSecrets vault = new DatabricksCfgSecrets(Map.of(), home);
        assertEquals(file, vault.file());
        StoreException refused = assertThrows(StoreException.class,
                () -> vault.write(SecretStorage.databricksCfg("retl"), settings(), false));
        assertTrue(refused.getMessage().contains("you did not agree"));
        assertEquals(FILE, Files.readString(file));

        vault.write(SecretStorage.databricksCfg("retl"), settings(), true);
        assertEquals(Optional.of(SECRET), vault.read(SecretStorage.databricksCfg("retl")));
        assertEquals(Optional.empty(), vault.read(SecretStorage.databricksCfg("missing")));
        assertEquals(DatabricksConfigWriter.withProfile(FILE, "retl", values()), Files.readString(file));
        assertTrue(vault.status().available());
    }

    @Test
    void theVaultHonoursDatabricksConfigFileCreatesOwnerOnlyAndFollowsLinks() throws Exception {
        assumeTrue(AtomicWriter.posix(home));
        Path custom = home.resolve("cfg/dbx.ini");
        DatabricksCfgSecrets vault = new DatabricksCfgSecrets(Map.of("DATABRICKS_CONFIG_FILE", custom.toString()),
                home);
        vault.write(SecretStorage.databricksCfg("retl"), settings(), true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(custom)));
        assertEquals(Optional.of(SECRET), vault.read(SecretStorage.databricksCfg("retl")));

        // A dotfiles symlink stays a link; its target is updated; group/other permissions are removed.
        Path target = home.resolve("dotfiles/databrickscfg");
        Files.createDirectories(target.getParent());
        Files.writeString(target, FILE);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        Path link = home.resolve(".databrickscfg");
        Files.createSymbolicLink(link, target);
        new DatabricksCfgSecrets(Map.of(), home).write(SecretStorage.databricksCfg("retl"), settings(), true);
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).contains("client_secret = " + SECRET));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aMalformedFileIsNotTouched() throws Exception {
        Path file = home.resolve(".databrickscfg");
        byte[] bad = "[a]\nno equals sign here\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bad);
        DatabricksCfgSecrets vault = new DatabricksCfgSecrets(Map.of(), home);
        assertFalse(vault.status().available());
        StoreException e = assertThrows(StoreException.class,
                () -> vault.write(SecretStorage.databricksCfg("a"), settings(), true));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was changed."), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertArrayEquals(bad, Files.readAllBytes(file));
    }

    @Test
    void profileValuesUseHttpPathForANonWarehousePath() {
        Map<String, String> v = DatabricksCfgSecrets.profileValues(settings(input()
                .with(Field.HTTP_PATH, "/sql/protocolv1/o/1/0123-456789-abc").with(Field.PORT, "8443")));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("host", "https://" + HOST + ":8443");
        expected.put("client_id", CLIENT_ID);
        expected.put("client_secret", SECRET);
        expected.put("http_path", "/sql/protocolv1/o/1/0123-456789-abc");
        expected.put("warehouse_id", null);
        expected.put("auth_type", "oauth-m2m");
        assertEquals(expected, v);
    }
}
