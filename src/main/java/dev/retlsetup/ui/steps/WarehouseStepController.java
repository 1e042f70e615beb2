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
    }
}
