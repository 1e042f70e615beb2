package dev.retlsetup.admin;

import java.util.Locale;

/** Where a plan step stands. */
public enum StepStatus {
    PLANNED, APPLIED, FAILED, SKIPPED;

    /** The JSON name: {@code planned}, {@code applied}, {@code failed}, {@code skipped}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
