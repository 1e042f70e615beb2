package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.ui.Messages;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Binds the workspace page to its view model. */
public final class WorkspaceStepController {
    private final WorkspaceStepViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Label hostLabel;
    @FXML private TextField hostField;

    public WorkspaceStepController(WorkspaceStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        FieldSupport.label(hostLabel, hostField, Messages.get("workspace.host.accessible"));
        FieldSupport.required(validation, hostField, hostLabel);
        Platform.runLater(hostField::requestFocus);
    }
}
