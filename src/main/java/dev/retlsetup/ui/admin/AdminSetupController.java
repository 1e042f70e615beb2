package dev.retlsetup.ui.admin;

import dev.retlsetup.ui.controls.Nodes;
import dev.retlsetup.admin.WorkspaceApi;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.ui.admin.AdminSetupViewModel.Phase;
import dev.retlsetup.ui.controls.SecretField;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;

/** Binds the set-up window to its view model; nothing here decides. */
public final class AdminSetupController {
    private final AdminSetupViewModel viewModel;
    private final Runnable close;

    @FXML private SignInPane signInPane;
    @FXML private VBox chooseSection;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label warehouseLabel;
    @FXML private ComboBox<WorkspaceApi.Warehouse> warehouseChoice;
    @FXML private Label warehousePath;
    @FXML private Label catalogLabel;
    @FXML private ComboBox<String> catalogChoice;
    @FXML private Label schemasLabel;
    @FXML private CheckListView<String> schemaChoice;
    @FXML private RadioButton createOnCatalog;
    @FXML private RadioButton precreate;
    @FXML private Button reviewButton;
    @FXML private VBox planSection;
    @FXML private VBox planSteps;
    @FXML private VBox confirmBar;
    @FXML private Label confirmText;
    @FXML private Button confirmButton;
    @FXML private VBox credentialsSection;
    @FXML private Label clientIdLabel;
    @FXML private TextField clientIdField;
    @FXML private Label secretLabel;
    @FXML private SecretField secretField;
    @FXML private Label secretExpires;
    @FXML private Button useButton;
    @FXML private Label message;
    @FXML private Button cancelButton;
    private boolean syncingSchemas;

    public AdminSetupController(AdminSetupViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        var phase = viewModel.phaseProperty();
        BooleanBinding busy = phase.isEqualTo(Phase.LOADING).or(phase.isEqualTo(Phase.APPLYING))
                .or(viewModel.loadingProperty().isNotEmpty());
        signInPane.bind(viewModel.signInStep(), viewModel::signIn, busy, Bindings.createStringBinding(() ->
                phase.get() == Phase.APPLYING ? Messages.UI.text("adminfix.working") : viewModel.loadingProperty().get(),
                phase, viewModel.loadingProperty()));

        Nodes.showWhen(chooseSection, phase.isEqualTo(Phase.CHOOSE).or(phase.isEqualTo(Phase.CONFIRM)));
        chooseSection.disableProperty().bind(phase.isNotEqualTo(Phase.CHOOSE));
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        warehouseChoice.setItems(viewModel.warehouses());
        warehouseChoice.valueProperty().bindBidirectional(viewModel.warehouseProperty());
        warehouseChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkspaceApi.Warehouse w) {
                return w == null ? "" : describe(w);
            }

