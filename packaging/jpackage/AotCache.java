import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the JDK 25 AOT cache ({@code app.aot}, JEP 483/514/515: classes loaded and linked ahead of time,
 * plus method profiles) in a jpackage application image, next to the app's jars ({@code $APPDIR}),
 * where the launcher's {@code -XX:AOTCache=$APPDIR/app.aot} looks for it.
 *
 * <ol>
 *   <li>{@code train}: runs the packaged launcher once with {@code -XX:AOTMode=record}: a command-line
 *       {@code test} against the demo workspace in the same process ({@code -Dretl.aot.training=true}),
 *       then the wizard opens and the app exits on its first frame. What it loaded and profiled is
 *       written to {@code $APPDIR/app.aotconf} (installers ship this file).</li>
 *   <li>{@code create}: {@code -XX:AOTMode=create} turns that configuration into {@code app.aot}, with the
 *       image's own JVM (it does not run the app and needs no display). The .deb's postinst does the
 *       same step with the installed runtime, as the cache is tied to where the jars are.</li>
 *   <li>{@code check}: a launch with {@code -XX:AOTMode=on} (fails if the cache cannot be mapped) that
 *       must print nothing on standard error.</li>
 * </ol>
 * Options go in {@code _JAVA_OPTIONS}, which the JVM reads after the launcher's own options, so they
 * override them. On Linux with no {@code DISPLAY}, launches that open the window run under {@code xvfb-run}.
 *
 * <p>Usage (from the repository root): {@code java packaging/jpackage/AotCache.java <image> <name> STEPS}, STEPS being
 * {@code all} or some of {@code train,create,check},
 * e.g. {@code target/jpackage/retl-setup retl-setup all}. {@code -Daot.skip=true} does nothing.
 */
public final class AotCache {
    static final String CACHE = "app.aot";
    static final String CONFIGURATION = "app.aotconf";
    static final String PICKED_UP = "Picked up _JAVA_OPTIONS:";
    /**
     * The modification time every jar in {@code $APPDIR} gets before the training run. The JVM accepts a
     * cache or a configuration only for jars with the times it recorded (other paths are fine: it matches
     * them by their common prefix), and installers copy the files with new times; the .deb's postinst sets
     * this same time again before it creates the cache. 2026-01-01T00:00:00Z.
     */
    static final long JAR_EPOCH_SECONDS = 1767225600L;

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("aot.skip")) {
            System.out.println("[aot] skipped (-Daot.skip=true); the image runs without an AOT cache");
            return;
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        String name = args[1];
        Set<String> steps = Set.of((args.length > 2 ? args[2] : "all").split(","));
        boolean all = steps.contains("all");
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
        Path cache = appDir.resolve(CACHE);
        Path configuration = appDir.resolve(CONFIGURATION);
        long t0 = System.nanoTime();
        if (all || steps.contains("train")) {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(configuration);
            setJarTimes(appDir);
            // The JVM refuses -XX:AOTCache in record mode, and _JAVA_OPTIONS cannot remove the launcher's
            // own option: the training run gets a launcher configuration without it, restored afterwards.
            Path cfg = appDir.resolve(name + ".cfg");
            String original = Files.readString(cfg, StandardCharsets.UTF_8);
            String training = original.lines().filter(l -> !l.contains("-XX:AOTCache="))
                    .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
            Files.writeString(cfg, training, StandardCharsets.UTF_8);
            try {
                run(launcher, true, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration,
                        "-Xlog:aot=error,cds=error", "-Dretl.aot.training=true",
                        "-Dretl.startup.exitAfterFirstFrame=true", "-Dretl.driver.preload=false");
            } finally {
                Files.writeString(cfg, original, StandardCharsets.UTF_8);
            }
            if (!Files.isRegularFile(configuration)) {
                throw new IllegalStateException("the training run wrote no " + configuration);
            }
            System.out.printf("[aot] training run recorded %s (%.1f MB, %.1f s)%n", configuration,
                    Files.size(configuration) / 1e6, (System.nanoTime() - t0) / 1e9);
        }
        if (all || steps.contains("create")) {
            long t1 = System.nanoTime();
            Files.deleteIfExists(cache);
            run(launcher, false, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration,
                    "-XX:AOTCache=" + cache, "-Xlog:aot=error,cds=error");
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("the JVM wrote no AOT cache at " + cache);
            }
            System.out.printf("[aot] wrote %s (%.1f MB, %.1f s)%n", cache, Files.size(cache) / 1e6,
                    (System.nanoTime() - t1) / 1e9);
        }
        if (all || steps.contains("check")) {
            String err = run(launcher, true, "-XX:AOTMode=on", "-Dretl.startup.exitAfterFirstFrame=true",
                    "-Dretl.driver.preload=false");
            if (!err.isEmpty()) {
                throw new IllegalStateException("the app printed on standard error at start:\n" + err);
            }
            System.out.println("[aot] the cache maps (-XX:AOTMode=on) and the app starts with nothing on standard error");
        }
    }

    private static void setJarTimes(Path appDir) throws IOException {
        FileTime time = FileTime.from(Instant.ofEpochSecond(JAR_EPOCH_SECONDS));
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(jar, time);
            }
        }
    }

    /** Runs the launcher with these JVM options; returns its standard error without the JVM's "Picked up" line. */
    private static String run(Path launcher, boolean needsDisplay, String... javaOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
        String display = System.getenv("DISPLAY");
        if (needsDisplay && linux && (display == null || display.isBlank())) {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toString());
        Path err = Files.createTempFile("aot-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(err.toFile());
        builder.environment().put("_JAVA_OPTIONS", String.join(" ", javaOptions));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("NO_AT_BRIDGE", "1");
        System.out.println("[aot] _JAVA_OPTIONS=\"" + String.join(" ", javaOptions) + "\" " + String.join(" ", command));
        Process process = builder.start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);
        String stderr;
        try (var lines = Files.lines(err, StandardCharsets.UTF_8)) {
            stderr = lines.filter(l -> !l.startsWith(PICKED_UP)).collect(Collectors.joining("\n"));
        } finally {
            Files.deleteIfExists(err);
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command + "\n" + stderr);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit code " + process.exitValue() + ": " + command + "\n" + stderr);
        }
        return stderr;
    }
}
