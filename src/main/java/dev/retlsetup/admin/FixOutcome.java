package dev.retlsetup.admin;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What applying a plan did, step by step.
 *
 * @param statuses one per plan step, in order
 * @param failure  the failing step's message, or why the rest was skipped (null when every step was applied)
 * @param whatRan  one per plan step: the exact text that ran, with the IDs learnt on the way; for a
 *                 step that did not run, its text with what was known when the plan stopped
 */
public record FixOutcome(FixPlan plan, List<StepStatus> statuses, String failure, List<String> whatRan) {
    public FixOutcome {
        statuses = List.copyOf(statuses);
        whatRan = List.copyOf(whatRan);
    }

    public boolean complete() {
        return failure == null && statuses.stream().allMatch(s -> s == StepStatus.APPLIED);
    }

    /** The steps that were applied before a failure (or all of them). */
    public List<FixStep> applied() {
        return IntStream.range(0, statuses.size()).filter(i -> statuses.get(i) == StepStatus.APPLIED)
                .mapToObj(i -> plan.steps().get(i)).toList();
    }

    /** The exact text of each applied step, as it ran. */
    public List<String> appliedText() {
        return IntStream.range(0, statuses.size()).filter(i -> statuses.get(i) == StepStatus.APPLIED)
                .mapToObj(whatRan::get).toList();
    }
}
