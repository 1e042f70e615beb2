package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.source.Finding;
import dev.retlsetup.source.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The offline rules, reported as the first check so invalid settings look like any other failure. */
final class ValidationCheck extends BaseCheck {
    static final String ID = "validation";

    ValidationCheck() {
        super(ID, Messages.CHECK.text("check.validation.title"), List.of(), Set.of(), Duration.ofSeconds(2));
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        List<Finding> findings = session.validation().findings();
        String tried = Messages.CHECK.text("check.validation.tried");
        if (findings.isEmpty()) {
            return Outcome.passed(Messages.CHECK.text("check.validation.passed"), tried);
        }
        List<String> steps = new ArrayList<>();
        // What each finding means is the explanation; the steps are only what to do, so nothing is said twice.
        for (Finding finding : findings) {
            if (finding.suggestedFix() != null && !finding.suggestedFix().isBlank()) {
                steps.add(finding.suggestedFix());
            }
        }
        String listed = findings.stream().map(Finding::message).collect(Collectors.joining(" "));
        Remediation fix = new Remediation(steps, List.of());
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        if (errors == 0) {
            return Outcome.warning(Messages.CHECK.text("check.validation.warnings", findings.size()), tried, listed, fix);
        }
        return Outcome.failed(Messages.CHECK.text("check.validation.failed", errors), tried, (dev.retlsetup.diagnose.Category) null, listed, fix);
    }
}
