package dev.retlsetup.ui.steps;

import javafx.beans.value.ObservableStringValue;

/** Small text helpers shared by the step view models. */
final class Text {
    private Text() {
    }

    static boolean present(ObservableStringValue value) {
        return value.get() != null && !value.get().isBlank();
    }

    static String trimmed(ObservableStringValue value) {
        return value.get() == null ? "" : value.get().trim();
    }
}
