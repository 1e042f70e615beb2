package dev.retlsetup.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The window's own preferences, kept between runs in {@code ui.properties} beside the saved sources: the
 * language chosen in the window and the last folder a file dialog was in. Unreadable or missing means defaults.
 */
public final class UiSettings {
    static final String FILE_NAME = "ui.properties";
    private static final String LANGUAGE = "language";
    private static final String LAST_FOLDER = "lastFolder";
    private static UiSettings current = new UiSettings(null);

    private final Path file;
    private final Properties values = new Properties();

    UiSettings(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // Preferences only: start from the defaults.
            }
        }
    }

    /** The settings of this run (in memory only until {@link #use} names a file). */
    public static synchronized UiSettings current() {
        return current;
    }

    /** Reads (and from now on writes) the settings in {@code configDir}. */
    public static synchronized UiSettings use(Path configDir) {
        current = new UiSettings(configDir.resolve(FILE_NAME));
        return current;
    }

    /** The language chosen in the window; empty means the operating system's. */
    public synchronized Optional<Locale> language() {
        String tag = values.getProperty(LANGUAGE, "").trim();
        return tag.isEmpty() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public synchronized void setLanguage(Locale language) {
        if (language == null) {
            values.remove(LANGUAGE);
        } else {
            values.setProperty(LANGUAGE, language.toLanguageTag());
        }
        save();
    }

    /** The folder a file dialog was last in, while it still exists. */
    public synchronized Optional<Path> lastFolder() {
        String folder = values.getProperty(LAST_FOLDER, "");
        try {
            Path path = folder.isBlank() ? null : Path.of(folder);
            return path != null && Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    public synchronized void setLastFolder(Path folder) {
        if (folder != null) {
            values.setProperty(LAST_FOLDER, folder.toAbsolutePath().toString());
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "retl-setup window preferences");
            }
        } catch (IOException e) {
            // Not kept for the next run; this run goes on with the value in memory.
        }
    }
}
