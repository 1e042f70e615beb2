package dev.retlsetup.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing text of the app, one bundle per package ({@code dev/retlsetup/<package>/messages.properties}),
 * read through one contract: {@link #text} never throws (a missing key shows as itself), and every text is a
 * {@link MessageFormat} pattern formatted for the current locale, with or without arguments, so a text means the
 * same wherever it is shown. Bundles write apostrophes as ’ (a plain ' is MessageFormat's quote character) and
 * placeholders as {0}, {1}…; FXML reads the same bundles through {@code %key}.
 */
public final class Messages {
    public static final Messages UI = new Messages("dev.retlsetup.ui.messages");
    public static final Messages SOURCE = new Messages("dev.retlsetup.source.messages");
    public static final Messages CHECK = new Messages("dev.retlsetup.check.messages");
    public static final Messages DIAGNOSE = new Messages("dev.retlsetup.diagnose.messages");
    public static final Messages STORE = new Messages("dev.retlsetup.store.messages");
    public static final Messages REPORT = new Messages("dev.retlsetup.report.messages");
    public static final Messages MODEL = new Messages("dev.retlsetup.model.messages");
    public static final Messages ADMIN = new Messages("dev.retlsetup.admin.messages");

    private final String baseName;
    private final Locale locale;

    private Messages(String baseName) {
        this(baseName, null);
    }

    private Messages(String baseName, Locale locale) {
        this.baseName = baseName;
        this.locale = locale;
    }

    /** The same texts in a fixed locale (tests, and a language chosen in the window). */
    public Messages in(Locale value) {
        return new Messages(baseName, value);
    }

    /** The bundle for the current locale (FXML's {@code %key} resources). */
    public ResourceBundle bundle() {
        return ResourceBundle.getBundle(baseName, locale == null ? Locale.getDefault() : locale);
    }

    /** The language the texts are in (English for the base bundle), for dates and numbers beside them. */
    public Locale locale() {
        try {
            Locale l = bundle().getLocale();
            return l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
        } catch (MissingResourceException e) {
            return Locale.ENGLISH;
        }
    }

    public String baseName() {
        return baseName;
    }

    /** The formatted text for {@code key}; the key itself if the bundle lacks it. Never throws. */
    public String text(String key, Object... args) {
        String text = optional(key, args);
        return text == null ? key : text;
    }

    /** The formatted text for {@code key}, or {@code null} when the bundle has no such key. Never throws. */
    public String optional(String key, Object... args) {
        ResourceBundle bundle;
        String pattern;
        try {
            bundle = bundle();
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
        try {
            // The base bundle's locale is ROOT, whose dates read "2026 Dec 12": format in the texts' language.
            Locale language = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty()
                    ? Locale.ENGLISH : bundle.getLocale();
            return new MessageFormat(pattern, language).format(args == null ? new Object[0] : args);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        try {
            return bundle().containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
