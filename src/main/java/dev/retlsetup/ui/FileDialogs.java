package dev.retlsetup.ui;

import dev.retlsetup.source.DatabricksConfigFile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/**
 * File dialogs that open where a person keeps files: the folder used last (kept between runs), else
 * Documents in the home directory, else the home directory; never the directory the app was started from.
 * After the dialog, focus goes back to the control that opened it.
 */
public final class FileDialogs {
    private FileDialogs() {
    }

    /** Where a dialog starts: the last folder, else ~/Documents, else ~ ({@code ~} as the Databricks CLI reads it). */
    public static Path startFolder(UiSettings settings, java.util.Map<String, String> env, Path jvmHome) {
        return settings.lastFolder().orElseGet(() -> {
            Path home = DatabricksConfigFile.userHome(env, jvmHome);
            Path documents = home.resolve("Documents");
            return Files.isDirectory(documents) ? documents : home;
        });
    }

    /** A chooser starting in {@link #startFolder} for this user. */
    public static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path start = startFolder(UiSettings.current(), System.getenv(), Path.of(System.getProperty("user.home", ".")));
        if (Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }

    /** Shows a save dialog from {@code owner}; remembers the folder; gives focus back to {@code owner}. */
    public static File save(FileChooser chooser, Node owner) {
        return remember(chooser.showSaveDialog(owner.getScene().getWindow()), owner);
    }

    /** Shows an open dialog from {@code owner}; remembers the folder; gives focus back to {@code owner}. */
    public static File open(FileChooser chooser, Node owner) {
        return remember(chooser.showOpenDialog(owner.getScene().getWindow()), owner);
    }

    private static File remember(File file, Node owner) {
        remember(UiSettings.current(), file);
        // Without this the window's focus lands on whatever it restores first (the Cancel button).
        owner.requestFocus();
        return file;
    }

    /** Keeps the folder of the chosen file (nothing when the dialog was cancelled) for the next dialog. */
    static void remember(UiSettings settings, File chosen) {
        if (chosen != null && chosen.getParentFile() != null) {
            settings.setLastFolder(chosen.getParentFile().toPath());
        }
    }
}
