package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.util.Optional;

/**
 * Keeps secrets in the OS credential store, under service {@value #SERVICE} and the account named by the
 * {@link SecretStorage#reference()} (not the source's name, so renaming a source does not touch the secret).
 */
public final class KeyringVault implements SecretVault {
    public static final String SERVICE = "retl-setup";

    private final CredentialStore store;

    public KeyringVault(CredentialStore store) {
        this.store = store;
    }

    /** The real OS credential store. */
    public static KeyringVault system() {
        return new KeyringVault(new JavaKeyringStore());
    }

    @Override
    public SecretStorage.Kind kind() {
        return SecretStorage.Kind.KEYCHAIN;
    }

    @Override
    public VaultStatus status() {
        String reason = store.unavailableReason();
        return reason == null
                ? new VaultStatus(kind(), true, Messages.STORE.text("keychain.available"))
                : new VaultStatus(kind(), false, Messages.STORE.text("keychain.unavailable", reason));
    }

    @Override
    public Optional<String> read(SecretStorage storage) throws StoreException {
        check(storage);
        try {
            String secret = store.get(SERVICE, storage.reference());
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
        } catch (Exception e) {
            throw failure("keychain.action.read", e);
        }
    }

    @Override
    public void write(SecretStorage storage, SourceSettings settings, boolean userConsented) throws StoreException {
        check(storage);
        if (!userConsented) {
            throw new StoreException(Messages.STORE.text("keychain.noConsent"),
                    null);
        }
        String secret = settings.secret() == null ? "" : settings.secret().strip();
        if (secret.isEmpty()) {
            return;
        }
        try {
            store.set(SERVICE, storage.reference(), secret);
        } catch (Exception e) {
            throw failure("keychain.action.save", e);
        }
    }

    /** Removes the entry (the entry belongs to one saved source). */
    @Override
    public void delete(SecretStorage storage) throws StoreException {
        check(storage);
        try {
            store.delete(SERVICE, storage.reference());
        } catch (Exception e) {
            throw failure("keychain.action.remove", e);
        }
    }

    private void check(SecretStorage storage) throws StoreException {
        if (storage.kind() != SecretStorage.Kind.KEYCHAIN) {
            throw new IllegalArgumentException("not a credential-store entry: " + storage.kind());
        }
        String reason = store.unavailableReason();
        if (reason != null) {
            throw new StoreException(Messages.STORE.text("keychain.unavailable", reason), null);
        }
    }

    private static StoreException failure(String actionKey, Exception e) {
        // Messages from the OS libraries never contain the secret; mask anyway.
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : dev.retlsetup.diagnose.SecretMasker.mask(e.getMessage());
        return new StoreException(Messages.STORE.text("keychain.failed", Messages.STORE.text(actionKey), detail), null, e);
    }
}
