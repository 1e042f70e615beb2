package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;

/** Add step: the summary of what will be entered in Segment, in Segment's field order. */
public final class AddStepViewModel implements StepViewModel {
    /** One summary line: a bundle key for the label and the live value (null when empty). */
    public record SummaryRow(String labelKey, ObservableStringValue value, boolean secret) {
    }

    private final List<SummaryRow> summary;
    // Saving a source is not available in this version; the finish button stays disabled.
    private final BooleanBinding complete = Bindings.createBooleanBinding(() -> false);

    public AddStepViewModel(SourceForm form) {
        this.summary = List.of(
                new SummaryRow("add.field.host", form.hostProperty(), false),
                new SummaryRow("add.field.port", form.portProperty(), false),
                new SummaryRow("add.field.httpPath", form.httpPathProperty(), false),
                new SummaryRow("add.field.clientId", form.clientIdProperty(), false),
                new SummaryRow("add.field.secret", form.secretProperty(), true),
                new SummaryRow("add.field.catalog", form.catalogProperty(), false),
                new SummaryRow("add.field.schemas", form.schemasProperty(), false));
    }

    public List<SummaryRow> summary() {
        return summary;
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
