package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;

/** Workspace step: which workspace to connect to. */
public final class WorkspaceStepViewModel implements StepViewModel {
    private final SourceForm form;
    private final BooleanBinding complete;

    public WorkspaceStepViewModel(SourceForm form) {
        this.form = form;
        this.complete = Bindings.createBooleanBinding(() -> Text.present(form.hostProperty()), form.hostProperty());
    }

    public StringProperty hostProperty() {
        return form.hostProperty();
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
