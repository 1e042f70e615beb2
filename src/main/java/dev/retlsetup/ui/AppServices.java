package dev.retlsetup.ui;

import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.store.ConfigDirectory;
import dev.retlsetup.store.CredentialStore;
import dev.retlsetup.store.DraftStore;
import dev.retlsetup.store.JavaKeyringStore;
import dev.retlsetup.store.SecretVaults;
import dev.retlsetup.store.SourceSaver;
import dev.retlsetup.store.SourceStore;
import java.nio.file.Path;
import java.util.Map;

/** Where the wizard keeps things: saved sources, the draft, secrets; injectable for tests. */
public record AppServices(SourceStore sources, DraftStore drafts, SecretVaults vaults, Map<String, String> env,
        Path home, BrowserOpener browser) {

    /** Saving a source as one transaction (secret, file, rename, draft). */
    public SourceSaver saver() {
        return new SourceSaver(sources, drafts, vaults);
    }

    /** The real locations: the platform's config directory and the OS credential store. */
    public static AppServices system() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("user.home"));
        Path dir = ConfigDirectory.current();
        return new AppServices(new SourceStore(dir), new DraftStore(dir), new SecretVaults(env, home,
                new JavaKeyringStore()), env, home, BrowserOpener.system());
    }

    /** Tests that sign in pass a browser of their own ({@link #withBrowser}); this one refuses. */
    private static final BrowserOpener NO_BROWSER = uri -> {
        throw new java.io.IOException("no browser in this test");
    };

    /** The same places with another browser (tests drive the sign-in page with an HTTP client). */
    public AppServices withBrowser(BrowserOpener other) {
        return new AppServices(sources, drafts, vaults, env, home, other);
    }

    /** A fresh temporary directory and a credential store that is never available (unit tests). */
    public static AppServices inTemporaryDirectory() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("retl-setup-");
            return in(dir, Map.of(), new NoCredentialStore());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    /** Everything under one directory, with the given credential store (tests). */
    public static AppServices in(Path dir, Map<String, String> env, CredentialStore credentials) {
        return new AppServices(new SourceStore(dir.resolve("config")), new DraftStore(dir.resolve("config")),
                new SecretVaults(env, dir, credentials), env, dir, NO_BROWSER);
    }
}
