package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import java.util.List;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

/** Connection details step: the warehouse's HTTP path and port. */
public final class ConnectionStepViewModel implements StepViewModel {
    private final SourceForm form;
    private final BooleanBinding complete;

    public ConnectionStepViewModel(SourceForm form) {
        this.form = form;
        this.complete = form.validBinding(Field.HTTP_PATH, Field.PORT);
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

    public ObjectBinding<List<Finding>> findings(Field field) {
        return form.findings(field);
    }

    /** A pasted JDBC URL or browser address fills the connection fields; see {@link SourceForm#paste}. */
    public java.util.Optional<String> paste(Field into, String text) {
        return form.paste(into, text);
    }

    public StringProperty fillNoticeProperty() {
        return form.fillNoticeProperty();
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
