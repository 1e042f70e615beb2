package dev.retlsetup.admin;

/** Live results while a plan is applied. Called on the applying thread: UIs hop to their own. */
public interface FixListener {
    FixListener NONE = new FixListener() {
    };

    default void started(FixStep step) {
    }

    /**
     * A step starts. {@code what} is the exact text that runs: the step's {@link FixStep#what()} with
     * the IDs the workspace has made by now in place of their placeholders. Show it instead of the
     * planned text. By default calls {@link #started(FixStep)}.
     */
    default void started(FixStep step, String what) {
        started(step);
    }

    /** @param detail what came back: empty on success, the workspace's message on failure */
    default void finished(FixStep step, StepStatus status, String detail) {
    }
}
