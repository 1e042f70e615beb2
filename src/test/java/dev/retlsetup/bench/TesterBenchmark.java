package dev.retlsetup.bench;

import dev.retlsetup.source.Field;
import dev.retlsetup.check.Check;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.StatementOverlap;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How long the tester takes to a verdict, against the raw Databricks JDBC driver doing the same
 * work, on the demo workspace (localhost, so network time is near zero and the figures show the
 * software's own cost). Not a unit test: run it on a quiet machine with
 * <pre>mvn -q -B -ntp -Pbench -DskipTests package exec:exec [-Dbench.runs=7 -Dbench.forks=3 -Dbench.fullRuns=101 -Dbench.warmup=1000 -Dbench.slowRuns=3 -Dbench.processRuns=9]</pre>
 * It prints medians of N runs after a warm-up, and the ratio tester/driver, for:
 * (a) a wrong secret, (b) a closed port, (c) an unknown host — verdicts; on port 443 the driver
 * retries for 9-17 s, so (b) and (c) use {@code bench.slowRuns} — and (d) a full passing test
 * against the driver running the same statements, steady state, in {@code bench.forks} fresh JVMs. The driver gets the URL the tester gives it
 * ({@link JdbcUrl}) and the properties any program would: the client credentials and the trust store as is.
 *
 * <p>(e) is the whole-process figure: {@code java -jar target/retl-setup.jar test} against a
 * {@code demo-workspace} child process, against {@link BareDriverProgram} (a fresh JVM with only the
 * driver jar, signing in with OAuth M2M as any program would, running the same statements),
 * interleaved, with the phases of both (the tester's per-check times, the bare program's
 * timestamps since JVM start) printed as medians.
 */
public final class TesterBenchmark {
    private static final String UNKNOWN_HOST = "nonexistent.invalid";
    private static final String WRONG_SECRET = "dose00000000000000000000000000000000";
    /** The argument that makes this JVM one fork of (d), and the line it reports its medians on. */
    private static final String STEADY = "steady";
    private static final String OVERLAPPED = "overlapped";
    /** (d)'s warm-up rounds and measured rounds per fork (see {@link #steady}); each fork is passed the same. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    private static final int FULL_RUNS = Integer.getInteger("bench.fullRuns", 101);

    private final DemoWorkspace ws;
    private final int runs;
    private final int slowRuns;
    private final List<String[]> rows = new ArrayList<>();
    private final Map<String, List<Long>> checkMillis = new LinkedHashMap<>();
    /** Per check of a passing run: when it started, in microseconds since the run began. */
    private final Map<String, List<Long>> startMicros = new LinkedHashMap<>();
    /** A passing run's wall time after its last check ended: the clean-up (probe dropped, session closed). */
    private final List<Long> cleanupMicros = new ArrayList<>();

    private TesterBenchmark(DemoWorkspace ws, int runs, int slowRuns) {
        this.ws = ws;
        this.runs = runs;
        this.slowRuns = slowRuns;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        int slowRuns = Integer.getInteger("bench.slowRuns", 3);
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            TesterBenchmark bench = new TesterBenchmark(ws, runs, slowRuns);
            if (args.length > 0 && args[0].equals(STEADY)) {
                bench.steady();
            } else {
                bench.run();
            }
        }
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "TesterBenchmark: demo workspace 'ready' on %s, java %s, %d cpu(s), "
                        + "demo TCP_NODELAY %s, load average %.2f%n", ws.url(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("sun.net.httpserver.nodelay"), load());

        // Cold: the first run in this JVM pays for loading the driver (~5k classes) and the TLS stack.
        long cold = time(() -> tester(input(), true));
        System.out.printf(Locale.ROOT, "cold first full test (fresh JVM, includes loading the driver): %d ms: %s%n", cold,
                checkMillis);
        checkMillis.clear();
        // Warm, so the verdicts compare the two sides' steady cost, not the JIT compiling one of them.
        for (int i = 0; i < 10; i++) {
            tester(input(), true);
            driverFull();
        }
        for (int i = 0; i < 2; i++) {
            tester(input().withSecret(WRONG_SECRET), false);
            driverConnect(input().withSecret(WRONG_SECRET));
        }

        compare("(a) wrong secret", runs, () -> tester(input().withSecret(WRONG_SECRET), false),
                () -> driverConnect(input().withSecret(WRONG_SECRET)), null);
        // (b) and (c) on port 443, as real workspaces are reached: the URL the tester itself gives the
        // driver (JdbcUrl) has no explicit OAuthDiscoveryURL there, and that is the driver path that
        // retries for 9-17 s. Nothing may listen on localhost:443 for (b).
        if (listening(ws.host(), 443)) {
            throw new IllegalStateException("(b) needs nothing listening on localhost:443");
        }
        SourceInput closed443 = input().with(Field.PORT, "443");
        SourceInput unknown443 = input().with(Field.HOST, UNKNOWN_HOST).with(Field.PORT, "443");
        compare("(b) closed port :443", slowRuns, () -> tester(closed443, false), () -> driverConnect(closed443), 0.10);
        compare("(c) unknown host :443", slowRuns, () -> tester(unknown443, false), () -> driverConnect(unknown443),
                0.10);
        // The same on another port, where JdbcUrl adds OAuthDiscoveryURL: the driver fails fast there.
        SourceInput closedOther = input().with(Field.PORT, String.valueOf(freePort()));
        SourceInput unknownOther = input().with(Field.HOST, UNKNOWN_HOST);
        compare("(b') closed port :other", runs, () -> tester(closedOther, false), () -> driverConnect(closedOther),
                null);
        compare("(c') unknown host :other", runs, () -> tester(unknownOther, false), () -> driverConnect(unknownOther),
                null);
        List<Fork> forks = forks(Integer.getInteger("bench.forks", 3));
        // Each fork's figure is its own pair of medians; the row is the fork in the middle by ratio.
        Fork middle = forks.stream().sorted(Comparator.comparingDouble(Fork::ratio)).toList().get(forks.size() / 2);
        rows.add(row("(d) full passing test", forks.size() + "x" + middle.rounds(), middle.tester(), middle.driver(), 0.90));
        Fork middleOverlapped = forks.stream().sorted(Comparator.comparingDouble(Fork::overlapRatio)).toList()
                .get(forks.size() / 2);
        rows.add(row("(d') overlapped", forks.size() + "x" + middle.rounds(), middleOverlapped.overlapped(),
                middleOverlapped.overlapDriver(), null));
        WholeProcess.Figures whole = WholeProcess.compare(Integer.getInteger("bench.processRuns", 9));
        rows.add(new String[] {"(e) whole process", String.valueOf(whole.runs()), whole.testerMedian() + " ms",
                whole.driverMedian() + " ms", String.format(Locale.ROOT, "%.3f", whole.ratio()),
                (whole.ratio() <= 1.0 ? "<= 1.00 ok" : "> 1.00 MISSED")});

        System.out.println();
        System.out.printf(Locale.ROOT, "load average at the end: %.2f (a shared machine: compare ratios, not times)%n", load());
        System.out.printf(Locale.ROOT, "%-24s %3s %14s %14s %14s %8s%n", "case", "N", "tester median", "driver median",
                "tester/driver", "target");
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-24s %3s %14s %14s %14s %8s%n", (Object[]) row);
        }
        System.out.println();
        System.out.println("(d) per fork: medians of its rounds, tester/driver; then (d'), statements overlapped; "
                + "then how much of (d)'s wall time the JIT spent compiling");
        for (Fork fork : forks) {
            System.out.printf(Locale.ROOT, "  %.1f ms / %.1f ms = %.3f; %.1f ms / %.1f ms = %.3f; JIT %d%%%n", fork.tester() / 1000.0,
                    fork.driver() / 1000.0, fork.ratio(), fork.overlapped() / 1000.0, fork.overlapDriver() / 1000.0,
                    fork.overlapRatio(), fork.jitPercent());
        }
        System.out.println();
        System.out.println("(d) per check in the middle fork, medians: time taken, and when it started and ended (ms since the run began)");
        System.out.printf(Locale.ROOT, "  %-24s %6s %8s %8s%n", "check", "ms", "start", "end");
        middle.checks().forEach(line -> System.out.println("  " + line));
        System.out.println();
        System.out.println("(e) phases, median ms:");
        whole.phases().forEach(line -> System.out.println("  " + line));
    }

    private void compare(String name, int n, Supplier<Long> tester, Supplier<Long> driver, Double target) {
        List<Long> t = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        interleave(n, tester, driver, t, d);
        rows.add(row(name, String.valueOf(n), median(t), median(d), target));
        System.out.printf(Locale.ROOT, "%s: tester %s ms, driver %s ms%n", name, millis(t), millis(d));
    }

    /**
     * Interleaved, so drift (GC, JIT, a busy neighbour) hits both sides alike, and each side goes
     * first in every other pair: neither always inherits what the other left running.
     */
    private static void interleave(int n, Supplier<Long> tester, Supplier<Long> driver, List<Long> t, List<Long> d) {
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                t.add(tester.get());
                d.add(driver.get());
            } else {
                d.add(driver.get());
                t.add(tester.get());
            }
        }
    }

    /** A table row from medians in µs. */
    private static String[] row(String name, String n, double testerMicros, double driverMicros, Double target) {
        double ratio = driverMicros == 0 ? Double.NaN : testerMicros / driverMicros;
        String verdict = target == null ? "-"
                : (ratio <= target ? "<= " : "> ") + String.format(Locale.ROOT, "%.2f", target)
                        + (ratio <= target ? " ok" : " MISSED");
        return new String[] {name, n, String.format(Locale.ROOT, "%.1f ms", testerMicros / 1000.0),
                String.format(Locale.ROOT, "%.1f ms", driverMicros / 1000.0), String.format(Locale.ROOT, "%.3f", ratio),
                verdict};
    }

    private static List<Long> millis(List<Long> micros) {
        return micros.stream().map(m -> Math.round(m / 1000.0)).toList();
    }

    /**
     * (d) in this JVM, as one fork: both sides warmed for {@code bench.warmup} rounds, so neither is
     * measured while the JIT compiles it, then {@code bench.fullRuns} interleaved rounds. Prints the
     * lines {@link #fork} reads, with the share of the measured wall time the JIT spent compiling.
     *
     * <p>Why 1000 rounds of warm-up and 101 measured: the driver, the demo, H2 and the TLS stack are
     * a lot of code, and C2 keeps compiling (and deoptimising) it for a long time. After 200 rounds
     * it still compiled for more than half of the wall time on these two cores, the rounds were
     * still getting a third faster, and a round's time depended on whether a compile held a core,
     * so 41 rounds gave a median that moved by 0.1 from one JVM to the next. After 1000 it compiles
     * for a fifth to a third of the time and the rounds have stopped falling.
     */
    private void steady() {
        for (int i = 0; i < WARMUP; i++) {
            tester(input(), true);
            driverFull();
        }
        checkMillis.clear();
        startMicros.clear();
        cleanupMicros.clear();
        List<Long> t = new ArrayList<>();
        List<Long> d = new ArrayList<>();
        JitShare jit = JitShare.start();
        interleave(FULL_RUNS, () -> tester(input(), true), this::driverFull, t, d);
        System.out.println(STEADY + " " + median(t) + " " + median(d) + " " + t.size() + " " + jit.percent());
        System.out.printf(Locale.ROOT, "ROUNDS tester %s ms, driver %s ms%n", millis(t), millis(d));
        checkMillis.forEach((id, values) -> {
            double start = median(startMicros.get(id)) / 1000.0;
            System.out.printf(Locale.ROOT, "CHECK %-24s %6d %8.1f %8.1f%n", id, median(values), start, start + median(values));
        });
        System.out.printf(Locale.ROOT, "CHECK %-24s %6.1f%n", "clean-up after the last", median(cleanupMicros) / 1000.0);
        // The same with the statements after the session side by side, as against a remote workspace
        // (the demo is on this machine, where they run one after another): what the overlap costs here.
        List<Long> overlapped = new ArrayList<>();
        List<Long> driver = new ArrayList<>();
        interleave(FULL_RUNS, () -> tester(input(), true, StatementOverlap.ALWAYS),
                this::driverFull, overlapped, driver);
        System.out.println(OVERLAPPED + " " + median(overlapped) + " " + median(driver) + " " + overlapped.size());
    }

    /** How much of a stretch of wall time the JIT spent compiling (its threads' time, so it may pass 100 on two cores). */
    private record JitShare(long compileMillis, long startNanos) {
        static JitShare start() {
            return new JitShare(ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), System.nanoTime());
        }

        long percent() {
            long compiled = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileMillis;
            return Math.round(100.0 * compiled / ((System.nanoTime() - startNanos) / 1e6));
        }
    }

    /** One (d) fork's medians (µs), its rounds and its per-check lines, and the JIT's share of its measured rounds (%). */
    private record Fork(long tester, long driver, int rounds, List<String> checks, long overlapped, long overlapDriver,
            long jitPercent) {
        double ratio() {
            return (double) tester / driver;
        }

        double overlapRatio() {
            return (double) overlapped / overlapDriver;
        }
    }

    /**
     * Runs (d) in {@code n} fresh JVMs, one after another, each with its own demo workspace: a JVM's
     * JIT and memory layout move its figure by several per cent, more than its rounds spread, so
     * the figure is the middle of several JVMs' (as benchmark harnesses fork).
     */
    private static List<Fork> forks(int n) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Fork> forks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process process = new ProcessBuilder(java, "-Dbench.warmup=" + WARMUP,
                    "-Dbench.fullRuns=" + FULL_RUNS, "-cp",
                    System.getProperty("java.class.path"), TesterBenchmark.class.getName(), STEADY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long tester = -1;
            long driver = -1;
            long overlapped = -1;
            long overlapDriver = -1;
            int rounds = 0;
            long jitPercent = -1;
            List<String> checks = new ArrayList<>();
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(STEADY + " ")) {
                        String[] figures = line.split(" ");
                        tester = Long.parseLong(figures[1]);
                        driver = Long.parseLong(figures[2]);
                        rounds = Integer.parseInt(figures[3]);
                        jitPercent = Long.parseLong(figures[4]);
                    } else if (line.startsWith(OVERLAPPED + " ")) {
                        String[] figures = line.split(" ");
                        overlapped = Long.parseLong(figures[1]);
                        overlapDriver = Long.parseLong(figures[2]);
                    } else if (line.startsWith("CHECK ")) {
                        checks.add(line.substring("CHECK ".length()));
                    } else if (line.startsWith("ROUNDS ")) {
                        System.out.println("(d) fork " + (i + 1) + ": " + line.substring("ROUNDS ".length()));
                    }
                }
            }
            if (process.waitFor() != 0 || tester < 0) {
                throw new IllegalStateException("(d) fork " + (i + 1) + " failed (exit " + process.exitValue() + ")");
            }
            forks.add(new Fork(tester, driver, rounds, checks, overlapped, overlapDriver, jitPercent));
        }
        return forks;
    }

    private SourceInput input() {
        return new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(), ws.clientSecret(),
                "main", "main.marketing");
    }

    /** One tester run; its wall time (µs) until the report is back (clean-up included). */
    private long tester(SourceInput input, boolean mustPass) {
        return tester(input, mustPass, StatementOverlap.AUTO);
    }

    private long tester(SourceInput input, boolean mustPass, StatementOverlap overlap) {
        ConnectionTestRequest request = ConnectionTestRequest.of(SourceValidator.validate(input, false),
                new TrustConfig(ws.trustStorePath(), ws.trustStorePassword())).withStatementOverlap(overlap);
        Map<String, Long> started = new LinkedHashMap<>();
        long[] lastEnd = {0};
        long start = System.nanoTime();
        ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
            @Override
            public void started(Check check) {
                started.put(check.id(), (System.nanoTime() - start) / 1_000);
            }

            @Override
            public void finished(CheckResult result) {
                Long at = started.get(result.id());
                if (at != null) {
                    lastEnd[0] = Math.max(lastEnd[0], at + result.millis() * 1_000);
                }
            }
        });
        long micros = (System.nanoTime() - start) / 1_000;
        if (mustPass != report.complete()) {
            throw new IllegalStateException("unexpected verdict: " + report.checks());
        }
        if (mustPass) {
            for (CheckResult check : report.checks()) {
                checkMillis.computeIfAbsent(check.id(), k -> new ArrayList<>()).add(check.millis());
                startMicros.computeIfAbsent(check.id(), k -> new ArrayList<>()).add(started.getOrDefault(check.id(), 0L));
            }
            cleanupMicros.add(Math.max(0, micros - lastEnd[0]));
        } else if (report.failed().isEmpty() || report.failed().get(0).status() != CheckStatus.FAILED) {
            throw new IllegalStateException("expected a failure: " + report.checks());
        }
        return micros;
    }

    /**
     * The raw driver's DriverManager.getConnection with exactly the URL and properties the tester's
     * session check would use for these settings, until it fails (or, unexpectedly, connects).
     */
    private long driverConnect(SourceInput input) {
        SourceSettings settings = SourceValidator.validate(input, false).settings();
        long start = System.nanoTime();
        try (Connection ignored = DriverManager.getConnection(JdbcUrl.url(settings), bareProperties(settings))) {
            throw new IllegalStateException("the driver connected to " + settings.host() + ":" + settings.port());
        } catch (SQLException expected) {
            return (System.nanoTime() - start) / 1_000;
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The raw driver doing what a passing test does ({@link BareDriverProgram#statements}): connect, the eight statements, close. */
    private long driverFull() {
        String probe = "main.__segment_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SourceSettings settings = SourceValidator.validate(input(), false).settings();
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(JdbcUrl.url(settings), bareProperties(settings))) {
            BareDriverProgram.statements(connection, probe);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000;
    }

    /** What any program gives the driver, as {@link BareDriverProgram} does; not the tester's copy of the trust store. */
    private Properties bareProperties(SourceSettings settings) {
        return BareDriverProgram.properties(settings.clientId(), settings.secret(), ws.trustStorePath().toString(),
                ws.trustStorePassword());
    }

    /** The one-minute load average, or -1 where the platform has none. */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long time(Supplier<Long> action) {
        long start = System.nanoTime();
        action.get();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
