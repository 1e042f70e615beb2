package dev.retlsetup.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's trust store as the driver reads it fastest: the same certificates in a JKS file read
 * without a password. A PKCS12 store with a password costs the driver a key derivation each time it
 * loads it, and it loads it for every HTTP client it builds (two per session, ~4 ms each here),
 * while the JDK caches its own default store. The run has read the user's store already (with its
 * password, for its own TLS check); the copy is made once per store content and process, holds
 * only public certificates, lives in a temporary folder only this user can read, and is deleted
 * when the process exits. A process that was killed cannot delete its folder, so the folder's name
 * carries the process id and the next process removes the folders of processes that are gone.
 * When the copy cannot be made the driver is given the user's store itself.
 */
final class DriverTrustStore {
    static final String TYPE = "JKS";
    static final String FOLDER_PREFIX = "retl-setup-trust-";
    private static final Map<String, Path> COPIES = new HashMap<>();
    private static Path folder;

    private DriverTrustStore() {
    }

    /** The copy of {@code trust}'s store, or null when it could not be made (then use the store itself). */
    static Path of(TrustConfig trust) {
        try {
            String key = trust.contentKey();
            synchronized (COPIES) {
                Path copy = COPIES.get(key);
                if (copy == null || !Files.exists(copy)) {
                    copy = write(certificatesOf(trust.keyStore()));
                    COPIES.put(key, copy);
                }
                return copy;
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Only a speed-up: the driver reads the user's store, and reports its own error if it cannot.
            return null;
        }
    }

    /**
     * Deletes the copies' folders in {@code temp} whose process no longer runs (killed before it
     * could delete its own). Another user's folders cannot be deleted and are left; so is any folder
     * whose name carries no process id.
     *
     * @return the folders deleted
     */
    static List<Path> removeLeftovers(Path temp) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp, FOLDER_PREFIX + "*")) {
            for (Path entry : entries) {
                String rest = entry.getFileName().toString().substring(FOLDER_PREFIX.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty() && deleteFolder(entry)) {
                    removed.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying only: a folder left is a few public certificates, and the next process tries again.
        }
        return removed;
    }

    private static boolean deleteFolder(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static KeyStore certificatesOf(KeyStore source) throws IOException, GeneralSecurityException {
        KeyStore copy = KeyStore.getInstance(TYPE);
        copy.load(null, null);
        for (String alias : Collections.list(source.aliases())) {
            // A key entry's certificate is trusted as well (the JDK's trust managers do the same); its key is not copied.
            Certificate certificate = source.getCertificate(alias);
            if (certificate != null) {
                copy.setCertificateEntry(alias, certificate);
            }
        }
        return copy;
    }

    private static Path write(KeyStore copy) throws IOException, GeneralSecurityException {
        if (folder == null || !Files.isDirectory(folder)) {
            // Owner-only on POSIX systems, as every temporary folder Files makes.
            folder = Files.createTempDirectory(FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
            folder.toFile().deleteOnExit();
            removeLeftovers(folder.getParent());
        }
        Path file = Files.createTempFile(folder, "trust-", ".jks");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            // JKS needs a password to write; read without one (as the driver will), only its integrity check is skipped.
            copy.store(out, "retl-setup".toCharArray());
        }
        return file;
    }
}
