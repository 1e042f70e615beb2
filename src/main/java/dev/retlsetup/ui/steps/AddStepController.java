package dev.retlsetup.ui.steps;

import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.CopyableCode;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds the Add page: name, where the secret goes, the managed schema, the summary and its actions. */
public final class AddStepController {
    private final AddStepViewModel viewModel;

    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label nameMessage;
    @FXML private ToggleGroup secretGroup;
    @FXML private RadioButton keychainChoice;
    @FXML private Label keychainStatus;
    @FXML private RadioButton databricksCfgChoice;
    @FXML private VBox profileBox;
    @FXML private Label profileLabel;
    @FXML private TextField profileField;
    @FXML private CheckBox consentBox;
    @FXML private RadioButton noneChoice;
    @FXML private CheckBox createSchemaBox;
    @FXML private CopyableCode schemaStatement;
    @FXML private Label schemaResult;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private GridPane summary;
    @FXML private Button reportButton;
    @FXML private Label actionStatus;
    @FXML private Label testWarning;

    public AddStepController(AddStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.sourceNameProperty());
        FieldSupport.label(nameLabel, nameField, Messages.UI.text("add.name.accessible"));
        AutoHide.bind(nameMessage, Bindings.createStringBinding(() -> viewModel.nameProblemProperty().get() == null
                || nameField.getText().isBlank() ? "" : viewModel.nameProblemProperty().get(),
                viewModel.nameProblemProperty(), nameField.textProperty()));
        bindSecretChoice();
        profileField.textProperty().bindBidirectional(viewModel.profileNameProperty());
        FieldSupport.label(profileLabel, profileField, Messages.UI.text("add.secret.profile"));
        consentBox.setText(Messages.UI.text("add.secret.consent", viewModel.databricksCfgPath()));
        consentBox.selectedProperty().bindBidirectional(viewModel.profileConsentProperty());
        profileBox.disableProperty().bind(databricksCfgChoice.selectedProperty().not());
        createSchemaBox.selectedProperty().bindBidirectional(viewModel.createSchemaProperty());
        schemaStatement.textProperty().bind(viewModel.schemaStatementProperty());
        schemaStatement.setAccessibleNames(Messages.UI.text("add.schema.create"), Messages.UI.text("button.copy"));
        AutoHide.bind(schemaResult, viewModel.schemaResultProperty());
        viewModel.schemaOutcomeProperty().addListener((obs, old, result) -> {
            schemaResult.getStyleClass().removeAll("notice", "fill-notice");
            schemaResult.getStyleClass().add(result == null || result.created() ? "fill-notice" : "notice");
        });
        AutoHide.bind(status, viewModel.statusProperty());
        actionStatus.textProperty().bind(viewModel.actionStatusProperty());
        AutoHide.bind(testWarning, viewModel.testWarningProperty());
        testWarning.setMaxWidth(Double.MAX_VALUE);
        viewModel.setConfirmation(this::confirm);
        AutoHide.bind(error, viewModel.errorProperty());
        for (Label label : new Label[] {status, error}) {
            label.setMaxWidth(Double.MAX_VALUE);
        }
        fillSummary();
    }

    private void bindSecretChoice() {
        keychainChoice.setUserData(SecretStorage.Kind.KEYCHAIN);
        databricksCfgChoice.setUserData(SecretStorage.Kind.DATABRICKSCFG);
        noneChoice.setUserData(SecretStorage.Kind.NONE);
        Runnable showChoice = () -> {
            for (Toggle toggle : secretGroup.getToggles()) {
                toggle.setSelected(toggle.getUserData() == viewModel.secretChoiceProperty().get());
            }
        };
        viewModel.secretChoiceProperty().addListener((obs, old, now) -> showChoice.run());
        secretGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.secretChoiceProperty().set((SecretStorage.Kind) now.getUserData());
            }
        });
        showChoice.run();
        keychainChoice.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.keychainStatusProperty().get() == null || !viewModel.keychainStatusProperty().get().available(),
                viewModel.keychainStatusProperty()));
        keychainStatus.textProperty().bind(Bindings.createStringBinding(() -> {
            var state = viewModel.keychainStatusProperty().get();
            return state == null ? Messages.UI.text("add.secret.checking") : state.message();
        }, viewModel.keychainStatusProperty()));
    }

    private void fillSummary() {
        int row = 0;
        for (AddStepViewModel.SummaryRow line : viewModel.summary()) {
            Label name = new Label(Messages.UI.text(line.labelKey()));
            name.getStyleClass().add("summary-name");
            Label value = new Label();
            value.getStyleClass().add("summary-value");
            value.setWrapText(true);
            value.textProperty().bind(Bindings.createStringBinding(() -> display(line), line.value()));
            summary.addRow(row++, name, value);
        }
    }

    private static String display(AddStepViewModel.SummaryRow line) {
        String text = line.value().get() == null ? "" : line.value().get().trim();
        if (line.secret()) {
            return text.isEmpty() ? Messages.UI.text("add.value.empty") : Messages.UI.text("add.value.secretHidden");
        }
        if (text.isEmpty()) {
            return Messages.UI.text("add.field.catalog".equals(line.labelKey()) ? "add.value.defaultCatalog" : "add.value.empty");
        }
        return text;
    }

    /** Asks before saving a source whose connection is not proven; keeping the page is the default for Enter. */
    private boolean confirm(String header, String content, String confirmLabel) {
        ButtonType go = new ButtonType(confirmLabel, ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(Messages.UI.text("add.ask.back"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, content, go, stay);
        alert.setTitle(header);
        alert.setHeaderText(header);
        if (summary.getScene() != null && summary.getScene().getWindow() != null) {
            alert.initOwner(summary.getScene().getWindow());
        }
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        return alert.showAndWait().filter(answer -> answer == go).isPresent();
    }

    @FXML
    private void copySettings() {
        dev.retlsetup.ui.controls.Nodes.copy(viewModel.settingsForSegment());
        viewModel.actionStatusProperty().set(Messages.UI.text("add.copy.done"));
    }

    @FXML
    private void saveReport() {
        if (!viewModel.hasReport()) {
            viewModel.actionStatusProperty().set(Messages.UI.text("add.report.none"));
            return;
        }
        FileChooser chooser = dev.retlsetup.ui.FileDialogs.chooser(Messages.UI.text("add.report.title"));
        chooser.setInitialFileName("databricks-connection-test.html");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HTML", "*.html"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        File file = dev.retlsetup.ui.FileDialogs.save(chooser, reportButton);
        if (file == null) {
            return;
        }
        reportButton.setDisable(true);
        viewModel.saveReport(file.toPath(), () -> {
            reportButton.setDisable(false);
            reportButton.requestFocus();
            viewModel.actionStatusProperty().set(Messages.UI.text("add.report.saved", file));
        }, problem -> {
            reportButton.setDisable(false);
            viewModel.actionStatusProperty().set(Messages.UI.text("add.report.failed", problem));
        });
    }
}
