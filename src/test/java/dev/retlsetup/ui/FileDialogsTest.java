package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where file dialogs open, and that they remember the folder between runs; no native dialog is shown. */
class FileDialogsTest {
    @TempDir
    Path dir;

    private Path home() throws IOException {
        return Files.createDirectories(dir.resolve("home"));
    }

    /** The environment naming {@code home} as the user's home on any system. */
    private static Map<String, String> homeAt(Path home) {
        return Map.of("HOME", home.toString(), "USERPROFILE", home.toString());
    }

    private UiSettings settings() {
        return new UiSettings(dir.resolve("config").resolve(UiSettings.FILE_NAME));
    }

    @Test
    void startsInTheRememberedFolder() throws IOException {
        Path home = home();
        Files.createDirectories(home.resolve("Documents"));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        UiSettings settings = settings();
        settings.setLastFolder(reports);
        assertEquals(reports, FileDialogs.startFolder(settings, homeAt(home), home));
    }

    @Test
    void startsInDocumentsWhenNoFolderIsRemembered() throws IOException {
        Path home = home();
        Path documents = Files.createDirectories(home.resolve("Documents"));
        assertEquals(documents, FileDialogs.startFolder(settings(), homeAt(home), dir));
    }

    @Test
    void startsInTheHomeDirectoryWithoutDocuments() throws IOException {
        Path home = home();
        assertEquals(home, FileDialogs.startFolder(settings(), homeAt(home), dir));
    }

    @Test
    void readsHomeAsTheDatabricksCliDoesFallingBackToTheJvmHome() throws IOException {
        Path jvmHome = home();
        Path documents = Files.createDirectories(jvmHome.resolve("Documents"));
        assertEquals(documents, FileDialogs.startFolder(settings(), Map.of(), jvmHome));
    }

    @Test
    void aRememberedFolderThatWasDeletedIsForgotten() throws IOException {
        Path home = home();
        Path gone = Files.createDirectories(dir.resolve("gone"));
        UiSettings settings = settings();
        settings.setLastFolder(gone);
        Files.delete(gone);
        assertEquals(Optional.empty(), settings.lastFolder());
        assertEquals(home, FileDialogs.startFolder(settings, homeAt(home), home));
    }

    @Test
    void remembersTheFolderOfTheChosenFileForTheNextRun() throws IOException {
        Path home = home();
        Path exports = Files.createDirectories(dir.resolve("exports"));
        FileDialogs.remember(settings(), exports.resolve("report.html").toFile());
        UiSettings nextRun = settings();
        assertEquals(Optional.of(exports), nextRun.lastFolder());
        assertEquals(exports, FileDialogs.startFolder(nextRun, homeAt(home), home));
        assertTrue(Files.readString(dir.resolve("config").resolve(UiSettings.FILE_NAME)).contains("exports"));
    }

    @Test
    void aCancelledDialogKeepsTheFolderRememberedBefore() throws IOException {
        Path before = Files.createDirectories(dir.resolve("before"));
        UiSettings settings = settings();
        settings.setLastFolder(before);
        FileDialogs.remember(settings, null);
        assertEquals(Optional.of(before), settings().lastFolder());
    }

    @Test
    void anUnreadableSettingsFileMeansDefaults() throws IOException {
        Path file = Files.createDirectories(dir.resolve("config")).resolve(UiSettings.FILE_NAME);
        Files.write(file, new byte[] {'l', 'a', 's', 't', 'F', 'o', 'l', 'd', 'e', 'r', '=', '\\', 'u', '1'});
        Path home = home();
        assertEquals(home, FileDialogs.startFolder(new UiSettings(file), homeAt(home), home));
    }
}
