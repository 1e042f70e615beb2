package dev.retlsetup.ui.controls;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** A label that is shown only while its text is non-empty. */
public final class AutoHide {
    private AutoHide() {
    }

    public static void bind(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        Runnable update = () -> {
            boolean show = text.get() != null && !text.get().isBlank();
            label.setVisible(show);
            label.setManaged(show);
        };
        text.addListener((obs, old, now) -> update.run());
        update.run();
    }
}
