package dev.retlsetup.source;

/** How serious a {@link Finding} is: an error blocks the next step, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as used in JSON output. */
    public String jsonName() {
        return this == ERROR ? "error" : "warning";
    }
}
