package dev.retlsetup.diagnose;

import java.util.List;

/**
 * The fix for a diagnosis.
 *
 * @param steps plain-words steps, in order
 * @param sql the exact statements an admin runs (only the missing grants), each ending in {@code ;}
 * @param alternative statements to run instead of {@code sql} (a schema-wide grant, or pre-creating Segment's
 *     schema when the principal must not create schemas), each ending in {@code ;}; a step says when to use them
 */
public record Remediation(List<String> steps, List<String> sql, List<String> alternative) {
    public Remediation {
        steps = steps == null ? List.of() : List.copyOf(steps);
        sql = sql == null ? List.of() : List.copyOf(sql);
        alternative = alternative == null ? List.of() : List.copyOf(alternative);
    }

    /** A fix without an alternative. */
    public Remediation(List<String> steps, List<String> sql) {
        this(steps, sql, List.of());
    }
}
