package dev.retlsetup.model;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The model checks' words from {@code model/messages.properties}. */
final class ModelText {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.retlsetup.model.messages");

    private ModelText() {
    }

    static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }
}