            @Override
            public WorkspaceApi.Warehouse fromString(String text) {
                return null;
            }
        });
        warehouseChoice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WorkspaceApi.Warehouse w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : describe(w));
            }
        });
        warehousePath.textProperty().bind(Bindings.createStringBinding(() -> viewModel.warehouseProperty().get() == null
                ? "" : Messages.UI.text("adminsetup.warehouse.path", viewModel.warehouseProperty().get().httpPath()),
                viewModel.warehouseProperty()));
        catalogChoice.setItems(viewModel.catalogs());
        catalogChoice.valueProperty().bindBidirectional(viewModel.catalogProperty());
        schemaChoice.setItems(viewModel.schemas());
        // The view's checks and the model's chosen schemas follow each other; a flag stops the echo.
        viewModel.chosenSchemas().addListener((ListChangeListener<String>) c -> checkChosen());
        viewModel.schemas().addListener((ListChangeListener<String>) c -> checkChosen());
        schemaChoice.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncingSchemas) {
                viewModel.chosenSchemas().setAll(schemaChoice.getCheckModel().getCheckedItems());
            }
        });
        ToggleGroup managed = new ToggleGroup();
        createOnCatalog.setToggleGroup(managed);
        precreate.setToggleGroup(managed);
        createOnCatalog.setSelected(!viewModel.precreateProperty().get());
        precreate.selectedProperty().bindBidirectional(viewModel.precreateProperty());
        FieldSupport.label(nameLabel, nameField, Messages.UI.text("adminsetup.name"));
        FieldSupport.label(warehouseLabel, warehouseChoice, Messages.UI.text("adminsetup.warehouse"));
        FieldSupport.label(catalogLabel, catalogChoice, Messages.UI.text("adminsetup.catalog"));
        FieldSupport.label(schemasLabel, schemaChoice, Messages.UI.text("adminsetup.schemas"));

        Nodes.showWhen(planSection, Bindings.isNotEmpty(viewModel.steps()));
        viewModel.steps().addListener((ListChangeListener<PlanRow>) c -> planSteps.getChildren().setAll(
                viewModel.steps().stream().map(row -> new PlanRowView(row, LiveSteps.DOES)).toList()));
        Nodes.showWhen(confirmBar, phase.isEqualTo(Phase.CONFIRM));
        confirmText.textProperty().bind(Bindings.createStringBinding(() -> Messages.UI.text("adminfix.confirm.text",
                viewModel.steps().size(), viewModel.signInStep().identityProperty().get()), viewModel.steps(),
                viewModel.signInStep().identityProperty()));
        phase.addListener((obs, old, now) -> {
            if (now == Phase.CONFIRM) {
                confirmButton.requestFocus();
                AdminWindows.reveal(confirmBar);
            } else if (now == Phase.DONE) {
                AdminWindows.reveal(viewModel.completeProperty().get() ? credentialsSection : message);
                if (viewModel.completeProperty().get()) {
                    useButton.requestFocus();
                }
            }
        });

        Nodes.showWhen(credentialsSection, viewModel.clientIdProperty().isNotEmpty());
        clientIdField.textProperty().bind(viewModel.clientIdProperty());
        secretField.textProperty().bind(viewModel.secretProperty());
        secretField.maskedInput().setEditable(false);
        secretField.clearInput().setEditable(false);
        secretExpires.textProperty().bind(viewModel.secretExpiresProperty());
        FieldSupport.label(clientIdLabel, clientIdField, Messages.UI.text("adminsetup.clientId"));
        Nodes.showWhen(useButton, viewModel.completeProperty());

        message.textProperty().bind(viewModel.messageProperty());
        Nodes.showWhen(message, viewModel.messageProperty().isNotEmpty());
        viewModel.messageProperty().addListener((obs, old, now) -> {
            message.getStyleClass().removeAll("verdict-passed", "verdict-failed", "verdict-incomplete");
            message.getStyleClass().add(viewModel.completeProperty().get() ? "verdict-passed"
                    : phase.get() == Phase.DONE ? "verdict-failed" : "verdict-incomplete");
        });
        Nodes.showWhen(cancelButton, busy.or(viewModel.signInStep().stateProperty().isEqualTo(SignInStep.State.SIGNING_IN)));
    }

    private void checkChosen() {
        syncingSchemas = true;
        try {
            schemaChoice.getCheckModel().clearChecks();
            viewModel.chosenSchemas().forEach(s -> schemaChoice.getCheckModel().check(s));
        } finally {
            syncingSchemas = false;
        }
    }

    private static String describe(WorkspaceApi.Warehouse w) {
        return Messages.UI.text(w.serverless() ? "adminsetup.warehouse.serverless" : "adminsetup.warehouse.classic",
                w.name(), w.state().toLowerCase(java.util.Locale.ROOT), w.size());
    }

    @FXML
    private void review() {
        viewModel.review();
    }

    @FXML
    private void confirmApply() {
        viewModel.confirmApply();
    }

    @FXML
    private void notYet() {
        viewModel.notYet();
    }

    @FXML
    private void copyPlan() {
        Nodes.copy(viewModel.planText());
    }

    @FXML
    private void copyClientId() {
        Nodes.copy(viewModel.clientIdProperty().get());
    }

    @FXML
    private void copySecret() {
        Nodes.copy(viewModel.secretProperty().get());
    }

    @FXML
    private void useAndTest() {
        viewModel.useAndTest();
        close.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        close.run();
    }
}
