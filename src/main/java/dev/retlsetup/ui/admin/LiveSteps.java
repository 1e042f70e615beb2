package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.FixListener;
import dev.retlsetup.admin.FixOutcome;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.StepStatus;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.Background;
import java.util.List;
import java.util.stream.Collectors;

/** Carries each applied step's start and result to its row on the UI thread; and the texts both windows say about a plan. */
final class LiveSteps implements FixListener {
    /** A fix's step says what failure it fixes; a set-up's step what it does. */
    static final String FIXES = "adminfix.step.fixes";
    static final String DOES = "adminsetup.step.does";
    private final Background background;
    private final List<PlanRow> rows;

    LiveSteps(Background background, List<PlanRow> rows) {
        this.background = background;
        this.rows = rows;
    }

    @Override
    public void started(FixStep step, String what) {
        background.onUi(() -> {
            PlanRow row = row(step);
            row.whatProperty().set(what);
            row.stateProperty().set(PlanRow.State.RUNNING);
        });
    }

    @Override
    public void finished(FixStep step, StepStatus status, String detail) {
        background.onUi(() -> row(step).finished(status, detail));
    }

    private PlanRow row(FixStep step) {
        return rows.stream().filter(r -> r.step() == step).findFirst().orElseThrow();
    }

    /** Which step failed and what was applied before it. */
    static String failure(FixOutcome outcome) {
        List<FixStep> steps = outcome.plan().steps();
        String done = outcome.applied().isEmpty() ? Messages.UI.text("adminfix.appliedNone")
                : Messages.UI.text("adminfix.appliedSoFar", outcome.applied().stream()
                .map(s -> String.valueOf(steps.indexOf(s) + 1)).collect(Collectors.joining(", ")));
        return outcome.failure() + " " + done;
    }

    /** The plan as text for an admin who reviews it elsewhere: numbered, each step with what it fixes. */
    static String text(String header, List<PlanRow> rows, List<String> notes, String purposeKey) {
        StringBuilder text = new StringBuilder(header).append("\n\n");
        for (PlanRow row : rows) {
            text.append(row.number()).append(". ").append(row.whatProperty().get()).append("\n   ")
                    .append(Messages.UI.text(purposeKey, row.step().fixes())).append("\n");
        }
        notes.forEach(n -> text.append("- ").append(n).append("\n"));
        return text.toString();
    }
}
