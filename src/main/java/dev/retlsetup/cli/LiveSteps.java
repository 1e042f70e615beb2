package dev.retlsetup.cli;

import dev.retlsetup.admin.FixListener;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.StepStatus;
import java.io.PrintStream;

/**
 * Prints each step of a plan as it is applied. A fix printed its plan already, so each step is its number and how
 * it ended; a set-up prints the text each step ran with, since its plan named the new principal by a placeholder.
 */
final class LiveSteps implements FixListener {
    private final FixPlan plan;
    private final PrintStream out;
    private final boolean withWhatRan;

    private LiveSteps(FixPlan plan, PrintStream out, boolean withWhatRan) {
        this.plan = plan;
        this.out = out;
        this.withWhatRan = withWhatRan;
    }

    /** "  2. applied" (or "failed: why"), one line per step. */
    static LiveSteps outcomes(FixPlan plan, PrintStream out) {
        return new LiveSteps(plan, out, false);
    }

    /** "  2. PATCH … (the real IDs)" as the step starts, then "     applied". */
    static LiveSteps whatRan(FixPlan plan, PrintStream out) {
        return new LiveSteps(plan, out, true);
    }

    @Override
    public void started(FixStep step, String what) {
        if (withWhatRan) {
            out.println("  " + number(step) + ". " + what);
            out.flush();
        }
    }

    @Override
    public void finished(FixStep step, StepStatus status, String detail) {
        String outcome = status.jsonName() + (detail.isEmpty() ? "" : ": " + detail);
        out.println(withWhatRan ? "     " + outcome : "  " + number(step) + ". " + outcome);
        out.flush();
    }

    private int number(FixStep step) {
        return plan.steps().indexOf(step) + 1;
    }
}
