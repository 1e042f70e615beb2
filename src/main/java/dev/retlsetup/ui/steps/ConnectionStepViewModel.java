package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.SourceForm;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

/** Connection details step: the warehouse's HTTP path and port. */
public final class ConnectionStepViewModel extends FormStepViewModel {
    private final BooleanBinding complete;

    public ConnectionStepViewModel(SourceForm form) {
        super(form);
        this.complete = form.validBinding(Field.HTTP_PATH, Field.PORT);
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
