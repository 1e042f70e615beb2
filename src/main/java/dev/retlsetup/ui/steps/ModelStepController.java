package dev.retlsetup.ui.steps;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.model.ColumnInfo;
import dev.retlsetup.model.KeyStats;
import dev.retlsetup.model.Model;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.Preview;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.ui.controls.CheckRowView;
import dev.retlsetup.ui.controls.SqlEditor;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the Model page: the SQL editor, the unique identifier, the live checklist and the preview. */
public final class ModelStepController {
    /** Longer values are cut in the preview table (the whole value is its tooltip-free cell text's start). */
    static final int CELL_CHARS = 80;

    private final ModelStepViewModel viewModel;

    @FXML private ComboBox<Model> savedModels;
    @FXML private Button newModelButton;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label sqlLabel;
    @FXML private SqlEditor sqlEditor;
    @FXML private Label offline;
    @FXML private Label keyLabel;
    @FXML private ComboBox<String> keyField;
    @FXML private Button checkButton;
    @FXML private Button cancelCheckButton;
    @FXML private Button fixAsAdminButton;
    @FXML private Button copyButton;
    @FXML private Label blocked;
    @FXML private Label status;
    @FXML private VBox checklist;
    @FXML private Label previewHeading;
    @FXML private TableView<List<Object>> preview;
    @FXML private Label keyStats;

    private final CheckRowView.Actions actions = new CheckRowView.Actions() {
        @Override
        public String adminMessage(dev.retlsetup.check.CheckResult result) {
            return viewModel.adminMessage(result);
        }

        @Override
        public void saveFix(dev.retlsetup.check.CheckResult result) {
            javafx.stage.FileChooser chooser = dev.retlsetup.ui.FileDialogs.chooser(Messages.UI.text("test.save.title"));
            chooser.setInitialFileName("segment-model-fix-" + result.id() + ".sql");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("SQL", "*.sql"));
            java.io.File file = dev.retlsetup.ui.FileDialogs.save(chooser, checklist);
            if (file != null) {
                viewModel.save(file.toPath(), viewModel.fixScript(result));
            }
        }
    };

    public ModelStepController(ModelStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        sqlEditor.textProperty().bindBidirectional(viewModel.sqlProperty());
        keyField.valueProperty().bindBidirectional(viewModel.keyProperty());
        keyField.setItems(viewModel.keyChoices());
        FieldSupport.label(nameLabel, nameField, Messages.UI.text("model.name.accessible"));
        sqlLabel.setMnemonicParsing(true);
        sqlLabel.setLabelFor(sqlEditor.area());
        sqlEditor.area().setAccessibleText(Messages.UI.text("model.sql.accessible"));
        FieldSupport.label(keyLabel, keyField, Messages.UI.text("model.key.accessible"));
        offline.textProperty().bind(viewModel.offlineProperty());
        AutoHide.bind(blocked, viewModel.blockedProperty());
        AutoHide.bind(status, viewModel.statusProperty());
        checkButton.disableProperty().bind(viewModel.canCheckProperty().not());
        cancelCheckButton.disableProperty().bind(viewModel.runningProperty().not());
        var adminCanHelp = javafx.beans.binding.Bindings.createBooleanBinding(viewModel::adminCanHelp,
                viewModel.runningProperty(), viewModel.reportProperty());
        fixAsAdminButton.visibleProperty().bind(adminCanHelp);
        fixAsAdminButton.managedProperty().bind(adminCanHelp);
        newModelButton.disableProperty().bind(viewModel.runningProperty());
        savedModels.setItems(viewModel.models());
        savedModels.setConverter(new StringConverter<>() {
            @Override
            public String toString(Model model) {
                return model == null ? "" : model.name();
            }

            @Override
            public Model fromString(String text) {
                return null;
            }
        });
        savedModels.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Model model, boolean empty) {
                super.updateItem(model, empty);
                setText(empty || model == null ? null : Messages.UI.text(model.lastCheck() == null ? "model.saved.unchecked"
                        : model.lastCheck().ready() ? "model.saved.ready" : "model.saved.notReady", model.name()));
            }
        });
        savedModels.setOnAction(e -> {
            Model chosen = savedModels.getValue();
            if (chosen != null) {
                viewModel.select(chosen);
            }
        });
        viewModel.rows().addListener((ListChangeListener<CheckRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    rebuildChecklist();
                    return;
                }
            }
        });
        rebuildChecklist();
        viewModel.reportProperty().addListener((obs, old, report) -> showResults(report));
        showResults(viewModel.reportProperty().get());
    }

    private void rebuildChecklist() {
        checklist.getChildren().setAll(viewModel.rows().stream()
                .map(row -> new CheckRowView(row, actions)).collect(Collectors.toList()));
    }

    /** The preview table (Segment's Preview: the first rows, with each column's type) and the key's figures. */
    private void showResults(ModelReport report) {
        Preview shown = report == null ? null : report.preview();
        boolean hasPreview = shown != null && !shown.columns().isEmpty();
        for (var node : List.of(previewHeading, preview)) {
            node.setVisible(hasPreview);
            node.setManaged(hasPreview);
        }
        preview.getColumns().clear();
        preview.getItems().clear();
        if (hasPreview) {
            previewHeading.setText(Messages.UI.text("model.preview.heading", shown.rows().size()));
            for (int i = 0; i < shown.columns().size(); i++) {
                ColumnInfo column = shown.columns().get(i);
                TableColumn<List<Object>, String> tc = new TableColumn<>(column.name() + "\n" + column.type());
                int index = i;
                tc.setCellValueFactory(cell -> new ReadOnlyStringWrapper(shorten(cell.getValue().get(index))));
                tc.setSortable(false);
                preview.getColumns().add(tc);
            }
            preview.getItems().setAll(shown.rows());
        }
        KeyStats key = report == null ? null : report.key();
        String figures = key == null ? "" : Messages.UI.text(key.unique() ? "model.key.figures.unique"
                : "model.key.figures.notUnique", key.column(), key.rows(), key.distinct(), key.nulls());
        keyStats.setText(figures);
        keyStats.setVisible(!figures.isEmpty());
        keyStats.setManaged(!figures.isEmpty());
    }

    static String shorten(Object value) {
        if (value == null) {
            return Messages.UI.text("model.preview.null");
        }
        String text = String.valueOf(value);
        return text.length() <= CELL_CHARS ? text : text.substring(0, CELL_CHARS - 1) + "…";
    }

    @FXML
    private void check() {
        viewModel.check();
    }

    @FXML
    private void fixAsAdmin() {
        dev.retlsetup.ui.admin.AdminWindows.openFix(checklist.getScene().getWindow(), viewModel.adminFix(),
                fixAsAdminButton::requestFocus);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void newModel() {
        savedModels.getSelectionModel().clearSelection();
        viewModel.newModel();
    }

    @FXML
    private void copy() {
        copyText(viewModel.forSegment());
        viewModel.statusProperty().set(Messages.UI.text("model.copied"));
    }

    private void copyText(String text) {
        dev.retlsetup.ui.controls.Nodes.copy(text);
    }
}
