package dev.retlsetup.ui.controls;

import dev.retlsetup.admin.WorkspaceApi.Warehouse;
import dev.retlsetup.i18n.Messages;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The list of warehouses to pick from: name, state, size, serverless and HTTP path. "Use this
 * warehouse" (or a double click, or Enter) hands the selected one over.
 */
public final class WarehousePicker extends PickerFrame {
    private final TableView<Warehouse> table = new TableView<>();
    private final Button use = new Button(Messages.UI.text("picker.warehouses.use"));

    public WarehousePicker() {
        super("warehouse-picker");
        table.getStyleClass().add("warehouse-table");
        table.setAccessibleText(Messages.UI.text("picker.warehouses.accessible"));
        table.setPlaceholder(new javafx.scene.control.Label(Messages.UI.text("picker.warehouses.none")));
        table.getColumns().add(column("picker.col.name", Warehouse::name, 150));
        table.getColumns().add(column("picker.col.state", Warehouse::state, 90));
        table.getColumns().add(column("picker.col.size", Warehouse::size, 80));
        table.getColumns().add(column("picker.col.serverless", w -> Messages.UI.text(w.serverless()
                ? "picker.yes" : "picker.no"), 80));
        table.getColumns().add(column("picker.col.httpPath", Warehouse::httpPath, 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(150);
        table.setMinHeight(110);
        use.getStyleClass().add("picker-use");
        use.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        getChildren().addAll(statusRow, table, use);
    }

    /**
     * @param chosen gets the warehouse the user picked
     */
    public void bind(ObservableList<Warehouse> items, ObservableBooleanValue loading, ObservableBooleanValue failed,
                     ObservableStringValue status, Consumer<Warehouse> chosen, Runnable onCancel, Runnable onReload,
                     Runnable onClose) {
        table.setItems(items);
        bindState(loading, failed, status);
        use.setOnAction(e -> chosen.accept(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(view -> {
            TableRow<Warehouse> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    chosen.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                chosen.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        items.addListener((javafx.collections.ListChangeListener<Warehouse>) change -> {
            if (items.size() == 1) {
                table.getSelectionModel().select(0);
            }
        });
        cancel.setOnAction(e -> onCancel.run());
        reload.setOnAction(e -> onReload.run());
        close.setOnAction(e -> onClose.run());
    }

    public TableView<Warehouse> table() {
        return table;
    }

    private static TableColumn<Warehouse, String> column(String key, Function<Warehouse, String> value, double width) {
        TableColumn<Warehouse, String> column = new TableColumn<>(Messages.UI.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
