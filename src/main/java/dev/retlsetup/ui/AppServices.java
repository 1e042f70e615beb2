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
}
