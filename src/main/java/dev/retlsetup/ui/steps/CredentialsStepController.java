package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.ui.Messages;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.SecretField;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Binds the credentials page: client ID and the masked OAuth secret. */
public final class CredentialsStepController {
    private final CredentialsStepViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Label clientIdLabel;
    @FXML private TextField clientIdField;
    @FXML private Label clientIdMessage;
    @FXML private Label secretLabel;
    @FXML private SecretField secretField;
    @FXML private Label secretMessage;
    @FXML private Label notice;

    public CredentialsStepController(CredentialsStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        clientIdField.textProperty().bindBidirectional(viewModel.clientIdProperty());
        secretField.textProperty().bindBidirectional(viewModel.secretProperty());
        secretField.revealedProperty().bindBidirectional(viewModel.secretRevealedProperty());
        FieldSupport.label(clientIdLabel, clientIdField, Messages.get("credentials.clientId.accessible"));
        FieldSupport.label(secretLabel, secretField.maskedInput(), Messages.get("credentials.secret.accessible"));
        secretField.setAccessibleNames(Messages.get("credentials.secret.accessible"),
                Messages.get("credentials.secret.revealed.accessible"),
                Messages.get("credentials.secret.toggle.accessible"));
        FieldSupport.validate(validation, clientIdField, true, v -> SourceValidator.clientId(v).findings());
        FieldSupport.validate(validation, secretField.maskedInput(), true, v -> SourceValidator.secret(v).findings());
        FieldSupport.validate(validation, secretField.clearInput(), true, v -> SourceValidator.secret(v).findings());
        FieldSupport.message(clientIdMessage, viewModel.findings(Field.CLIENT_ID), viewModel.clientIdProperty());
        FieldSupport.message(secretMessage, viewModel.findings(Field.SECRET), viewModel.secretProperty());
        AutoHide.bind(notice, viewModel.fillNoticeProperty());
    }
}
