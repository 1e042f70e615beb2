package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows the checks the tester will run, each honestly marked as not run. */
public final class TestStepController {
    private final TestStepViewModel viewModel;

    @FXML private VBox checklist;

    public TestStepController(TestStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (String key : viewModel.plannedChecks()) {
            Label icon = new Label("\u25CB");
            icon.getStyleClass().add("check-icon");
            Label title = new Label(Messages.get(key));
            title.getStyleClass().add("check-title");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label status = new Label(Messages.get("test.notRun"));
            status.getStyleClass().add("check-status");
            HBox row = new HBox(icon, title, spacer, status);
            row.getStyleClass().addAll("check-row", "check-not-run");
            row.setAccessibleText(title.getText() + ": " + status.getText());
            checklist.getChildren().add(row);
        }
    }
}
