package dev.retlsetup.ui.steps;

import dev.retlsetup.admin.SecretExpiry;
import dev.retlsetup.admin.WorkspaceLists;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.Background;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line on when the service principal's secret expires, read in the background: a warning when it
 * expires within {@link SecretExpiry#WARN_WITHIN} (or has no principal, or every secret expired), a plain
 * line otherwise, and "no expiry known" with the reason when it cannot be read.
 */
public final class SecretExpiryNotice {
    private final Background background;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty warn = new SimpleBooleanProperty(this, "warn", false);
    private int generation;
    private WorkspaceLists current;

    public SecretExpiryNotice(Background background) {
        this.background = background;
    }

    /** The sentence to show, or "" before anything was read. */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** True when the sentence is a warning. */
    public ReadOnlyBooleanProperty warnProperty() {
        return warn;
    }

    /** Reads the expiry of {@code applicationId} with {@code lists} (closed afterwards); nothing when empty. */
    public void read(Optional<WorkspaceLists> lists, String applicationId, Supplier<Instant> now) {
        clear();
        if (lists.isEmpty() || applicationId == null || applicationId.isBlank()) {
            return;
        }
        int mine = generation;
        WorkspaceLists reader = lists.get();
        current = reader;
        background.task(() -> {
            try {
                return reader.secretExpiry(applicationId, now.get());
            } finally {
                reader.close();
            }
        }).onSuccess(expiry -> {
            if (mine == generation) {
                current = null;
                warn.set(expiry.warn());
                text.set(expiry.message(applicationId));
            }
        }).onFailure(error -> {
            if (mine == generation) {
                current = null;
                warn.set(false);
                text.set(Messages.UI.text("expiry.unread", applicationId, error instanceof WorkspaceLists.ListException
                        ? error.getMessage() : error.getClass().getSimpleName()));
            }
        }).start();
    }

    /** Forgets the line (the settings changed, or a new run started); a read in flight is stopped. */
    public void clear() {
        generation++;
        WorkspaceLists reader = current;
        current = null;
        if (reader != null) {
            reader.cancel();
        }
        text.set("");
        warn.set(false);
    }
}
