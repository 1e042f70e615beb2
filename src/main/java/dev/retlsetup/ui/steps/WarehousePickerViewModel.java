package dev.retlsetup.ui.steps;

import dev.retlsetup.admin.WorkspaceApi;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The warehouse picker on Connection details: the warehouses the token may see (name, state, size,
 * serverless, HTTP path); choosing one fills the HTTP path field, which validates as if typed.
 */
public final class WarehousePickerViewModel {
    private final SourceForm form;
    private final ListAccess access;
    private final PickerList<WorkspaceApi.Warehouse> list;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);

    public WarehousePickerViewModel(SourceForm form, ListAccess access, Background background) {
        this.form = form;
        this.access = access;
        this.list = new PickerList<>(background);
        // Another workspace's warehouses do not belong here.
        form.field(Field.HOST).addListener((obs, old, now) -> close());
        form.field(Field.PORT).addListener((obs, old, now) -> close());
    }

    /** True when a token can read the list, so the page offers the picker. */
    public BooleanBinding availableProperty() {
        return access.availableProperty();
    }

    /** True while the picker is shown. */
    public BooleanProperty openProperty() {
        return open;
    }

    public PickerList<WorkspaceApi.Warehouse> list() {
        return list;
    }

    /** Shows the picker and reads the list (again). */
    public void load() {
        open.set(true);
        list.load(access.open(), access.who(), lists -> lists.warehouses(), "picker.warehouses.loading",
                "picker.warehouses.done", "picker.warehouses.empty");
    }

    /** Fills the HTTP path with the warehouse's and closes the picker. */
    public void choose(WorkspaceApi.Warehouse warehouse) {
        if (warehouse == null) {
            return;
        }
        form.field(Field.HTTP_PATH).set(warehouse.httpPath());
        form.fillNoticeProperty().set(Messages.UI.text("picker.warehouses.chosen", warehouse.name(),
                warehouse.httpPath()));
        close();
    }

    public void close() {
        list.clear();
        open.set(false);
    }
}
