package dev.retlsetup.store;

/**
 * The OS credential store, as the {@link KeyringVault} uses it; {@link JavaKeyringStore} is the real one, tests use
 * an in-memory one.
 */
public interface CredentialStore {
    /** {@code null} when the store works here, else why not, in plain words ("no Secret Service is running"). */
    String unavailableReason();

    /** The secret, or {@code null} when there is no entry. */
    String get(String service, String account) throws Exception;

    void set(String service, String account, String secret) throws Exception;

    void delete(String service, String account) throws Exception;
}
