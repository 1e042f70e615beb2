package dev.retlsetup.ui.steps;

import dev.retlsetup.diagnose.SetupScript;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.ui.SourceForm;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;

/** SQL warehouse step: what the service principal may use and read, with the grants to run. */
public final class WarehouseStepViewModel extends FormStepViewModel {
    private final BooleanBinding complete;
    private final StringBinding grantScript;
    private final StringBinding principalNote;

    private final CatalogPickerViewModel picker;

    public WarehouseStepViewModel(SourceForm form) {
        this(form, null);
    }

    /** @param picker the catalog and schema lists offered next to the fields; null for none */
    public WarehouseStepViewModel(SourceForm form, CatalogPickerViewModel picker) {
        super(form);
        this.picker = picker;
        this.complete = form.validBinding(Field.CATALOG, Field.SCHEMAS);
        this.grantScript = Bindings.createStringBinding(() -> {
            // The script is useful (with placeholders) before every name is known.
            SourceSettings settings = form.settings();
            return SetupScript.text(settings.clientId(), settings.catalog(), settings.schemas());
        }, form.validationProperty());
        // Before the Credentials step the script holds a placeholder: say what it stands for and where it comes from.
        this.principalNote = Bindings.createStringBinding(() -> {
            String clientId = form.settings().clientId();
            return clientId == null || clientId.isBlank() ? Messages.UI.text("warehouse.grants.principalLater")
                    : Messages.UI.text("warehouse.grants.principalKnown", clientId);
        }, form.validationProperty());
    }

    /** What the script's service principal is, and where its ID comes from. */
    public StringBinding principalNoteProperty() {
        return principalNote;
    }

    /** The SQL an admin runs, with the names the user typed filled in. */
    public StringBinding grantScriptProperty() {
        return grantScript;
    }

    /** The catalog and schema picker, or null when this page offers none. */
    public CatalogPickerViewModel picker() {
        return picker;
    }

    @Override
    public void shutdown() {
        if (picker != null) {
            picker.catalogs().cancel();
            picker.schemas().cancel();
        }
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
