package dev.retlsetup.ui.steps;

import dev.retlsetup.admin.WorkspaceLists;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.Background;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One list a picker shows, loaded in the background: what it holds, whether it is loading, and a
 * status line (who read it, how many, or why it could not be read). A failure leaves the form as the
 * user typed it; a load started later wins over one still running, which is cancelled.
 */
public final class PickerList<T> {
    /** What to read with the lists' token. */
    @FunctionalInterface
    interface Read<T> {
        List<T> from(WorkspaceLists lists) throws WorkspaceLists.ListException;
    }

    private final Background background;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private WorkspaceLists current;
    private int generation;

    PickerList(Background background) {
        this.background = background;
    }

    public ObservableList<T> items() {
        return items;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True when the last load failed (the status says why). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /**
     * Reads the list with {@code lists} (closed afterwards); {@code loadingKey}, {@code doneKey} and
     * {@code emptyKey} are UI keys taking who reads it ({0}) and, when done, how many ({1}).
     */
    void load(Optional<WorkspaceLists> lists, String who, Read<T> read, String loadingKey, String doneKey,
              String emptyKey) {
        cancel();
        int mine = ++generation;
        if (lists.isEmpty()) {
            items.clear();
            failed.set(true);
            status.set(Messages.UI.text("picker.noAccess"));
            return;
        }
        WorkspaceLists reader = lists.get();
        current = reader;
        loading.set(true);
        failed.set(false);
        status.set(Messages.UI.text(loadingKey, who));
        background.task(() -> {
            try {
                return read.from(reader);
            } finally {
                reader.close();
            }
        }).onSuccess(found -> {
            if (mine != generation) {
                return;
            }
            current = null;
            loading.set(false);
            items.setAll(found);
            status.set(Messages.UI.text(found.isEmpty() ? emptyKey : doneKey, who, found.size()));
        }).onFailure(error -> {
            if (mine != generation) {
                return;
            }
            current = null;
            loading.set(false);
            failed.set(true);
            status.set(error instanceof WorkspaceLists.ListException ? error.getMessage()
                    : Messages.UI.text("picker.failed", error.getClass().getSimpleName()));
        }).start();
    }

    /** Stops a load in flight; its status says it was cancelled, the items already shown stay. */
    public void cancel() {
        WorkspaceLists reader = current;
        if (reader != null) {
            current = null;
            generation++;
            reader.cancel();
            loading.set(false);
            failed.set(true);
            status.set(Messages.ADMIN.text("lists.cancelled"));
        }
    }

    /** Empties the list (the workspace or the catalog changed). */
    void clear() {
        cancel();
        items.clear();
        failed.set(false);
        status.set("");
    }
}
