package dev.retlsetup.ui;

import javafx.beans.value.ObservableBooleanValue;

/** The state behind one wizard page; never touches a control, so it is tested without a toolkit. */
public interface StepViewModel {
    /** Whether the user may move on from this page. */
    ObservableBooleanValue complete();
}
