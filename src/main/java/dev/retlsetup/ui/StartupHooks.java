package dev.retlsetup.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * What happens once the wizard window is on screen: the optional startup probe, and loading the
 * 43 MB JDBC driver in the background so the first connection test does not pay for it.
 *
 * <ul>
 *   <li>{@code -Dretl.startup.probe} prints {@code FIRST_FRAME <ms since process start>} when the
 *       window's first frame is rendered, and {@code READY_FRAME <ms>} when the wizard's is.</li>
 *   <li>{@code -Dretl.startup.exitAfterFirstFrame=true} exits once the wizard is on screen (used by
 *       the packaging build to record the AppCDS class list, by the smoke test and the benchmark).</li>
 *   <li>{@code -Dretl.driver.preload=false} skips the background driver load.</li>
 * </ul>
 */
final class StartupHooks {
    static final String PROBE = "retl.startup.probe";
    static final String EXIT_AFTER_FIRST_FRAME = "retl.startup.exitAfterFirstFrame";
    static final String PRELOAD = "retl.driver.preload";
    static final String DRIVER = "com.databricks.client.jdbc.Driver";

    private StartupHooks() {
    }

    /** Runs {@code then} once the scene's first frame has been laid out and handed to the renderer. */
    static void onFirstFrame(Stage stage, Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = {0};
        listener[0] = () -> {
            // The second pulse after show: the first one has been rendered.
            if (!stage.isShowing() || ++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** The window is on screen (still showing "Starting…"). */
    static void windowShown() {
        if (System.getProperty(PROBE) != null) {
            System.out.println("FIRST_FRAME " + millisSinceProcessStart());
            System.out.flush();
        }
    }

    /** The wizard itself is on screen and usable; then the driver loads in the background. */
    static void wizardShown(Background background) {
        if (System.getProperty(PROBE) != null) {
            System.out.println("READY_FRAME " + millisSinceProcessStart());
            System.out.flush();
        }
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) {
            Platform.exit();
            System.exit(0);
        }
        if (!"false".equalsIgnoreCase(System.getProperty(PRELOAD))) {
            background.execute(StartupHooks::loadDriver);
        }
    }

    /**
     * On Linux, from {@code /proc} (start time and uptime share the boot clock, 10 ms resolution);
     * {@code ProcessHandle.startInstant()} mixes that clock with wall time and was seen off by
     * seconds in containers. Elsewhere, {@code ProcessHandle}.
     */
    static long millisSinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22 of proc(5): starttime, in clock ticks
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptime * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Duration.between(start, Instant.now()).toMillis())
                    .orElse(-1L);
        }
    }

    private static void loadDriver() {
        try {
            Class.forName(DRIVER, true, StartupHooks.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Not fatal: the connection test loads it again and reports a missing driver itself.
        }
    }
}
