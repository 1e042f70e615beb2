package dev.retlsetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Opening the wizard where no window can open: one clear sentence and exit 1, in a real child JVM. */
class MainWithoutDisplayTest {
    record Run(int code, String out, String err) {
    }

    private static Run launch(Map<String, String> display) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        File out = File.createTempFile("main-out", ".txt");
        File err = File.createTempFile("main-err", ".txt");
        out.deleteOnExit();
        err.deleteOnExit();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit");
        }
        return new Run(process.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWizardSaysSoInOneSentenceAndExitsOne() throws Exception {
        Run run = launch(Map.of());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("no display was found"), run.err());
        assertTrue(run.err().contains("The command line works without a display"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals("", run.out());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDisplayThatCannotBeOpenedIsOneSentenceNotAStackTrace() throws Exception {
        Run run = launch(Map.of("DISPLAY", ":987"));
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("could not open its window"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void displayRulesPerPlatform() {
        assertFalse(Display.available(Map.of(), "Linux", null));
        assertTrue(Display.available(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertTrue(Display.available(Map.of(), "Linux", "Monocle"));
        assertTrue(Display.available(Map.of(), "Mac OS X", null));
        assertTrue(Display.available(Map.of(), "Windows 11", null));
    }
}
