package dev.retlsetup.check;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The tester's words (titles, summaries, explanations) from {@code check/messages.properties}. */
final class CheckText {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.retlsetup.check.messages");

    private CheckText() {
    }

    static String get(String key, Object... args) {
        // Always formatted, so quoting ('') means the same in every message.
        return MessageFormat.format(BUNDLE.getString(key), args);
    }
}
