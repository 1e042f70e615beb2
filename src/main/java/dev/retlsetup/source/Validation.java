package dev.retlsetup.source;

import java.util.List;

/**
 * The result of {@link SourceValidator#validate}: normalized settings and what was found about them.
 */
public record Validation(SourceSettings settings, List<Finding> findings) {
    public Validation {
        findings = List.copyOf(findings);
    }

    /** True when there is no error (warnings allowed). */
    public boolean valid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> findingsFor(Field field) {
        return findings.stream().filter(f -> f.field() == field).toList();
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** True when {@code field} has no error. */
    public boolean valid(Field field) {
        return findings.stream().noneMatch(f -> f.field() == field && f.isError());
    }
}
