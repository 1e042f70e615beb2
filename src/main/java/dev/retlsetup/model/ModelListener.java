package dev.retlsetup.model;

import dev.retlsetup.check.CheckResult;
import java.util.List;

/** Live progress of a model check. Called on the checker's thread: UIs hop to their own thread. */
public interface ModelListener {
    ModelListener NONE = new ModelListener() {
    };

    /** The whole checklist, before anything runs. */
    default void planned(List<ModelStep> steps) {
    }

    default void started(ModelStep step) {
    }

    /** Something worth showing while a step runs (e.g. "main.sales.orders: readable"). */
    default void progress(ModelStep step, String message) {
    }

    default void finished(CheckResult result) {
    }
}
