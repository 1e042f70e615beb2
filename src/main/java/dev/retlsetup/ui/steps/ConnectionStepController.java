package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.AutoHide;
import dev.retlsetup.ui.controls.SmartPaste;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationSupport;

/** Binds the connection details page: HTTP path and port (a pasted JDBC URL fills both). */
public final class ConnectionStepController {
    private final ConnectionStepViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private Label hostValue;
    @FXML private Label httpPathLabel;
    @FXML private TextField httpPathField;
    @FXML private Label httpPathMessage;
    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Label portMessage;
    @FXML private Label notice;
    @FXML private javafx.scene.layout.HBox pickWarehouseRow;
    @FXML private javafx.scene.control.Button pickWarehouseButton;
    @FXML private dev.retlsetup.ui.controls.WarehousePicker warehousePicker;

    public ConnectionStepController(ConnectionStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        hostValue.textProperty().bind(viewModel.field(Field.HOST));
        httpPathField.textProperty().bindBidirectional(viewModel.field(Field.HTTP_PATH));
        portField.textProperty().bindBidirectional(viewModel.field(Field.PORT));
        FieldSupport.label(httpPathLabel, httpPathField, Messages.UI.text("connection.httpPath.accessible"));
        FieldSupport.label(portLabel, portField, Messages.UI.text("connection.port.accessible"));
        FieldSupport.show(validation, viewModel.findings(Field.HTTP_PATH), viewModel.field(Field.HTTP_PATH),
                httpPathMessage, true, httpPathField);
        FieldSupport.show(validation, viewModel.findings(Field.PORT), viewModel.field(Field.PORT), portMessage, false,
                portField);
        AutoHide.bind(notice, viewModel.fillNoticeProperty());
        SmartPaste.install(httpPathField, text -> viewModel.paste(Field.HTTP_PATH, text));
        SmartPaste.install(portField, text -> viewModel.paste(Field.PORT, text));
        bindPicker();
    }

    /** "Pick from the warehouse list" when a token can read it; the list opens under the HTTP path. */
    private void bindPicker() {
        WarehousePickerViewModel picker = viewModel.picker();
        if (picker == null) {
            dev.retlsetup.ui.controls.Nodes.hide(pickWarehouseRow);
            dev.retlsetup.ui.controls.Nodes.hide(warehousePicker);
            return;
        }
        dev.retlsetup.ui.controls.Nodes.showWhen(pickWarehouseRow, picker.availableProperty().and(picker.openProperty().not()));
        dev.retlsetup.ui.controls.Nodes.showWhen(warehousePicker, picker.openProperty());
        pickWarehouseButton.setOnAction(e -> picker.load());
        PickerList<dev.retlsetup.admin.WorkspaceApi.Warehouse> list = picker.list();
        warehousePicker.bind(list.items(), list.loadingProperty(), list.failedProperty(), list.statusProperty(),
                warehouse -> {
                    picker.choose(warehouse);
                    httpPathField.requestFocus();
                }, list::cancel, picker::load, picker::close);
        // Opened from the Test page: the list gets the focus, so the keyboard can pick at once.
        picker.openProperty().addListener((obs, was, open) -> {
            if (open) {
                javafx.application.Platform.runLater(() -> warehousePicker.table().requestFocus());
            }
        });
    }
}
