package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

/** Connection details step: the warehouse's HTTP path and port. */
public final class ConnectionStepViewModel implements StepViewModel {
    private final SourceForm form;
    private final BooleanBinding complete;

    public ConnectionStepViewModel(SourceForm form) {
        this.form = form;
        this.complete = Bindings.createBooleanBinding(
                () -> Text.present(form.httpPathProperty()) && Text.present(form.portProperty()),
                form.httpPathProperty(), form.portProperty());
    }

    public ReadOnlyStringProperty hostProperty() {
        return form.hostProperty();
    }

    public StringProperty httpPathProperty() {
        return form.httpPathProperty();
    }

    public StringProperty portProperty() {
        return form.portProperty();
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
