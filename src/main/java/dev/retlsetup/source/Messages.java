package dev.retlsetup.source;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts of this package, from {@code dev/retlsetup/source/messages.properties}.
 * Texts are {@link MessageFormat} patterns: write an apostrophe as {@code ’} (or {@code ''}).
 */
public final class Messages {
    static final String BUNDLE = "dev.retlsetup.source.messages";
    private static volatile Messages defaults;

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    static Messages defaults() {
        Messages m = defaults;
        if (m == null) {
            m = forLocale(Locale.getDefault());
            defaults = m;
        }
        return m;
    }

    /** Shortcut for {@code defaults().text(key, args)}. */
    public static String get(String key, Object... args) {
        return defaults().text(key, args);
    }

    /** The formatted text for {@code key}; the key itself if the bundle lacks it (never throws). */
    public String text(String key, Object... args) {
        String text = optional(key, args);
        return text == null ? key : text;
    }

    /** The formatted text for {@code key}, or {@code null} when the bundle has no such key. */
    public String optional(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
        try {
            return new MessageFormat(pattern, bundle.getLocale()).format(args == null ? new Object[0] : args);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
