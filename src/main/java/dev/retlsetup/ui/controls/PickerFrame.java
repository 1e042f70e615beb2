package dev.retlsetup.ui.controls;

import dev.retlsetup.i18n.Messages;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What every picker shows around its list: a status line (who reads it, how many, or why it could not
 * be read) with a spinner and Cancel while loading, Reload and Close otherwise.
 */
class PickerFrame extends VBox {
    final Label status = new Label();
    final ProgressIndicator progress = new ProgressIndicator();
    final Button cancel = new Button(Messages.UI.text("picker.cancel"));
    final Button reload = new Button(Messages.UI.text("picker.reload"));
    final Button close = new Button(Messages.UI.text("picker.close"));
    final HBox statusRow = new HBox(8, progress, status, cancel, reload, close);

    PickerFrame(String styleClass) {
        getStyleClass().addAll("picker", styleClass);
        setSpacing(8);
        status.getStyleClass().add("picker-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        cancel.getStyleClass().add("picker-cancel");
        reload.getStyleClass().add("picker-reload");
        close.getStyleClass().add("picker-close");
        for (Button button : new Button[] {cancel, reload, close}) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        statusRow.setAlignment(Pos.CENTER_LEFT);
    }

    /** Shows the state of a load: spinner and Cancel while it runs; the status styled as an error when it failed. */
    void bindState(ObservableBooleanValue loading, ObservableBooleanValue failed, ObservableStringValue text) {
        status.textProperty().bind(text);
        show(progress, loading);
        show(cancel, loading);
        reload.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(loading::get, loading));
        failed.addListener((obs, was, now) -> status.pseudoClassStateChanged(FAILED, now));
        status.pseudoClassStateChanged(FAILED, failed.get());
    }

    static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");

    static void show(javafx.scene.Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
