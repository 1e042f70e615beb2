package dev.retlsetup.store;

import dev.retlsetup.source.SourceSettings;
import java.util.Optional;

/** A place to keep a saved source's OAuth secret: the OS credential store, {@code ~/.databrickscfg}, or nowhere. */
public interface SecretVault {
    SecretStorage.Kind kind();

    /** Whether this store works here, and why not. May take a moment the first time (it asks the OS). */
    VaultStatus status();

    /**
     * The secret kept at {@code storage}, or empty when there is none.
     *
     * @throws StoreException when the store cannot be used or read (the message says why)
     */
    Optional<String> read(SecretStorage storage) throws StoreException;

    /**
     * Keeps {@code settings.secret()} at {@code storage}. A blank secret writes nothing (an existing secret stays).
     *
     * @param settings      the validated settings; {@code ~/.databrickscfg} also records host, client ID and warehouse
     * @param userConsented the user agreed to keep the secret in this store; without it nothing is written and a
     *                      {@link StoreException} says so
     */
    void write(SecretStorage storage, SourceSettings settings, boolean userConsented) throws StoreException;

    /** Removes the secret kept at {@code storage}, when this store removes secrets (see each store). */
    void delete(SecretStorage storage) throws StoreException;
}
