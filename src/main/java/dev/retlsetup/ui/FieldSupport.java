package dev.retlsetup.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Wires a labelled field: mnemonic target, accessible name and the required marker. */
public final class FieldSupport {
    private FieldSupport() {
    }

    /** Links the label's mnemonic to the field and names the field for screen readers. */
    public static void label(Label label, Control field, String accessibleText) {
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setAccessibleText(accessibleText);
    }

    /** Marks a field required: ControlsFX shows the corner marker, and an error once it is emptied. */
    public static void required(ValidationSupport validation, Control field, Label label) {
        String name = plainName(label.getText());
        validation.registerValidator(field, true, Validator.createEmptyValidator(Messages.format("required.message", name)));
    }

    /** "_Workspace hostname *" becomes "Workspace hostname". */
    static String plainName(String labelText) {
        return labelText.replace("_", "").replace("*", "").replace(":", "").trim();
    }
}
