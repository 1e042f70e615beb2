package dev.retlsetup.bench;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.model.KeyStats;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.model.ModelListener;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.ModelRequest;
import dev.retlsetup.model.ModelStep;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The unique identifier check on the {@code large} scenario at two table sizes: its time on the
 * warehouse and the bytes the warehouse sent for it (counted by the demo's Thrift endpoint), next
 * to what pulling the identifier column to the desktop would fetch. The check's bytes must not
 * grow with the table. Not a unit test: run it with
 * <pre>mvn -q -B -ntp -Pbench test-compile exec:exec -Dbench.main=dev.retlsetup.bench.ModelBenchmark
 *     [-Dbench.runs=5] [-Dbench.sizes=1000000,2000000]</pre>
 */
public final class ModelBenchmark {
    private static final String SQL = "SELECT event_id, user_id, url, viewed_at FROM main.events.page_views";

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000000,2000000").split(","))
                .mapToLong(s -> Long.parseLong(s.strip())).toArray();
        System.out.printf(Locale.ROOT, "ModelBenchmark: scenario 'large', java %s, %d cpu(s), %d runs per size%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs);
        List<String[]> table = new ArrayList<>();
        for (long size : sizes) {
            long start = System.nanoTime();
            try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("large").withGeneratedRows(size), 0)) {
                long startup = (System.nanoTime() - start) / 1_000_000;
                check(ws, "event_id"); // warm-up: driver classes, JIT, the engine's caches
                for (String key : List.of("event_id", "user_id")) {
                    List<Long> millis = new ArrayList<>();
                    List<Long> bytes = new ArrayList<>();
                    List<Long> data = new ArrayList<>();
                    KeyStats stats = null;
                    for (int i = 0; i < runs; i++) {
                        Measured m = check(ws, key);
                        millis.add(m.millis);
                        bytes.add(m.bytes);
                        data.add(m.bytes - m.pollBytes);
                        stats = m.stats;
                    }
                    table.add(new String[] {String.format(Locale.ROOT, "%,d", size), key,
                            String.format(Locale.ROOT, "%,d", startup), median(millis) + " ms",
                            String.format(Locale.ROOT, "%,d B", median(bytes)),
                            String.format(Locale.ROOT, "%,d B", median(data)),
                            stats.unique() ? "unique" : String.format(Locale.ROOT, "%,d distinct", stats.distinct())});
                }
                long pulled = pullColumn(ws, "event_id");
                table.add(new String[] {String.format(Locale.ROOT, "%,d", size), "(pull event_id)", "-", "-",
                        String.format(Locale.ROOT, "%,d B", pulled), "-", "every value fetched"});
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%12s %16s %11s %10s %14s %16s %20s%n", "rows", "key", "startup ms",
                "key check", "bytes sent", "of which data", "verdict");
        for (String[] row : table) {
            System.out.printf(Locale.ROOT, "%12s %16s %11s %10s %14s %16s %20s%n", (Object[]) row);
        }
        System.out.println("key check: median warehouse time of the one aggregate statement; bytes sent: every Thrift");
        System.out.println("answer while it ran; of which data: without GetOperationStatus polls (their number grows");
        System.out.println("with the statement's time, not with the rows). (pull event_id): the same column fetched to");
        System.out.println("the desktop through the driver, for comparison.");
    }

    /** {@code bytes}: everything sent while the key step ran; {@code polls}: of which status answers. */
    private record Measured(long millis, long bytes, long pollBytes, KeyStats stats) {
    }

    /** One model check; the key step's warehouse time and the Thrift bytes sent while it ran. */
    private static Measured check(DemoWorkspace ws, String key) {
        long[] bytes = new long[2];
        long[] polls = new long[2];
        ModelRequest request = new ModelRequest(SourceValidator.validate(input(ws), false), trust(ws), SQL, key, 0, Duration.ofSeconds(300));
        ModelReport report = new ModelChecker().run(request, new ModelListener() {
            @Override
            public void started(ModelStep step) {
                if (step.id().equals(ModelStep.KEY)) {
                    bytes[0] = ws.thriftBytesSent();
                    polls[0] = ws.thriftBytesByCall().getOrDefault("GetOperationStatus", 0L);
                }
            }

            @Override
            public void finished(CheckResult result) {
                if (result.id().equals(ModelStep.KEY)) {
                    bytes[1] = ws.thriftBytesSent();
                    polls[1] = ws.thriftBytesByCall().getOrDefault("GetOperationStatus", 0L);
                }
            }
        });
        if (report.key() == null) {
            throw new IllegalStateException("the key check did not run: " + report.checks());
        }
        long millis = report.statements().stream().filter(s -> s.check().equals(ModelStep.KEY))
                .mapToLong(s -> s.millis()).sum();
        return new Measured(millis, bytes[1] - bytes[0], polls[1] - polls[0], report.key());
    }

    /** What counting on the desktop would need: every value of the column fetched through the driver. */
    private static long pullColumn(DemoWorkspace ws, String column) throws Exception {
        SourceSettings settings = SourceValidator.validate(input(ws), false).settings();
        try (Connection c = DriverManager.getConnection(JdbcUrl.url(settings), JdbcUrl.properties(settings, trust(ws)));
             Statement s = c.createStatement()) {
            long before = ws.thriftBytesSent();
            long rows = 0;
            try (ResultSet r = s.executeQuery("SELECT " + column + " FROM main.events.page_views")) {
                while (r.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("no rows pulled");
            }
            return ws.thriftBytesSent() - before;
        }
    }

    private static SourceInput input(DemoWorkspace ws) {
        return new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(), ws.clientSecret(),
                "main", "");
    }

    private static TrustConfig trust(DemoWorkspace ws) {
        return new TrustConfig(ws.trustStorePath(), ws.trustStorePassword());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
