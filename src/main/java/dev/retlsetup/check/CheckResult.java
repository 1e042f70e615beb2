package dev.retlsetup.check;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;

/**
 * The result of one check. A failure always carries what was tried, what came back (raw text,
 * secrets masked), what it means in plain words, and the fix.
 *
 * @param summary     one line for the checklist
 * @param tried       what the tester did, e.g. "POST https://host/oidc/v1/token (client credentials)"
 * @param raw         what came back, secrets masked; null when nothing worth showing
 * @param explanation what it means, in plain words; null for a plain pass
 * @param category    the failure category, null when there is none
 * @param remediation the fix, null when none is needed
 */
public record CheckResult(String id, String title, CheckStatus status, long millis, String summary, String tried,
        String raw, String explanation, Category category, Remediation remediation) {

    /** The JSON/CLI "detail": the one-line summary, followed by the explanation when there is one. */
    public String detail() {
        return explanation == null || explanation.isBlank() ? summary : summary + " " + explanation;
    }

    public boolean hasRemediation() {
        return remediation != null && (!remediation.steps().isEmpty() || !remediation.sql().isEmpty());
    }
}
