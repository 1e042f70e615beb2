package dev.retlsetup.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's words, from {@code dev/retlsetup/report/messages.properties}: {@link MessageFormat} patterns
 * (apostrophes written as {@code ’}). Never throws: a missing key shows as the key itself.
 */
final class ReportMessages {
    static final String BUNDLE = "dev.retlsetup.report.messages";

    private final ResourceBundle bundle;

    private ReportMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static ReportMessages forLocale(Locale locale) {
        return new ReportMessages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    /** The formatted text for {@code key}, or the key itself when the bundle lacks it. */
    String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        try {
            return new MessageFormat(pattern, locale()).format(args == null ? new Object[0] : args);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /** The locale the texts are in; English for the base bundle. */
    Locale locale() {
        Locale l = bundle.getLocale();
        return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }
}
