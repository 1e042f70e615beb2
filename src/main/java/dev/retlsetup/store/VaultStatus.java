package dev.retlsetup.store;

/**
 * Whether a secret store can be used on this computer.
 *
 * @param message for the UI: why not (and what to choose instead), or a short description when available
 */
public record VaultStatus(SecretStorage.Kind kind, boolean available, String message) {
}
