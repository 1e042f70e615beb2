package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverTrustStoreTest {
    private static final String TRUST = "/dev/retlsetup/demo/demo-truststore.p12";
    private static final String TRUST_PASSWORD = "demo-truststore";
    private static final String KEYS = "/dev/retlsetup/demo/demo-keystore.p12";
    private static final String KEYS_PASSWORD = "demo-only-not-secret";

    @TempDir
    Path dir;

    @Test
    void theDriverGetsTheSameCertificatesInAStoreItOpensWithoutAPassword() throws Exception {
        Path store = copy(TRUST, "trust.p12");
        TrustConfig trust = new TrustConfig(store, TRUST_PASSWORD);

        Properties properties = new Properties();
        JdbcUrl.addTrust(properties, trust);

        Path copy = Path.of(properties.getProperty("SSLTrustStore"));
        assertEquals("JKS", properties.getProperty("SSLTrustStoreType"));
        assertNull(properties.getProperty("SSLTrustStorePwd"), "the copy is read without a password");
        assertEquals(certificates(load(store, "PKCS12", TRUST_PASSWORD)), certificates(load(copy, "JKS", null)));
    }

    @Test
    void aKeyEntrysCertificateIsTrustedButItsKeyIsNotCopied() throws Exception {
        Path store = copy(KEYS, "keys.p12");
        KeyStore original = load(store, "PKCS12", KEYS_PASSWORD);

        KeyStore copy = load(DriverTrustStore.of(new TrustConfig(store, KEYS_PASSWORD)), "JKS", null);

        assertEquals(certificates(original), certificates(copy));
        for (String alias : Collections.list(copy.aliases())) {
            assertFalse(copy.isKeyEntry(alias), alias + " is a key entry in the copy");
        }
    }

    @Test
    void aStoreIsCopiedOnceAndAgainWhenItChanges() throws Exception {
        Path store = copy(TRUST, "trust.p12");
        TrustConfig trust = new TrustConfig(store, TRUST_PASSWORD);
        Path first = DriverTrustStore.of(trust);

        assertEquals(first, DriverTrustStore.of(trust), "the same content is copied once");

        // The user files the certificate under another name.
        KeyStore original = load(store, "PKCS12", TRUST_PASSWORD);
        Certificate certificate = original.getCertificate(original.aliases().nextElement());
        KeyStore changed = KeyStore.getInstance("PKCS12");
        changed.load(null, null);
        changed.setCertificateEntry("renamed", certificate);
        try (OutputStream out = Files.newOutputStream(store)) {
            changed.store(out, TRUST_PASSWORD.toCharArray());
        }
        Files.setLastModifiedTime(store, FileTime.fromMillis(Files.getLastModifiedTime(store).toMillis() + 5_000));

        Path second = DriverTrustStore.of(trust);
        assertNotEquals(first, second);
        assertEquals(certificates(changed), certificates(load(second, "JKS", null)));
    }

    @Test
    void aStoreThatCannotBeReadIsGivenToTheDriverAsItIs() throws Exception {
        Path store = copy(TRUST, "trust.p12");
        TrustConfig wrongPassword = new TrustConfig(store, "not-its-password");

        assertNull(DriverTrustStore.of(wrongPassword));
        Properties properties = new Properties();
        JdbcUrl.addTrust(properties, wrongPassword);
        assertEquals(store.toAbsolutePath().toString(), properties.getProperty("SSLTrustStore"));
        assertEquals("PKCS12", properties.getProperty("SSLTrustStoreType"));
        assertEquals("not-its-password", properties.getProperty("SSLTrustStorePwd"),
                "the driver reads the user's store and says itself why it cannot");
    }

    @Test
    void theSystemsTrustGivesTheDriverNoStore() {
        Properties properties = new Properties();
        JdbcUrl.addTrust(properties, TrustConfig.systemDefault());
        assertEquals(new Properties(), properties);
    }

    @Test
    void onlyItsOwnerCanReadTheCopysFolder() throws Exception {
        Path copy = DriverTrustStore.of(new TrustConfig(copy(TRUST, "trust.p12"), TRUST_PASSWORD));
        assertNotNull(copy);
        Assumptions.assumeTrue(copy.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system");
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(copy.getParent());
        assertEquals(PosixFilePermissions.fromString("rwx------"), folder);
    }

    @Test
    void theFoldersOfKilledProcessesAreRemovedAndTheLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path killed = Files.createDirectory(dir.resolve(DriverTrustStore.FOLDER_PREFIX + gone.pid() + "-123"));
        Files.writeString(killed.resolve("trust-1.jks"), "certificates");
        Path earlierVersion = Files.createDirectory(dir.resolve(DriverTrustStore.FOLDER_PREFIX + gone.pid()));
        Path live = Files.createDirectory(dir.resolve(DriverTrustStore.FOLDER_PREFIX + ProcessHandle.current().pid() + "-9"));
        Files.writeString(live.resolve("trust-2.jks"), "certificates");
        Path notOurs = Files.createDirectory(dir.resolve(DriverTrustStore.FOLDER_PREFIX + "cache"));

        assertEquals(Set.of(killed, earlierVersion), new HashSet<>(DriverTrustStore.removeLeftovers(dir)));

        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(earlierVersion));
        assertTrue(Files.exists(live.resolve("trust-2.jks")));
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void theCopysFolderIsNamedForItsProcess() throws Exception {
        Path copy = DriverTrustStore.of(new TrustConfig(copy(TRUST, "trust.p12"), TRUST_PASSWORD));
        assertNotNull(copy);
        assertTrue(copy.getParent().getFileName().toString()
                .startsWith(DriverTrustStore.FOLDER_PREFIX + ProcessHandle.current().pid() + "-"));
    }

    private Path copy(String resource, String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = DriverTrustStoreTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static KeyStore load(Path file, String type, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    /** Each entry as its alias and its certificate. */
    private static Set<String> certificates(KeyStore store) throws Exception {
        Set<String> encoded = new HashSet<>();
        for (String alias : Collections.list(store.aliases())) {
            encoded.add(alias + "=" + Base64.getEncoder().encodeToString(store.getCertificate(alias).getEncoded()));
        }
        return encoded;
    }
}
