package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.ui.Messages;
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

    public WarehouseStepController(WarehouseStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        catalogField.textProperty().bindBidirectional(viewModel.catalogProperty());
        schemasField.textProperty().bindBidirectional(viewModel.schemasProperty());
        grantScript.textProperty().bind(viewModel.grantScriptProperty());
        grantScript.setAccessibleNames(Messages.get("warehouse.grants.accessible"),
                Messages.get("warehouse.grants.copy.accessible"));
        FieldSupport.label(catalogLabel, catalogField, Messages.get("warehouse.catalog.accessible"));
        FieldSupport.label(schemasLabel, schemasField, Messages.get("warehouse.schemas.accessible"));
        FieldSupport.validate(validation, catalogField, false, v -> SourceValidator.catalog(v).findings());
        FieldSupport.validate(validation, schemasField, true, v -> SourceValidator.schemas(v).findings());
        FieldSupport.message(catalogMessage, viewModel.findings(Field.CATALOG), viewModel.catalogProperty());
        FieldSupport.message(schemasMessage, viewModel.findings(Field.SCHEMAS), viewModel.schemasProperty());
    }
}
