package dev.retlsetup.ui.steps;

import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.Field;
import dev.retlsetup.ui.DemoMode;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.SmartPaste;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.validation.ValidationSupport;

/** Binds the workspace page: hostname, the demo workspace, and importing a ~/.databrickscfg profile. */
public final class WorkspaceStepController {
    private final WorkspaceStepViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Label hostLabel;
    @FXML private TextField hostField;
    @FXML private Label hostMessage;
    @FXML private Label notice;
    @FXML private Label scenarioLabel;
    @FXML private ComboBox<String> scenarioChoice;
    @FXML private Button demoButton;
    @FXML private ProgressIndicator demoProgress;
    @FXML private Label demoError;
    @FXML private Button importButton;
    @FXML private Button adminSetupButton;
    @FXML private Label adminSetupHint;

    public WorkspaceStepController(WorkspaceStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(viewModel.field(Field.HOST));
        FieldSupport.label(hostLabel, hostField, Messages.UI.text("workspace.host.accessible"));
        FieldSupport.show(validation, viewModel.findings(Field.HOST), viewModel.field(Field.HOST), hostMessage, true,
                hostField);
        AutoHide.bind(notice, viewModel.fillNoticeProperty());
        // Signing in needs the workspace's address: the button waits for a valid hostname.
        adminSetupButton.disableProperty().bind(viewModel.complete().not());
        adminSetupHint.visibleProperty().bind(viewModel.complete().not());
        adminSetupHint.managedProperty().bind(adminSetupHint.visibleProperty());
        SmartPaste.install(hostField, text -> viewModel.paste(Field.HOST, text));
        DemoMode demo = viewModel.demo();
        scenarioChoice.getItems().setAll(DemoMode.scenarios());
        // Each scenario shows as its one-line description; the name stays the value (drafts, the CLI use it).
        scenarioChoice.setCellFactory(list -> new ScenarioCell());
        scenarioChoice.setButtonCell(new ScenarioCell());
        scenarioChoice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(scenarioChoice, Priority.SOMETIMES);
        scenarioChoice.getSelectionModel().select(demo.scenarioProperty().get().isEmpty() ? "ready"
                : demo.scenarioProperty().get());
        FieldSupport.label(scenarioLabel, scenarioChoice, Messages.UI.text("demo.scenario.accessible"));
        demoButton.disableProperty().bind(demo.startingProperty());
        demoProgress.visibleProperty().bind(demo.startingProperty());
        demoProgress.managedProperty().bind(demo.startingProperty());
        AutoHide.bind(demoError, demo.errorProperty());
        Platform.runLater(hostField::requestFocus);
    }

    /** The scenario's description from the bundle, never the bare name. */
    static String describe(String scenario) {
        return Messages.UI.text("demo.scenario." + scenario);
    }

    private static final class ScenarioCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : describe(item));
            setAccessibleText(empty || item == null ? null : describe(item));
        }
    }

    @FXML
    private void startDemo() {
        if (viewModel.demo().wouldReplaceTypedValues() && !confirmReplace()) {
            return;
        }
        viewModel.demo().start(scenarioChoice.getValue());
    }

    /** The demo fills every field: ask before putting the user's values aside (they come back on leaving it). */
    private boolean confirmReplace() {
        javafx.scene.control.ButtonType use = new javafx.scene.control.ButtonType(
                Messages.UI.text("demo.replace.confirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType(
                Messages.UI.text("demo.replace.keep"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, Messages.UI.text("demo.replace.content"), use, keep);
        alert.setTitle(Messages.UI.text("demo.replace.title"));
        alert.setHeaderText(Messages.UI.text("demo.replace.header"));
        if (hostField.getScene() != null && hostField.getScene().getWindow() != null) {
            alert.initOwner(hostField.getScene().getWindow());
        }
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(use)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(answer -> answer == use).isPresent();
    }

    /** Reads the config file in the background, then lets the user pick a profile. */
    @FXML
    private void importProfile() {
        importButton.setDisable(true);
        viewModel.readConfigFile(file -> {
            importButton.setDisable(false);
            choose(file);
        }, error -> {
            importButton.setDisable(false);
            failed(error);
        });
    }

    private void choose(DatabricksConfigFile file) {
        if (file.profileNames().isEmpty()) {
            try {
                file.profile(null); // throws the parser's own "no profiles in <file>" message
            } catch (ConfigFileException e) {
                failed(e);
            }
            return;
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(file.profileNames().get(0), file.profileNames());
        dialog.initOwner(hostField.getScene().getWindow());
        dialog.setTitle(Messages.UI.text("workspace.import.title"));
        dialog.setHeaderText(Messages.UI.text("workspace.import.header", file.path()));
        dialog.setContentText(Messages.UI.text("workspace.import.profile"));
        dialog.showAndWait().ifPresent(profile -> {
            try {
                viewModel.importProfile(file, profile);
            } catch (ConfigFileException e) {
                failed(e);
            }
        });
    }

    private void failed(Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, error.getMessage());
        alert.initOwner(hostField.getScene().getWindow());
        alert.setHeaderText(Messages.UI.text("workspace.import.failed"));
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    /** "I'm a workspace admin: set it up for me": the set-up window over the wizard. */
    @FXML
    private void adminSetup() {
        dev.retlsetup.ui.admin.AdminWindows.openSetup(adminSetupButton.getScene().getWindow(), viewModel.adminSetup(),
                adminSetupButton::requestFocus);
    }
}
