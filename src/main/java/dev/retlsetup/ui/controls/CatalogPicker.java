package dev.retlsetup.ui.controls;

import dev.retlsetup.i18n.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Catalogs on the left (choosing one fills the catalog and lists its schemas), that catalog's schemas
 * on the right, several at once; "Use these schemas" hands the selection over.
 */
public final class CatalogPicker extends PickerFrame {
    private final ListView<String> catalogList = new ListView<>();
    private final ListView<String> schemaList = new ListView<>();
    private final Label schemasHeading = new Label();
    private final Label schemaStatus = new Label();
    private final Button use = new Button(Messages.UI.text("picker.schemas.use"));

    public CatalogPicker() {
        super("catalog-picker");
        catalogList.getStyleClass().add("catalog-list");
        schemaList.getStyleClass().add("schema-list");
        catalogList.setAccessibleText(Messages.UI.text("picker.catalogs.accessible"));
        schemaList.setAccessibleText(Messages.UI.text("picker.schemas.accessible"));
        catalogList.setPlaceholder(new Label(Messages.UI.text("picker.catalogs.none")));
        schemaList.setPlaceholder(new Label(Messages.UI.text("picker.schemas.none")));
        schemaList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        for (ListView<String> list : List.of(catalogList, schemaList)) {
            list.setPrefHeight(140);
            list.setMinHeight(100);
        }
        Label catalogsHeading = new Label(Messages.UI.text("picker.catalogs.heading"));
        catalogsHeading.getStyleClass().add("field-label");
        schemasHeading.getStyleClass().add("field-label");
        schemaStatus.getStyleClass().add("picker-status");
        schemaStatus.setWrapText(true);
        schemaStatus.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label multi = new Label(Messages.UI.text("picker.schemas.multi"));
        multi.getStyleClass().add("help");
        multi.setWrapText(true);
        multi.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(4, catalogsHeading, catalogList);
        VBox right = new VBox(4, schemasHeading, schemaList, multi, schemaStatus);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(200);
        right.setPrefWidth(300);
        use.getStyleClass().add("picker-use");
        use.disableProperty().bind(Bindings.isEmpty(schemaList.getSelectionModel().getSelectedItems()));
        getChildren().addAll(statusRow, new HBox(12, left, right), use);
    }

    /** The catalog list's state drives the frame; the schema list shows its own status under it. */
    public void bind(ObservableList<String> catalogs, ObservableBooleanValue loading, ObservableBooleanValue failed,
                     ObservableStringValue status, ObservableList<String> schemas, ObservableStringValue schemaText,
                     ObservableStringValue schemasOf, Consumer<String> catalogChosen,
                     Consumer<List<String>> schemasChosen, Runnable onCancel, Runnable onReload, Runnable onClose) {
        catalogList.setItems(catalogs);
        schemaList.setItems(schemas);
        bindState(loading, failed, status);
        schemaStatus.textProperty().bind(schemaText);
        schemasHeading.textProperty().bind(Bindings.createStringBinding(() -> schemasOf.get() == null
                || schemasOf.get().isBlank() ? Messages.UI.text("picker.schemas.heading.none")
                : Messages.UI.text("picker.schemas.heading", schemasOf.get()), schemasOf));
        catalogList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(schemasOf.get())) {
                catalogChosen.accept(now);
            }
        });
        use.setOnAction(e -> schemasChosen.accept(List.copyOf(schemaList.getSelectionModel().getSelectedItems())));
        cancel.setOnAction(e -> onCancel.run());
        reload.setOnAction(e -> onReload.run());
        close.setOnAction(e -> onClose.run());
    }

    /** Marks {@code catalog} in the list without choosing it again (the field names it already). */
    public void mark(String catalog) {
        if (catalog != null && catalogList.getItems().contains(catalog)) {
            catalogList.getSelectionModel().select(catalog);
        }
    }

    public ListView<String> catalogList() {
        return catalogList;
    }

    public ListView<String> schemaList() {
        return schemaList;
    }
}
