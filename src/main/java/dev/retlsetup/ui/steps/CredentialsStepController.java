package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.SecretField;
import javafx.application.Platform;
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
    @FXML private Label secretRequest;

    public CredentialsStepController(CredentialsStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        clientIdField.textProperty().bindBidirectional(viewModel.field(Field.CLIENT_ID));
        secretField.textProperty().bindBidirectional(viewModel.field(Field.SECRET));
        secretField.revealedProperty().bindBidirectional(viewModel.secretRevealedProperty());
        FieldSupport.label(clientIdLabel, clientIdField, Messages.UI.text("credentials.clientId.accessible"));
        FieldSupport.label(secretLabel, secretField.maskedInput(), Messages.UI.text("credentials.secret.accessible"));
        secretField.setAccessibleNames(Messages.UI.text("credentials.secret.accessible"),
                Messages.UI.text("credentials.secret.revealed.accessible"),
                Messages.UI.text("credentials.secret.toggle.accessible"));
        FieldSupport.show(validation, viewModel.findings(Field.CLIENT_ID), viewModel.field(Field.CLIENT_ID),
                clientIdMessage, true, clientIdField);
        FieldSupport.show(validation, viewModel.findings(Field.SECRET), viewModel.field(Field.SECRET), secretMessage,
                true, secretField.maskedInput(), secretField.clearInput());
        AutoHide.bind(notice, viewModel.fillNoticeProperty());
        AutoHide.bind(secretRequest, viewModel.secretRequestProperty());
        viewModel.secretRequestProperty().addListener((obs, old, now) -> focusSecretIfAsked());
        focusSecretIfAsked();
    }

    /** When the secret is asked for, the cursor goes where it is pasted (after the page is on screen). */
    private void focusSecretIfAsked() {
        if (!viewModel.secretRequestProperty().get().isEmpty()) {
            Platform.runLater(() -> (secretField.revealedProperty().get() ? secretField.clearInput()
                    : secretField.maskedInput()).requestFocus());
        }
    }
}
