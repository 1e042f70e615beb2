package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.Main;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.source.SourceValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults injected mid-test into a demo workspace running in its own JVM: killed, paused (SIGSTOP
 * until the check gave up, then SIGCONT), slowed (paused for a moment, shorter than any limit), and
 * the command line interrupted (SIGINT, SIGTERM) at a check. Each time the right verdict on the
 * check that met the fault, and nothing left in the catalog (listed afterwards with the real
 * driver). Representative checks, to keep the suite within a minute or two: kills at the sign-in,
 * the warehouse call, the session, the catalog and the managed schema; pauses at the sign-in, the
 * session, the catalog and the managed schema; slow answers at TLS, the session and the managed
 * schema; SIGINT to the CLI at the session, the catalog and the managed schema, SIGTERM at the last.
 */
class FaultInjectionTest {
    private static final String PROBE = "__segment_probe_";
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fault-timer");
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger RIGHT = new AtomicInteger();
    private static DemoProcess shared;

    @BeforeAll
    static void startSharedDemo() throws IOException {
        shared = DemoProcess.start("--scenario", "ready");
        // Once without a fault: the driver's classes loaded, so each fault's time limit measures the fault.
        ConnectionTestReport baseline = new ConnectionTester().run(request(shared, Duration.ofSeconds(60)),
                ConnectionTestListener.NONE);
        assertTrue(baseline.complete(), () -> DemoRuns.ids(baseline).toString());
    }

    @AfterAll
    static void report() {
        shared.close();
        System.out.printf(Locale.ROOT, "FaultInjectionTest: faults tried %d, right verdict and nothing left %d%n",
                TRIED.get(), RIGHT.get());
    }

    private static ConnectionTestRequest request(DemoProcess demo, Duration timeout) {
        return ConnectionTestRequest.of(SourceValidator.validate(demo.input(), false), demo.trust()).withTimeout(timeout);
    }

    /** Runs the tester; {@code onStart} acts as check {@code at} starts, {@code onFinish} once it finished. */
    private static ConnectionTestReport runWith(ConnectionTestRequest request, String at, Runnable onStart,
            Runnable onFinish) {
        return new ConnectionTester().run(request, new ConnectionTestListener() {
            @Override
            public void started(Check check) {
                if (check.id().equals(at)) {
                    onStart.run();
                }
            }

            @Override
            public void finished(CheckResult result) {
                if (result.id().equals(at)) {
                    onFinish.run();
                }
            }
        });
    }

    private static void assertNoProbe(DemoProcess demo) throws Exception {
        List<String> schemas = demo.schemas();
        assertTrue(schemas.stream().noneMatch(s -> s.startsWith(PROBE)), schemas.toString());
    }

