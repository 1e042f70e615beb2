package dev.retlsetup.check;

import java.util.Locale;

/** The verdict of one check. */
public enum CheckStatus {
    PASSED, WARNING, FAILED, SKIPPED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFailure() {
        return this == FAILED;
    }
}
