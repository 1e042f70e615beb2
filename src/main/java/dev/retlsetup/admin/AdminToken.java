package dev.retlsetup.admin;

import java.util.Objects;

/**
 * An admin's access token, held in memory for one sign-in window. It never leaves this package: it
 * has no public getter, prints as a mask, and is never serialized, logged or written to a report.
 */
public final class AdminToken {
    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when blank */
    public static AdminToken of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty token");
        }
        return new AdminToken(trimmed);
    }

    /** The bearer value, for this package's HTTP and JDBC calls only. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "AdminToken[********]";
    }
}
