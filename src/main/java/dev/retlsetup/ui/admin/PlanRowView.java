package dev.retlsetup.ui.admin;

import dev.retlsetup.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One plan step: its number and kind, the exact statement or call, what it fixes, and how applying it went. */
final class PlanRowView extends VBox {
    /** @param purposeKey how the step's purpose reads: "Fixes …" in a fix, the plain purpose in a set-up */
    PlanRowView(PlanRow row, String purposeKey) {
        getStyleClass().add("plan-row");
        Label icon = new Label();
        icon.getStyleClass().add("check-icon");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(row.stateProperty().isEqualTo(PlanRow.State.RUNNING));
        icon.visibleProperty().bind(spinner.visibleProperty().not());
        icon.textProperty().bind(Bindings.createStringBinding(() -> switch (row.stateProperty().get()) {
            case PLANNED -> String.valueOf(row.number());
            case RUNNING -> "";
            case APPLIED -> "\u2713";
            case FAILED -> "\u2715";
            case SKIPPED -> "\u2013";
        }, row.stateProperty()));
        StackPane status = new StackPane(icon, spinner);
        status.setMinWidth(22);
        Label kind = new Label(Messages.UI.text("adminfix.kind." + row.step().kind().name().toLowerCase(java.util.Locale.ROOT)));
        kind.getStyleClass().add("plan-kind");
        kind.setMinWidth(Label.USE_PREF_SIZE);
        Label state = new Label();
        state.getStyleClass().add("plan-state");
        state.setMinWidth(Label.USE_PREF_SIZE);
        state.textProperty().bind(Bindings.createStringBinding(() -> Messages.UI.text("adminfix.state."
                + row.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT)), row.stateProperty()));
        Label what = new Label();
        what.textProperty().bind(row.whatProperty());
        what.getStyleClass().add("plan-what");
        what.setWrapText(true);
        what.setMinHeight(Label.USE_PREF_SIZE);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        HBox head = new HBox(8, status, kind, what, state);
        head.getStyleClass().add("plan-head");
        Label fixes = new Label(Messages.UI.text(purposeKey, row.step().fixes()));
        fixes.getStyleClass().add("help");
        fixes.setWrapText(true);
        fixes.setMinHeight(Label.USE_PREF_SIZE);
        Label detail = new Label();
        detail.getStyleClass().add("plan-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Label.USE_PREF_SIZE);
        detail.textProperty().bind(row.detailProperty());
        detail.visibleProperty().bind(row.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        getChildren().addAll(head, fixes, detail);
        setAccessibleText(Messages.UI.text("adminfix.step.accessible", row.number(), row.step().what()));
        row.stateProperty().addListener((obs, old, now) -> {
            getStyleClass().removeAll("plan-applied", "plan-failed", "plan-skipped", "plan-running");
            if (now != PlanRow.State.PLANNED) {
                getStyleClass().add("plan-" + now.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }
}
