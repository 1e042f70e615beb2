package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.StringProperty;

/** What every page with connection fields shares: live findings, the fill notice, smart paste. */
abstract class FormStepViewModel implements StepViewModel {
    protected final SourceForm form;

    FormStepViewModel(SourceForm form) {
        this.form = form;
    }

    /** One connection field as typed, for the page's text field to bind to. */
    public StringProperty field(Field field) {
        return form.field(field);
    }

    public ObjectBinding<List<Finding>> findings(Field field) {
        return form.findings(field);
    }

    /** What the wizard filled in by itself, said to the user. */
    public StringProperty fillNoticeProperty() {
        return form.fillNoticeProperty();
    }

    /** A pasted JDBC URL or browser address fills the connection fields; see {@link SourceForm#paste}. */
    public Optional<String> paste(Field into, String text) {
        return form.paste(into, text);
    }
}