    private static void counted(ThrowingRunnable fault) throws Exception {
        TRIED.incrementAndGet();
        fault.run();
        RIGHT.incrementAndGet();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest(name = "workspace killed as the {0} check starts")
    @ValueSource(strings = {"warehouse", "session", "catalog", "managed-schema"})
    void aWorkspaceKilledMidTestIsALostConnectionNotABadSecret(String at) throws Exception {
        counted(() -> {
            try (DemoProcess demo = DemoProcess.start("--scenario", "ready")) {
                long start = System.nanoTime();
                ConnectionTestReport report = runWith(request(demo, Duration.ofSeconds(25)), at, demo::kill, () -> { });
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

                CheckResult hit = DemoRuns.result(report, at);
                assertEquals(CheckStatus.FAILED, hit.status(), () -> DemoRuns.ids(report).toString());
                assertEquals(Category.NETWORK_UNREACHABLE, hit.category(), hit::detail);
                assertTrue(hit.summary().contains("in the middle of the test"), hit.summary());
                report.checks().forEach(c -> assertNotEquals(Category.INVALID_CLIENT, c.category(), c::detail));
                assertTrue(millis < 20_000, millis + " ms");
            }
        });
    }

    @Test
    void aWorkspaceKilledDuringTheSignInIsALostConnection() throws Exception {
        counted(() -> {
            try (DemoProcess demo = DemoProcess.start("--scenario", "ready")) {
                ConnectionTestReport report = runWith(request(demo, Duration.ofSeconds(20)), "oauth", demo::kill, () -> { });

                CheckResult oauth = DemoRuns.result(report, "oauth");
                assertEquals(CheckStatus.FAILED, oauth.status());
                assertEquals(Category.NETWORK_UNREACHABLE, oauth.category(), oauth::detail);
                assertNotEquals(Category.INVALID_CLIENT, oauth.category());
            }
        });
    }

    @ParameterizedTest(name = "workspace paused as the {0} check starts")
    @ValueSource(strings = {"oauth", "session", "catalog", "managed-schema"})
    void aWorkspaceThatStopsAnsweringGetsNoAnswerWithinOnTheCheckThatWaited(String at) throws Exception {
        counted(() -> {
            ConnectionTestReport report = runWith(request(shared, Duration.ofSeconds(6)), at,
                    () -> shared.signal("STOP"), () -> shared.signal("CONT"));

            CheckResult hit = DemoRuns.result(report, at);
            assertEquals(CheckStatus.FAILED, hit.status(), () -> DemoRuns.ids(report).toString());
            assertTrue(hit.summary().startsWith("No answer within"), hit.summary());
            // Reaching the workspace is the network's part; once signed in, a silent warehouse is unavailable.
            assertEquals(at.equals("oauth") ? Category.NETWORK_UNREACHABLE : Category.WAREHOUSE_UNAVAILABLE,
                    hit.category());
            assertEquals(List.of(), report.leftovers());
            assertNoProbe(shared);
        });
    }

    @ParameterizedTest(name = "workspace slowed for a second as the {0} check starts")
    @ValueSource(strings = {"tls", "session", "managed-schema"})
    void aWorkspaceThatAnswersLateStillPasses(String at) throws Exception {
        counted(() -> {
            ConnectionTestReport report = runWith(request(shared, Duration.ofSeconds(30)), at, () -> {
                shared.signal("STOP");
                TIMER.schedule(() -> shared.signal("CONT"), 1200, TimeUnit.MILLISECONDS);
            }, () -> { });

            assertTrue(report.complete(), () -> DemoRuns.ids(report) + " " + report.failed());
            assertTrue(DemoRuns.result(report, at).millis() >= 1000, () -> DemoRuns.result(report, at).toString());
            assertNoProbe(shared);
        });
    }

    /**
     * The command line, interrupted when the line of the check {@code at} starts after is printed,
     * so {@code at} is in flight; the workspace answers every response 150 ms late.
     */
    @ParameterizedTest(name = "SIGINT to the CLI during the {0} check")
    @ValueSource(strings = {"session", "catalog", "managed-schema"})
    void interruptingTheCommandLineDropsTheProbeAndSaysSo(String at, @TempDir Path dir) throws Exception {
        counted(() -> signalCli(at, "INT", dir));
    }

    @Test
    void terminatingTheCommandLineDuringTheManagedSchemaCheckDropsTheProbe(@TempDir Path dir) throws Exception {
        counted(() -> signalCli("managed-schema", "TERM", dir));
    }

    private static void signalCli(String at, String signal, Path dir) throws Exception {
        Path scenario = dir.resolve("slowish.json");
        Files.writeString(scenario, "{\"base\": \"ready\", \"name\": \"slowish\", \"description\": \"150 ms per answer\","
                + " \"behaviour\": {\"latencyMillis\": 150}}");
        try (DemoProcess demo = DemoProcess.start("--scenario-file", scenario.toString())) {
            String before = before(at);
            ProcessBuilder builder = new ProcessBuilder(DemoProcess.java(), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "test", "--host", "localhost", "--port", String.valueOf(demo.port),
                    "--http-path", demo.httpPath, "--client-id", demo.clientId, "--catalog", "main", "--schemas",
                    "main.marketing", "--trust-store", demo.trustStore.toString(), "--trust-store-password",
                    demo.trustStorePassword);
            builder.environment().put("DATABRICKS_CLIENT_SECRET", demo.secret);
            Process cli = builder.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cli.getErrorStream()));
            List<String> out = new ArrayList<>();
            boolean signalled = false;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(cli.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.add(line);
                    if (!signalled && line.contains(before)) {
                        DemoProcess.signal(cli.pid(), signal);
                        signalled = true;
                    }
                }
            }
            assertTrue(cli.waitFor(30, TimeUnit.SECONDS), "the CLI did not exit");
            String stderr = err.get(5, TimeUnit.SECONDS);
            assertTrue(signalled, () -> "never saw '" + before + "': " + out);
            assertNotEquals(0, cli.exitValue());
            assertTrue(stderr.contains("Stopping: dropping what the test created"), stderr);
            assertTrue(stderr.contains("nothing was left behind"), stderr + "\n" + out);
            assertNoProbe(demo);
        }
    }

    /** Text of the line the CLI prints when the check {@code at} waits for has finished. */
    private static String before(String at) {
        return switch (at) {
            case "session" -> new WarehouseCheck().title();
            case "catalog" -> new SessionCheck().title();
            // The probe starts with the schema reads, once the catalog check has listed the schemas.
            case "managed-schema" -> new CatalogCheck().title();
            default -> throw new IllegalArgumentException(at);
        };
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
