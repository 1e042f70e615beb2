package dev.retlsetup.ui.steps;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.controls.CheckRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of a live checklist (the Test and Model steps) and the events that move them. Events may come from a
 * worker thread; each is delivered on the UI thread through {@link Background#onUi}.
 */
final class LiveChecklist {
    private final Background background;
    // The extractor makes a row's state change count as a list change, so bindings follow it.
    private final ObservableList<CheckRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.stateProperty()});

    LiveChecklist(Background background) {
        this.background = background;
    }

    ObservableList<CheckRow> rows() {
        return rows;
    }

    /** Shows a plan: one pending row per item, in order (call on the UI thread). */
    <T> void show(List<T> plan, Function<T, String> id, Function<T, String> title) {
        rows.setAll(plan.stream().map(item -> new CheckRow(id.apply(item), title.apply(item))).toList());
    }

    /** Puts the rows of a re-run back to pending, the others keep their results. */
    void reset(List<String> ids) {
        background.onUi(() -> ids.forEach(id -> onRow(id, CheckRow::reset)));
    }

    void started(String id) {
        background.onUi(() -> onRow(id, row -> row.stateProperty().set(CheckRow.State.RUNNING)));
    }

    void progress(String id, String message) {
        background.onUi(() -> onRow(id, row -> row.summaryProperty().set(message)));
    }

    void finished(CheckResult result) {
        background.onUi(() -> onRow(result.id(), row -> row.apply(result)));
    }

    private void onRow(String id, java.util.function.Consumer<CheckRow> change) {
        rows.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(change);
    }
}
