package dev.retlsetup.ui.controls;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;

/**
 * Lets a field hand a pasted URL to the form before it lands: the form fills hostname, port and
 * HTTP path, and the field shows its own part. Only multi-character insertions count, so typing an
 * address character by character is never rewritten under the user's fingers.
 */
public final class SmartPaste {
    private SmartPaste() {
    }

    public static void install(TextField field, Function<String, Optional<String>> paste) {
        field.setTextFormatter(new TextFormatter<String>(change -> {
            if (change.isContentChange() && change.getText().length() > 1) {
                String pasted = change.getText();
                // What the field would hold: pasting into an empty or fully selected field is the usual case.
                String whole = change.getControlNewText();
                Optional<String> replacement = paste.apply(pasted.strip().length() == whole.strip().length() ? whole : pasted);
                if (replacement.isPresent()) {
                    change.setRange(0, change.getControlText().length());
                    change.setText(replacement.get());
                    change.selectRange(replacement.get().length(), replacement.get().length());
                }
            }
            return change;
        }));
    }
}
