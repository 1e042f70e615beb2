package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
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

    /** A check that did not run, and why (a prerequisite failed, a setting is invalid, the time is up). */
    public static CheckResult skipped(Check check, String reason) {
        return new CheckResult(check.id(), check.title(), CheckStatus.SKIPPED, 0, reason, null, null, null, null, null);
    }

    /** A check the user stopped, after {@code millis}. */
    public static CheckResult cancelled(Check check, long millis) {
        return new CheckResult(check.id(), check.title(), CheckStatus.SKIPPED, millis,
                Messages.CHECK.text("check.cancelled"), null, null, null, null, null);
    }

    /** The JSON/CLI "detail": the one-line summary, followed by the explanation when there is one. */
    public String detail() {
        return explanation == null || explanation.isBlank() ? summary : summary + " " + explanation;
    }

    public boolean hasRemediation() {
        return remediation != null && (!remediation.steps().isEmpty() || !remediation.sql().isEmpty());
    }
}
