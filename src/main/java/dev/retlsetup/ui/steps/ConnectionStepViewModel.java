package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.SourceForm;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

/** Connection details step: the warehouse's HTTP path and port. */
public final class ConnectionStepViewModel extends FormStepViewModel {
    private final BooleanBinding complete;
    private final WarehousePickerViewModel picker;

    /** Without a picker (no token can read the warehouse list). */
    public ConnectionStepViewModel(SourceForm form) {
        this(form, null);
    }

    /** @param picker the warehouse list offered next to the HTTP path; null for none */
    public ConnectionStepViewModel(SourceForm form, WarehousePickerViewModel picker) {
        super(form);
        this.complete = form.validBinding(Field.HTTP_PATH, Field.PORT);
        this.picker = picker;
    }

    /** The warehouse picker, or null when this page offers none. */
    public WarehousePickerViewModel picker() {
        return picker;
    }

    @Override
    public void shutdown() {
        if (picker != null) {
            picker.list().cancel();
        }
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
