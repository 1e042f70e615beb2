package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Fills the summary grid with live values; the secret is never shown here. */
public final class AddStepController {
    private final AddStepViewModel viewModel;

    @FXML private GridPane summary;

    public AddStepController(AddStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (AddStepViewModel.SummaryRow line : viewModel.summary()) {
            Label name = new Label(Messages.get(line.labelKey()));
            name.getStyleClass().add("summary-name");
            Label value = new Label();
            value.getStyleClass().add("summary-value");
            value.setWrapText(true);
            value.textProperty().bind(Bindings.createStringBinding(() -> display(line), line.value()));
            summary.addRow(row++, name, value);
        }
    }

    private static String display(AddStepViewModel.SummaryRow line) {
        String text = line.value().get() == null ? "" : line.value().get().trim();
        if (line.secret()) {
            return text.isEmpty() ? Messages.get("add.value.empty") : Messages.get("add.value.secretHidden");
        }
        if (text.isEmpty()) {
            return Messages.get("add.field.catalog".equals(line.labelKey()) ? "add.value.defaultCatalog" : "add.value.empty");
        }
        return text;
    }
}
