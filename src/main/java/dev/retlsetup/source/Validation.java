package dev.retlsetup.source;

import java.util.List;

/**
 * The result of {@link SourceValidator#validate}: normalized settings and what was found about them. It is
 * computed once where the input is typed (the wizard's form, the command line's entry) and passed on; nobody
 * downstream validates or normalizes again.
 *
 * @param normalized every field's tidied-up text, as {@link SourceValidator#normalize} gives it (also for
 *                   fields with errors, which {@code settings} leaves empty)
 */
public record Validation(SourceSettings settings, List<Finding> findings, SourceInput normalized) {
    public Validation {
        findings = List.copyOf(findings);
        normalized = normalized == null ? SourceInput.empty() : normalized;
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
