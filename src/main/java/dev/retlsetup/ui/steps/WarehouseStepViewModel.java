package dev.retlsetup.ui.steps;

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
        this.complete = Bindings.createBooleanBinding(() -> Text.present(form.schemasProperty()), form.schemasProperty());
        this.grantScript = Bindings.createStringBinding(
                () -> GrantTemplate.script(Text.trimmed(form.clientIdProperty()), Text.trimmed(form.catalogProperty()),
                        Text.trimmed(form.schemasProperty())),
                form.clientIdProperty(), form.catalogProperty(), form.schemasProperty());
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

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
