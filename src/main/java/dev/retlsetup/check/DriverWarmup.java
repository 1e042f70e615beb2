package dev.retlsetup.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the driver's classes on a background thread while the network checks run. A fresh process
 * spends most of its first JDBC connection reading, parsing and defining ~3k classes; the checks
 * before the session (DNS, TCP, TLS, the sign-in, the warehouse call) wait on the network, so the
 * second core does that work meanwhile.
 *
 * <p>The list ({@value #CLASS_LIST}) is what the driver loaded for a first connection and its
 * statements, recorded with {@code -Xlog:class+load} (the driver jar's classes and the JDK classes
 * it pulls in). Classes are loaded without being initialised, so nothing of the driver runs early
 * (no static initialiser, no logging set-up); a name that no longer exists is skipped, so a stale
 * list only costs speed. Regenerate it after a driver upgrade: run {@code test} against the demo
 * workspace with this list emptied and {@code -Xlog:class+load=info:file=classes.log}, and keep,
 * from the first driver class on, the names whose source is the driver jar, {@code jrt:/} or
 * {@code shared} (no lambdas, proxies or classes of the app). Classes loaded before that (the
 * tester's own TLS stack, which the driver's HTTP client shares) stay out: loading them here would
 * compete with the TLS check for the same work.
 */
final class DriverWarmup {
    static final String CLASS_LIST = "driver-classes.txt";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DriverWarmup() {
    }

    /** Starts loading the driver's classes on a background thread, once per process; later calls do nothing. */
    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            background("driver-warmup", DriverWarmup::loadAll);
        }
    }

    private static void background(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    /** @return how many of the listed classes were loaded */
    static int loadAll() {
        ClassLoader loader = DriverWarmup.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = DriverWarmup.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(line.strip(), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError skipped) {
                    // Not in this driver version or not loadable here: the connection loads what it needs.
                }
            }
        } catch (IOException e) {
            // Only a speed-up: the connection loads the classes itself.
        }
        return loaded;
    }
}
