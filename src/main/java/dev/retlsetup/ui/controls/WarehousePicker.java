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
    private static final double ROW_HEIGHT = 26;
    private static final double HEADER_HEIGHT = 30;
    private final TableView<Warehouse> table = new TableView<>();
    private final Button use = new Button(Messages.UI.text("picker.warehouses.use"));

    public WarehousePicker() {
        super("warehouse-picker");
        table.getStyleClass().add("warehouse-table");
        table.setAccessibleText(Messages.UI.text("picker.warehouses.accessible"));
        table.setPlaceholder(new javafx.scene.control.Label(Messages.UI.text("picker.warehouses.none")));
        table.getColumns().add(column("picker.col.name", Warehouse::name, 200));
        table.getColumns().add(fixed(column("picker.col.state", Warehouse::state, 72)));
        table.getColumns().add(fixed(column("picker.col.size", Warehouse::size, 68)));
        table.getColumns().add(fixed(column("picker.col.serverless", w -> Messages.UI.text(w.serverless()
                ? "picker.yes" : "picker.no"), 80)));
        table.getColumns().add(column("picker.col.httpPath", Warehouse::httpPath, 272));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(ROW_HEIGHT);
        table.minHeightProperty().bind(table.prefHeightProperty());
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
        // As tall as its rows (two to six), so one warehouse does not sit above a column of empty rows.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> HEADER_HEIGHT
                + ROW_HEIGHT * Math.max(2, Math.min(6, items.size())), items));
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

    /** The short columns keep their width; a narrow window shortens the name and the path (tooltips show them). */
    private static TableColumn<Warehouse, String> fixed(TableColumn<Warehouse, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    private static TableColumn<Warehouse, String> column(String key, Function<Warehouse, String> value, double width) {
        TableColumn<Warehouse, String> column = new TableColumn<>(Messages.UI.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        // On a narrow window a cell may be cut: its tooltip shows all of it.
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }
}
