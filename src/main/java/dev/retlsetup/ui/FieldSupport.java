package dev.retlsetup.ui;

import dev.retlsetup.source.Finding;
import dev.retlsetup.source.Severity;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Wires a labelled field: mnemonic target, accessible name, and the offline rules as decorations. */
public final class FieldSupport {
    private FieldSupport() {
    }

    /** Links the label's mnemonic to the field and names the field for screen readers. */
    public static void label(Label label, Control field, String accessibleText) {
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        field.setAccessibleText(accessibleText);
    }

    /**
     * Writes the field's first finding under it in plain words, once something was typed (an empty
     * required field is shown by its marker instead).
     */
    public static void message(Label message, ObservableValue<List<Finding>> findings, ObservableStringValue text) {
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        Runnable update = () -> {
            List<Finding> list = findings.getValue();
            boolean show = !list.isEmpty() && text.get() != null && !text.get().isBlank();
            message.setVisible(show);
            message.setManaged(show);
            message.getStyleClass().removeAll("field-error", "field-warning");
            if (show) {
                Finding first = list.stream().filter(Finding::isError).findFirst().orElse(list.get(0));
                message.getStyleClass().add(first.isError() ? "field-error" : "field-warning");
                message.setText(first.suggestedFix() == null ? first.message()
                        : first.message() + " " + first.suggestedFix());
            }
        };
        findings.addListener((obs, old, now) -> update.run());
        text.addListener((obs, old, now) -> update.run());
        update.run();
    }

    /**
     * Shows one field's findings twice from the same source: as the decoration on its controls and as the first
     * finding written under it.
     */
    public static void show(ValidationSupport validation, ObservableValue<List<Finding>> findings,
            ObservableStringValue typed, Label message, boolean required, Control... controls) {
        decorate(validation, findings, required, controls);
        message(message, findings, typed);
    }

    /** What the decoration on {@code control} shows now: its most severe message, if any. */
    public static java.util.Optional<ValidationMessage> shownOn(Control control) {
        Object support = control.getProperties().get(ValidationSupport.class);
        return support instanceof ValidationSupport validation ? validation.getHighestMessage(control)
                : java.util.Optional.empty();
    }

    /**
     * Shows a field's findings on its controls (ControlsFX decoration with the message as its tooltip). The
     * decoration reads the same findings as the message under the field (the form's one verdict), and follows
     * them whenever they change, whichever field changed them: a port typed on another page can put an error on
     * the host. It is shown only once the findings changed (something was typed or filled in) or the user left
     * the field: an empty form does not open covered in red markers. {@code required} is kept for the callers;
     * an empty required field is one of its findings, so it needs no marker of its own.
     */
    public static void decorate(ValidationSupport validation, ObservableValue<List<Finding>> findings,
            boolean required, Control... controls) {
        javafx.beans.property.BooleanProperty revealed = new javafx.beans.property.SimpleBooleanProperty(false);
        for (Control control : controls) {
            validation.registerValidator(control, false, (Control c, Object value) -> {
                ValidationResult result = new ValidationResult();
                if (!revealed.get()) {
                    return result;
                }
                for (Finding finding : findings.getValue()) {
                    String text = finding.suggestedFix() == null ? finding.message()
                            : finding.message() + "\n" + finding.suggestedFix();
                    result.add(finding.severity() == Severity.ERROR ? ValidationMessage.error(c, text)
                            : ValidationMessage.warning(c, text));
                }
                return result;
            });
            control.focusedProperty().addListener((obs, was, now) -> {
                if (was && !now) {
                    revealed.set(true);
                }
            });
            // Lets a test (or an accessibility helper) ask what the decoration shows.
            control.getProperties().put(ValidationSupport.class, validation);
        }
        findings.addListener((obs, old, now) -> revealed.set(true));
        revealed.addListener((obs, old, now) -> revalidate(validation, controls));
        findings.addListener((obs, old, now) -> revalidate(validation, controls));
    }

    private static void revalidate(ValidationSupport validation, Control... controls) {
        for (Control control : controls) {
            validation.revalidate(control);
        }
    }
}
