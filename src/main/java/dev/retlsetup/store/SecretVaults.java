package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.EnvironmentDefaults;
import dev.retlsetup.source.SourceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret stores of this computer: the OS credential store, {@code ~/.databrickscfg}, and "don't store".
 *
 * <pre>
 * SecretVaults vaults = SecretVaults.system();
 * vaults.available();                          // for the "where to keep the secret" choice
 * vaults.vault(storage.kind()).write(storage, settings, consented);
 * vaults.secretFor(savedSource);               // its store, else DATABRICKS_CLIENT_SECRET
 * </pre>
 */
public final class SecretVaults {
    private final Map<String, String> env;
    private final KeyringVault keychain;
    private final DatabricksCfgSecrets databricksCfg;
    private final SecretVault none = new NoVault();

    public SecretVaults(Map<String, String> env, Path home, CredentialStore credentialStore) {
        this.env = env == null ? Map.of() : env;
        this.keychain = new KeyringVault(credentialStore);
        this.databricksCfg = new DatabricksCfgSecrets(this.env, home);
    }

    /** The real stores of this process (OS credential store opened lazily). */
    public static SecretVaults system() {
        return new SecretVaults(System.getenv(), Path.of(System.getProperty("user.home", ".")),
                new JavaKeyringStore());
    }

    public KeyringVault keychain() {
        return keychain;
    }

    public DatabricksCfgSecrets databricksCfg() {
        return databricksCfg;
    }

    public SecretVault vault(SecretStorage.Kind kind) {
        return switch (kind) {
            case KEYCHAIN -> keychain;
            case DATABRICKSCFG -> databricksCfg;
            case NONE -> none;
        };
    }

    /** Each store, in the order to offer them, with whether it works here and why not. */
    public List<VaultStatus> available() {
        return List.of(keychain.status(), databricksCfg.status(), none.status());
    }

    /**
     * The secret for {@code source}: from its store, else {@code DATABRICKS_CLIENT_SECRET}; empty when neither has
     * one.
     *
     * @throws StoreException when its store cannot be read (the caller may still fall back to the environment)
     */
    public Optional<String> secretFor(SavedSource source) throws StoreException {
        Optional<String> stored = vault(source.secretStorage().kind()).read(source.secretStorage());
        return stored.isPresent() ? stored : fromEnvironment();
    }

    /** {@code DATABRICKS_CLIENT_SECRET}, when set. */
    public Optional<String> fromEnvironment() {
        String value = env.get(EnvironmentDefaults.CLIENT_SECRET);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Copies a secret for {@link SourceStore#duplicate}: from one credential-store entry to another (nothing to do
     * for a shared {@code ~/.databrickscfg} profile or none).
     */
    public void copy(SecretStorage from, SecretStorage to) throws StoreException {
        if (from.kind() != SecretStorage.Kind.KEYCHAIN || to.kind() != SecretStorage.Kind.KEYCHAIN
                || from.equals(to)) {
            return;
        }
        Optional<String> secret = keychain.read(from);
        if (secret.isPresent()) {
            // The credential store keeps only the secret; no other setting matters to it.
            keychain.write(to, new SourceSettings(null, null, 0, null, secret.get(), null, null), true);
        }
    }

    /** "Don't store the secret": nothing is written, nothing is read. */
    private static final class NoVault implements SecretVault {
        @Override
        public SecretStorage.Kind kind() {
            return SecretStorage.Kind.NONE;
        }

        @Override
        public VaultStatus status() {
            return new VaultStatus(kind(), true, Messages.STORE.text("none.available", EnvironmentDefaults.CLIENT_SECRET));
        }

        @Override
        public Optional<String> read(SecretStorage storage) {
            return Optional.empty();
        }

        @Override
        public void write(SecretStorage storage, SourceSettings settings, boolean userConsented) {
            // Nothing is stored.
        }

        @Override
        public void delete(SecretStorage storage) {
            // Nothing was stored.
        }
    }
}
