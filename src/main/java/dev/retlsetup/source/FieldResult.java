package dev.retlsetup.source;

import java.util.List;

/**
 * What one field's validator says about what was typed, for validating as the user types.
 *
 * @param value      the normalized value, or {@code null} when it has an error or is empty
 * @param normalized the text to put back into the field (cleaned up; what was typed if it could not be)
 * @param findings   errors and warnings for this field
 */
public record FieldResult<T>(T value, String normalized, List<Finding> findings) {
    public FieldResult {
        findings = List.copyOf(findings);
    }

    public boolean valid() {
        return findings.stream().noneMatch(Finding::isError);
    }
}
