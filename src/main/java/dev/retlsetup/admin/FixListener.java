package dev.retlsetup.admin;

/** Live results while a plan is applied. Called on the applying thread: UIs hop to their own. */
public interface FixListener {
    FixListener NONE = new FixListener() {
    };

    default void started(FixStep step) {
    }

    /** @param detail what came back: empty on success, the workspace's message on failure */
    default void finished(FixStep step, StepStatus status, String detail) {
    }
}
