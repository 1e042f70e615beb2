package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.StepStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of the plan as the window shows it: what runs, what it fixes, and what happened when applied. */
public final class PlanRow {
    /** PLANNED before applying; RUNNING while the workspace works on it; then what {@link StepStatus} says. */
    public enum State { PLANNED, RUNNING, APPLIED, FAILED, SKIPPED }

    private final int number;
    private final FixStep step;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PLANNED);
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final StringProperty what;

    PlanRow(int number, FixStep step) {
        this.number = number;
        this.step = step;
        this.what = new SimpleStringProperty(this, "what", step.what());
    }

    /** The statement or call as shown: planned, its placeholders are replaced by the real IDs when it runs. */
    public StringProperty whatProperty() {
        return what;
    }

    public int number() {
        return number;
    }

    public FixStep step() {
        return step;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    void finished(StepStatus status, String message) {
        state.set(switch (status) {
            case APPLIED -> State.APPLIED;
            case FAILED -> State.FAILED;
            case SKIPPED -> State.SKIPPED;
            case PLANNED -> State.PLANNED;
        });
        detail.set(message == null ? "" : message);
    }
}
