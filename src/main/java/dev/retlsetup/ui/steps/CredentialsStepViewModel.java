package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.ui.SourceForm;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Credentials step: the service principal's client ID and OAuth secret. */
public final class CredentialsStepViewModel extends FormStepViewModel {
    private final BooleanProperty secretRevealed = new SimpleBooleanProperty(this, "secretRevealed", false);
    private final StringProperty secretRequest = new SimpleStringProperty(this, "secretRequest", "");
    private final BooleanBinding complete;

    public CredentialsStepViewModel(SourceForm form) {
        super(form);
        this.complete = form.validBinding(Field.CLIENT_ID, Field.SECRET);
    }

    /** Whether the secret is shown in clear text; hidden by default. */
    public BooleanProperty secretRevealedProperty() {
        return secretRevealed;
    }

    /**
     * Why the secret must be pasted now (a re-test of a source whose secret is not kept), or empty; the page shows
     * it and puts the cursor in the secret field.
     */
    public StringProperty secretRequestProperty() {
        return secretRequest;
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
