package dev.retlsetup.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Access to the wizard's resource bundle: every visible string comes from here or from FXML {@code %keys}. */
public final class Messages {
    public static final String BUNDLE = "dev.retlsetup.ui.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public static String get(String key) {
        return bundle().getString(key);
    }

    public static String format(String key, Object... args) {
        return MessageFormat.format(get(key), args);
    }
}
