package dev.retlsetup.ui.controls;

import dev.retlsetup.check.CheckResult;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of the live checklist. */
public final class CheckRow {
    /** What the checklist shows; the last four mirror the tester's verdicts. */
    public enum State {
        PENDING, RUNNING, PASSED, WARNING, FAILED, SKIPPED
    }

    private final String id;
    private final StringProperty title = new SimpleStringProperty(this, "title");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.PENDING);
    private final LongProperty millis = new SimpleLongProperty(this, "millis", -1);
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObjectProperty<CheckResult> result = new SimpleObjectProperty<>(this, "result");

    public CheckRow(String id, String title) {
        this.id = id;
        this.title.set(title);
    }

    public String id() {
        return id;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public LongProperty millisProperty() {
        return millis;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObjectProperty<CheckResult> resultProperty() {
        return result;
    }

    public CheckResult result() {
        return result.get();
    }

    public void reset() {
        state.set(State.PENDING);
        millis.set(-1);
        summary.set("");
        result.set(null);
    }

    public void apply(CheckResult value) {
        result.set(value);
        millis.set(value.millis());
        summary.set(value.summary());
        state.set(State.valueOf(value.status().name()));
    }
}
