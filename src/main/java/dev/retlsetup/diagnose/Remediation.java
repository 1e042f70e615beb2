package dev.retlsetup.diagnose;

import java.util.List;

/**
 * The fix for a diagnosis.
 *
 * @param steps plain-words steps, in order
 * @param sql the exact statements an admin runs (only the missing grants), each ending in {@code ;}
 */
public record Remediation(List<String> steps, List<String> sql) {
    public Remediation {
        steps = steps == null ? List.of() : List.copyOf(steps);
        sql = sql == null ? List.of() : List.copyOf(sql);
    }
}
