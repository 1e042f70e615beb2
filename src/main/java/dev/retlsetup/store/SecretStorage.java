package dev.retlsetup.store;

import java.util.Locale;
import java.util.UUID;

/**
 * Where a saved source's OAuth secret is kept. The saved source's file never holds the secret itself.
 *
 * @param kind      the store
 * @param reference for {@link Kind#KEYCHAIN} the account name of the credential-store entry (stable across
 *                  renames); for {@link Kind#DATABRICKSCFG} the {@code ~/.databrickscfg} profile name; for
 *                  {@link Kind#NONE} {@code null}
 */
public record SecretStorage(Kind kind, String reference) {

    /** The stores a secret can be kept in. */
    public enum Kind {
        /** The OS credential store: macOS Keychain, Windows Credential Manager, Secret Service / KWallet. */
        KEYCHAIN,
        /** A profile of {@code ~/.databrickscfg} (plain text, owner-only), shared with the Databricks CLI. */
        DATABRICKSCFG,
        /** Not stored: typed again each time, or taken from {@code DATABRICKS_CLIENT_SECRET}. */
        NONE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromJson(String value) {
            for (Kind kind : values()) {
                if (kind.jsonName().equals(value)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public SecretStorage {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        reference = kind == Kind.NONE || reference == null || reference.isBlank() ? null : reference.strip();
        if (kind != Kind.NONE && reference == null) {
            throw new IllegalArgumentException(kind + " needs a " + (kind == Kind.KEYCHAIN ? "key" : "profile name"));
        }
    }

    public static SecretStorage none() {
        return new SecretStorage(Kind.NONE, null);
    }

    /** A new credential-store entry with a fresh, unique account name. */
    public static SecretStorage keychain() {
        return new SecretStorage(Kind.KEYCHAIN, "source-" + UUID.randomUUID());
    }

    public static SecretStorage keychain(String account) {
        return new SecretStorage(Kind.KEYCHAIN, account);
    }

    public static SecretStorage databricksCfg(String profile) {
        return new SecretStorage(Kind.DATABRICKSCFG, profile);
    }

    /** The {@code ~/.databrickscfg} profile name, or {@code null} when the secret is not kept there. */
    public String profile() {
        return kind == Kind.DATABRICKSCFG ? reference : null;
    }
}
