package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.Remediation;

/**
 * What a check's body returns; the tester adds id, title and timing, masks secrets, and derives
 * the explanation and remediation from the diagnosis when the check gave none of its own.
 */
public record Outcome(CheckStatus status, String summary, String tried, String raw, Diagnosis diagnosis,
        Category category, Remediation remediation, String explanation) {

    public static Outcome passed(String summary, String tried) {
        return new Outcome(CheckStatus.PASSED, summary, tried, null, null, null, null, null);
    }

    public static Outcome warning(String summary, String tried, String explanation, Remediation remediation) {
        return new Outcome(CheckStatus.WARNING, summary, tried, null, null, null, remediation, explanation);
    }

    /** The check was stopped (the run was cancelled) before it could say anything. */
    public static Outcome cancelled(String tried) {
        return new Outcome(CheckStatus.SKIPPED, Messages.CHECK.text("check.cancelled"), tried, null, null, null, null,
                null);
    }

    /** A failure explained by classifying what came back. */
    public static Outcome failed(String summary, String tried, Diagnosis diagnosis) {
        return new Outcome(CheckStatus.FAILED, summary, tried, diagnosis.rawText(), diagnosis, diagnosis.category(),
                null, null);
    }

    /** A failure the check explains itself (no server text to classify). */
    public static Outcome failed(String summary, String tried, Category category, String explanation,
            Remediation remediation) {
        return new Outcome(CheckStatus.FAILED, summary, tried, null, null, category, remediation, explanation);
    }

    public Outcome withExplanation(String text) {
        return new Outcome(status, summary, tried, raw, diagnosis, category, remediation, text);
    }

    public Outcome withRaw(String text) {
        return new Outcome(status, summary, tried, text, diagnosis, category, remediation, explanation);
    }
}
