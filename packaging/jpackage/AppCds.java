import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes the AppCDS archive {@code app.jsa} into a jpackage application image, next to the app's jars
 * ({@code $APPDIR}), where the launcher's {@code -XX:SharedArchiveFile=$APPDIR/app.jsa} looks for it.
 *
 * <ol>
 *   <li>Runs the packaged launcher once with {@code -XX:DumpLoadedClassList}: the wizard opens, shows
 *       its first frame and exits by itself ({@code -Dretl.startup.exitAfterFirstFrame=true}).</li>
 *   <li>Runs the launcher again with {@code -Xshare:dump}: a static archive of those classes (JDK,
 *       JavaFX and app), made by the image's own JVM, so it matches the runtime that uses it.</li>
 *   <li>Checks the archive: a third launch with {@code -Xshare:on} fails if it cannot be mapped.</li>
 * </ol>
 * Options go in {@code _JAVA_OPTIONS}, which the JVM reads after the launcher's own options, so they
 * override the image's {@code -Xshare:auto}. On Linux with no {@code DISPLAY}, launches run under
 * {@code xvfb-run}.
 *
 * <p>Usage (from the repository root): {@code java packaging/jpackage/AppCds.java <image> <name> [classlist|dump|all]},
 * e.g. {@code target/jpackage/retl-setup retl-setup}. {@code classlist} does step 1 and leaves
 * {@code $APPDIR/app.classlist} in the image (installers ship it: JDK 17 ties an archive to the jars'
 * absolute paths and modification times, so the .deb's postinst makes the archive for /opt from it);
 * {@code dump} does steps 2 and 3. {@code -Dappcds.skip=true} does nothing.
 */
public final class AppCds {
    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("appcds.skip")) {
            System.out.println("[appcds] skipped (-Dappcds.skip=true); the image runs without an archive");
            return;
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        String name = args[1];
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path launcher;
        Path appDir;
        if (os.contains("win")) {
            launcher = image.resolve(name + ".exe");
            appDir = image.resolve("app");
        } else if (os.contains("mac")) {
            launcher = image.resolve("Contents/MacOS/" + name);
            appDir = image.resolve("Contents/app");
        } else {
            launcher = image.resolve("bin/" + name);
            appDir = image.resolve("lib/app");
        }
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher);
        }
        Path archive = appDir.resolve("app.jsa");
        Path classList = appDir.resolve("app.classlist");
        String mode = args.length > 2 ? args[2] : "all";
        long t0 = System.nanoTime();
        if (mode.equals("classlist") || mode.equals("all")) {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(classList);
            run(launcher, true, "-XX:DumpLoadedClassList=" + classList, "-Dretl.startup.exitAfterFirstFrame=true",
                    "-Dretl.startup.probe=true", "-Dretl.driver.preload=false");
            long classes;
            try (var lines = Files.lines(classList)) {
                classes = lines.filter(l -> !l.startsWith("#") && !l.startsWith("@")).count();
            }
            System.out.printf("[appcds] %s: %d classes loaded up to the first frame%n", classList, classes);
        }
        if (mode.equals("dump") || mode.equals("all")) {
            Files.deleteIfExists(archive);
            run(launcher, false, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=warning");
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the JVM wrote no archive at " + archive);
            }
            System.out.printf("[appcds] wrote %s (%.1f MB)%n", archive, Files.size(archive) / 1e6);
            run(launcher, true, "-Xshare:on", "-Xlog:cds=warning", "-Dretl.startup.exitAfterFirstFrame=true",
                    "-Dretl.startup.probe=true", "-Dretl.driver.preload=false");
            System.out.printf("[appcds] archive verified with -Xshare:on (%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void run(Path launcher, boolean needsDisplay, String... javaOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        String display = System.getenv("DISPLAY");
        if (needsDisplay && linux && (display == null || display.isBlank())) {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("_JAVA_OPTIONS", String.join(" ", javaOptions));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("NO_AT_BRIDGE", "1");
        System.out.println("[appcds] _JAVA_OPTIONS=\"" + String.join(" ", javaOptions) + "\" " + String.join(" ", command));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + ": " + command);
        }
    }
}
