package dev.retlsetup.check;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.Explanations;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.RemediationWriter;
import dev.retlsetup.diagnose.SecretMasker;
import java.util.List;

/**
 * Turns what a check's body returned into what the user sees: the diagnosis explained in plain words, the
 * remediation written for the principal and catalog the run found, and every text masked with the run's secrets
 * (the OAuth secret and the access token). The run loop only times and sequences; this decides the words.
 */
final class ResultAssembler {
    /** Loaded on the first check that needs words for a diagnosis: a passing run never does. */
    private static final class Writers {
        static final Explanations EXPLANATIONS = new Explanations();
        static final RemediationWriter REMEDIATIONS = new RemediationWriter(EXPLANATIONS);
    }

    CheckResult assemble(Check check, Outcome outcome, long millis, ConnectionTestRun run) {
        String explanation = outcome.explanation();
        Remediation remediation = outcome.remediation();
        Category category = outcome.category();
        String principal = run.principal() != null ? run.principal() : run.settings().clientId();
        String summary = outcome.summary();
        String raw = outcome.raw();
        if (outcome.diagnosis() != null) {
            Diagnosis diagnosis = outcome.diagnosis();
            category = diagnosis.category();
            if (outcome.status() == CheckStatus.FAILED) {
                // The headline names the real cause in plain words; what the check saw (codes, states) is detail.
                summary = Writers.EXPLANATIONS.headline(diagnosis);
                raw = raw == null || raw.isBlank() ? outcome.summary() : outcome.summary() + "\n" + raw;
            }
            if (explanation == null) {
                // The tool that reported the error is part of what came back, not of what it means.
                explanation = Writers.EXPLANATIONS.meaning(diagnosis);
                String reported = Writers.EXPLANATIONS.reported(diagnosis.wrapper());
                if (reported != null) {
                    raw = raw == null || raw.isBlank() ? reported : raw + "\n" + reported;
                }
            }
            remediation = remediation != null ? remediation
                    : Writers.REMEDIATIONS.write(diagnosis, principal, run.catalogKind(), run.catalog());
        } else if (category != null && remediation == null) {
            // The check knows the category but has no server text: explain the category itself.
            Diagnosis synthetic = new Diagnosis(category, List.of(), null, "");
            remediation = Writers.REMEDIATIONS.write(synthetic, run.settings().clientId(), run.catalogKind(), run.catalog());
            explanation = explanation != null ? explanation : Writers.EXPLANATIONS.explanation(synthetic);
        }
        String[] secrets = run.secrets();
        return new CheckResult(check.id(), check.title(), outcome.status(), millis,
                SecretMasker.mask(summary, secrets), SecretMasker.mask(outcome.tried(), secrets),
                SecretMasker.mask(raw, secrets), SecretMasker.mask(explanation, secrets), category,
                mask(remediation, secrets));
    }

    private static Remediation mask(Remediation remediation, String[] secrets) {
        if (remediation == null) {
            return null;
        }
        return new Remediation(remediation.steps().stream().map(s -> SecretMasker.mask(s, secrets)).toList(),
                remediation.sql().stream().map(s -> SecretMasker.mask(s, secrets)).toList(),
                remediation.alternative().stream().map(s -> SecretMasker.mask(s, secrets)).toList());
    }
}
