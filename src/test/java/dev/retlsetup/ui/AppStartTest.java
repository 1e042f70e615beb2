package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real application, started as a user starts it (its main class, in its own JVM) on a headless
 * 1024×700 screen: the window opens inside the screen, no larger than it, and stderr stays empty.
 */
class AppStartTest {
    private static final Pattern WINDOW = Pattern.compile(
            "WINDOW (-?\\d+) (-?\\d+) (\\d+) (\\d+) SCREEN (-?\\d+) (-?\\d+) (\\d+) (\\d+) MIN (\\d+) (\\d+)");

    @Test
    void opensInsideA1024x700ScreenWithNothingOnStderr(@TempDir Path dir) throws Exception {
        // A first run: it opens on the demo workspace.
        Started started = start(dir, "1024x700", "-Dretl.startup.first=true");
        Matcher window = WINDOW.matcher(started.out);
        assertTrue(window.find(), started.out + started.err);
        int x = Integer.parseInt(window.group(1));
        int y = Integer.parseInt(window.group(2));
        int width = Integer.parseInt(window.group(3));
        int height = Integer.parseInt(window.group(4));
        assertEquals(1024, Integer.parseInt(window.group(7)), "the screen the JVM saw");
        assertTrue(x >= 0 && y >= 0 && x + width <= 1024 && y + height <= 700,
                "window " + x + "," + y + " " + width + "x" + height + " inside 1024x700");
        assertTrue(Integer.parseInt(window.group(9)) <= 800 && Integer.parseInt(window.group(10)) <= 560,
                "minimum size no larger than 800x560: " + started.out);
        assertEquals("", started.err, "stderr at start");
    }

    @Test
    void opensAtTheWholeScreenOn800x600(@TempDir Path dir) throws Exception {
        Started started = start(dir, "800x600", "-Dretl.demo=off");
        Matcher window = WINDOW.matcher(started.out);
        assertTrue(window.find(), started.out + started.err);
        assertEquals(800, Integer.parseInt(window.group(3)));
        assertEquals(600, Integer.parseInt(window.group(4)));
        assertEquals("", started.err, "stderr at start");
    }

    @Test
    void theDemoTrustStoreIsOwnerOnlyAndGoneWhenTheAppIsTerminated(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions only");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1280x860-32", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
                "-Dretl.config.dir=" + dir.resolve("config"), "-Duser.home=" + dir, "-Dretl.driver.preload=false",
                "dev.retlsetup.Main");
        builder.environment().put("HOME", dir.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try {
            Path trustStore = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); trustStore == null && System.nanoTime() < end; ) {
                try (var files = Files.list(tmp)) {
                    trustStore = files.filter(f -> f.getFileName().toString().startsWith("retl-setup-demo-truststore-"))
                            .findFirst().orElse(null);
                }
                if (trustStore == null) {
                    Thread.sleep(200); // waiting for the child process to get somewhere, not proving an absence
                }
            }
            assertTrue(trustStore != null, "a first run opens on the demo, which writes its trust store");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(trustStore)));
            process.destroy(); // SIGTERM: the way a desktop session or kill ends the app
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the app ends on SIGTERM");
            assertFalse(Files.exists(trustStore), "the trust store is deleted on the way out");
        } finally {
            process.destroyForcibly();
        }
    }

    private record Started(String out, String err) {
    }

    private static Started start(Path dir, String geometry, String option) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=" + geometry + "-32", "-Djava.awt.headless=true",
                "-Dretl.config.dir=" + dir.resolve("config"), "-Duser.home=" + dir, option,
                "-Dretl.startup.probe=true", "-Dretl.startup.exitAfterFirstFrame=true", "-Dretl.driver.preload=false",
                "dev.retlsetup.Main"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", dir.toString());
        builder.environment().remove("DATABRICKS_HOST");
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not start within 90 s");
        }
        return new Started(Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
