package dev.retlsetup.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * The state behind one wizard page; never touches a control, so it is tested without a toolkit. The wizard
 * calls the hooks; a page that needs none keeps the defaults.
 */
public interface StepViewModel {
    /** Whether the user may move on from this page. */
    ObservableBooleanValue complete();

    /** The user arrived on this page (forward or back). */
    default void shown() {
    }

    /**
     * Next (or Finish) was pressed on this complete page: call {@code proceed} to move on, now or once the page's
     * own work (a save) is done, or not at all to stay.
     */
    default void leave(Runnable proceed) {
        proceed.run();
    }

    /** The bundle key of the forward button's label on this page. */
    default ObservableStringValue nextLabelKey() {
        return Bindings.createStringBinding(() -> "button.next");
    }

    /** The window closes: stop what runs (and let its clean-up finish). */
    default void shutdown() {
    }
}
