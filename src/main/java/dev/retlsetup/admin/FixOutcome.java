package dev.retlsetup.admin;

import java.util.List;

/**
 * What applying a plan did, step by step.
 *
 * @param statuses one per plan step, in order
 * @param failure  the failing step's message (null when every step was applied)
 */
public record FixOutcome(FixPlan plan, List<StepStatus> statuses, String failure) {
    public FixOutcome {
        statuses = List.copyOf(statuses);
    }

    public boolean complete() {
        return failure == null && statuses.stream().allMatch(s -> s == StepStatus.APPLIED);
    }

    /** The steps that were applied before a failure (or all of them). */
    public List<FixStep> applied() {
        return java.util.stream.IntStream.range(0, statuses.size()).filter(i -> statuses.get(i) == StepStatus.APPLIED)
                .mapToObj(i -> plan.steps().get(i)).toList();
    }
}
