package dev.retlsetup.ui;

import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.store.CredentialStore;
import dev.retlsetup.store.DraftStore;
import dev.retlsetup.store.SecretVaults;
import dev.retlsetup.store.SourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@link AppServices} for tests: everything under one directory, no credential store, no browser. */
public final class TestServices {
    /** Tests that sign in pass a browser of their own ({@link #temporary(BrowserOpener)}); this one refuses. */
    private static final BrowserOpener NO_BROWSER = uri -> {
        throw new IOException("no browser in this test");
    };
    private static final List<Path> TEMPORARY = new ArrayList<>();

    static {
        // Deleted when the test JVM ends, so a test run leaves no folders of sources and drafts behind.
        Runtime.getRuntime().addShutdownHook(new Thread(TestServices::deleteTemporary, "test-services-cleanup"));
    }

    private TestServices() {
    }

    /** In a fresh temporary directory, deleted when the JVM exits. */
    public static AppServices temporary() {
        return temporary(NO_BROWSER);
    }

    /** The same, with a browser of the test's own (tests that sign in drive the page with an HTTP client). */
    public static AppServices temporary(BrowserOpener browser) {
        try {
            Path dir = Files.createTempDirectory("retl-setup-test-");
            synchronized (TEMPORARY) {
                TEMPORARY.add(dir);
            }
            return in(dir, Map.of(), new NoCredentialStore(), browser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything under {@code dir}, with the given environment and credential store. */
    public static AppServices in(Path dir, Map<String, String> env, CredentialStore credentials) {
        return in(dir, env, credentials, NO_BROWSER);
    }

    private static AppServices in(Path dir, Map<String, String> env, CredentialStore credentials, BrowserOpener browser) {
        return new AppServices(new SourceStore(dir.resolve("config")), new DraftStore(dir.resolve("config")),
                new SecretVaults(env, dir, credentials), env, dir, browser);
    }

    private static void deleteTemporary() {
        synchronized (TEMPORARY) {
            for (Path dir : TEMPORARY) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException | UncheckedIOException ignored) {
                    // Already gone, or unreadable: nothing more to do at exit.
                }
            }
        }
    }

    /** A credential store that reports itself unavailable. */
    public static final class NoCredentialStore implements CredentialStore {
        @Override
        public String unavailableReason() {
            return "no credential store in this test";
        }

        @Override
        public String get(String service, String account) {
            return null;
        }

        @Override
        public void set(String service, String account, String secret) {
            throw new UnsupportedOperationException(unavailableReason());
        }

        @Override
        public void delete(String service, String account) {
            throw new UnsupportedOperationException(unavailableReason());
        }
    }
}
