package dev.retlsetup.ui.steps;

import dev.retlsetup.diagnose.SetupScript;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import java.util.List;
import javafx.beans.binding.ObjectBinding;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;

/** SQL warehouse step: what the service principal may use and read, with the grants to run. */
public final class WarehouseStepViewModel implements StepViewModel {
    private final SourceForm form;
    private final BooleanBinding complete;
    private final StringBinding grantScript;

    public WarehouseStepViewModel(SourceForm form) {
        this.form = form;
        this.complete = form.validBinding(Field.CATALOG, Field.SCHEMAS);
        this.grantScript = Bindings.createStringBinding(() -> {
            // Lenient: the script is useful (with placeholders) before every name is known.
            SourceSettings settings = SourceValidator.validate(form.toInput(), false).settings();
            return SetupScript.text(settings.clientId(), settings.catalog(), settings.schemas());
        }, form.clientIdProperty(), form.catalogProperty(), form.schemasProperty());
    }

    public StringProperty catalogProperty() {
        return form.catalogProperty();
    }

    public StringProperty schemasProperty() {
        return form.schemasProperty();
    }

    /** The SQL an admin runs, with the names the user typed filled in. */
    public StringBinding grantScriptProperty() {
        return grantScript;
    }

    public ObjectBinding<List<Finding>> findings(Field field) {
        return form.findings(field);
    }

    public StringProperty fillNoticeProperty() {
        return form.fillNoticeProperty();
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
