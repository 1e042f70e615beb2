package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import java.util.List;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

/** Credentials step: the service principal's client ID and OAuth secret. */
public final class CredentialsStepViewModel implements StepViewModel {
    private final SourceForm form;
    private final BooleanProperty secretRevealed = new SimpleBooleanProperty(this, "secretRevealed", false);
    private final BooleanBinding complete;

    public CredentialsStepViewModel(SourceForm form) {
        this.form = form;
        this.complete = form.validBinding(Field.CLIENT_ID, Field.SECRET);
    }

    public StringProperty clientIdProperty() {
        return form.clientIdProperty();
    }

    public StringProperty secretProperty() {
        return form.secretProperty();
    }

    /** Whether the secret is shown in clear text; hidden by default. */
    public BooleanProperty secretRevealedProperty() {
        return secretRevealed;
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
