package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.CopyableCode;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Binds the SQL warehouse page: catalog, schemas and the live grant script. */
public final class WarehouseStepController {
    private final WarehouseStepViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Label catalogLabel;
    @FXML private TextField catalogField;
    @FXML private Label catalogMessage;
    @FXML private Label schemasLabel;
    @FXML private TextField schemasField;
    @FXML private Label schemasMessage;
    @FXML private CopyableCode grantScript;
    @FXML private Label principalNote;
    @FXML private javafx.scene.layout.HBox pickCatalogRow;
    @FXML private javafx.scene.control.Button pickCatalogButton;
    @FXML private dev.retlsetup.ui.controls.CatalogPicker catalogPicker;
    @FXML private Label pickerNote;

    public WarehouseStepController(WarehouseStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        catalogField.textProperty().bindBidirectional(viewModel.field(Field.CATALOG));
        schemasField.textProperty().bindBidirectional(viewModel.field(Field.SCHEMAS));
        grantScript.textProperty().bind(viewModel.grantScriptProperty());
        principalNote.textProperty().bind(viewModel.principalNoteProperty());
        grantScript.setAccessibleNames(Messages.UI.text("warehouse.grants.accessible"),
                Messages.UI.text("warehouse.grants.copy.accessible"));
        FieldSupport.label(catalogLabel, catalogField, Messages.UI.text("warehouse.catalog.accessible"));
        FieldSupport.label(schemasLabel, schemasField, Messages.UI.text("warehouse.schemas.accessible"));
        FieldSupport.show(validation, viewModel.findings(Field.CATALOG), viewModel.field(Field.CATALOG),
                catalogMessage, false, catalogField);
        FieldSupport.show(validation, viewModel.findings(Field.SCHEMAS), viewModel.field(Field.SCHEMAS),
                schemasMessage, true, schemasField);
        bindPicker();
    }

    /** "Pick from the workspace's catalogs" when a token can read them; the lists open above the fields. */
    private void bindPicker() {
        CatalogPickerViewModel picker = viewModel.picker();
        if (picker == null) {
            dev.retlsetup.ui.controls.Nodes.hide(pickCatalogRow);
            dev.retlsetup.ui.controls.Nodes.hide(catalogPicker);
            dev.retlsetup.ui.controls.Nodes.hide(pickerNote);
            return;
        }
        dev.retlsetup.ui.controls.Nodes.showWhen(pickCatalogRow, picker.availableProperty().and(picker.openProperty().not()));
        dev.retlsetup.ui.controls.Nodes.showWhen(catalogPicker, picker.openProperty());
        pickerNote.textProperty().bind(picker.noteProperty());
        dev.retlsetup.ui.controls.Nodes.showWhen(pickerNote, picker.noteProperty().isNotEmpty());
        pickCatalogButton.setOnAction(e -> picker.load());
        PickerList<String> catalogs = picker.catalogs();
        PickerList<String> schemas = picker.schemas();
        catalogPicker.bind(catalogs.items(), catalogs.loadingProperty().or(schemas.loadingProperty()),
                catalogs.failedProperty(), catalogs.statusProperty(), schemas.items(), schemas.statusProperty(),
                picker.schemasOfProperty(), picker::chooseCatalog, chosen -> {
                    picker.chooseSchemas(chosen);
                    schemasField.requestFocus();
                }, () -> {
                    catalogs.cancel();
                    schemas.cancel();
                }, picker::load, picker::close);
        // The catalog already typed is marked once the list is there, which lists its schemas.
        catalogs.items().addListener((javafx.collections.ListChangeListener<String>) change ->
                catalogPicker.mark(viewModel.field(Field.CATALOG).get()));
        picker.openProperty().addListener((obs, was, open) -> {
            if (open) {
                javafx.application.Platform.runLater(() -> catalogPicker.catalogList().requestFocus());
            }
        });
    }
}
