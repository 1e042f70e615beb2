package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.ids;
import static dev.retlsetup.check.DemoRuns.request;
import static dev.retlsetup.check.DemoRuns.result;
import dev.retlsetup.source.SourceValidator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.diagnose.Category;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancel at any moment and time limits: the run returns within seconds, the rest is skipped, no
 * probe schema or table stays behind, and every session the driver opened is closed.
 */
class ConnectionTesterCancellationTest {
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cancel-timer");
        thread.setDaemon(true);
        return thread;
    });
    private static DemoWorkspace ready;
    private static DemoWorkspace precreated;
    private static DemoWorkspace slow;
    /** Looks at the slow workspace from outside the tester; opened once, as connecting costs ~10 round trips. */
    private static Connection slowObserver;

    @BeforeAll
    static void start() throws SQLException {
        ready = DemoRuns.start("ready");
        precreated = DemoRuns.start("managed-schema-precreated");
        slow = DemoRuns.start(Scenario.builtIn("slow").withLatency(LATENCY));
        slowObserver = DemoRuns.connect(slow);
    }

    @AfterAll
    static void stop() throws SQLException {
        slowObserver.close();
        ready.close();
        precreated.close();
        slow.close();
    }

    /** What a cancelled run returned, and how long it took from the cancel to the end of the run. */
    private record Cancelled(ConnectionTestReport report, long millisAfterCancel) {
    }

    /** Runs and cancels {@code delayMillis} after check {@code at} starts (0: from inside started()). */
    private static Cancelled cancelAt(ConnectionTestRequest request, String at, long delayMillis) {
        ConnectionTester tester = new ConnectionTester();
        AtomicLong cancelledAt = new AtomicLong();
        Runnable cancel = () -> {
            cancelledAt.set(System.nanoTime());
            tester.cancel();
        };
        ConnectionTestReport report = tester.run(request, new ConnectionTestListener() {
            @Override
            public void started(Check check) {
                if (check.id().equals(at)) {
                    if (delayMillis == 0) {
                        cancel.run();
                    } else {
                        TIMER.schedule(cancel, delayMillis, TimeUnit.MILLISECONDS);
                    }
                }
            }
        });
        assertTrue(cancelledAt.get() != 0, "the run ended before the cancel: " + ids(report));
        return new Cancelled(report, Duration.ofNanos(System.nanoTime() - cancelledAt.get()).toMillis());
    }

    private static Cancelled cancelAt(DemoWorkspace ws, String at, long delayMillis) {
        return cancelAt(request(ws), at, delayMillis);
    }

    /** Only the managed-schema check and what it needs (no identity or schema reads): fewer slow round trips. */
    private static ConnectionTestRequest managedOnly(DemoWorkspace ws) {
        return new ConnectionTestRequest(SourceValidator.validate(DemoRuns.input(ws), false), DemoRuns.trust(ws), false, null, Set.of("managed-schema"));
    }

    private static long count(List<String> calls, String name) {
        return Collections.frequency(calls, name);
    }

    private static void assertEverySessionClosed(DemoWorkspace ws) throws InterruptedException {
        assertEverySessionClosed(ws, ws == slow ? 1 : 0);
    }

    /**
     * Every session the tester opened gets closed ({@code observers} are this test's own); a late one
     * may take a moment to arrive and be closed.
     */
    private static void assertEverySessionClosed(DemoWorkspace ws, int observers) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<String> calls = ws.thriftCalls();
        while (count(calls, "OpenSession") - observers != count(calls, "CloseSession") && System.nanoTime() < until) {
            Thread.sleep(50);
            calls = ws.thriftCalls();
        }
        assertEquals(count(calls, "OpenSession") - observers, count(calls, "CloseSession"), calls.toString());
    }

    private static void assertNoProbeLeft(DemoWorkspace ws) throws SQLException {
        if (ws == slow) {
            assertNoProbeLeft(slowObserver);
            return;
        }
        try (Connection observer = DemoRuns.connect(ws)) {
            assertNoProbeLeft(observer);
        }
    }

    private static void assertNoProbeLeft(Connection observer) throws SQLException {
        List<String> schemas = column(observer, "SHOW SCHEMAS IN main", "databaseName");
        assertTrue(schemas.stream().noneMatch(s -> s.startsWith("__segment_probe_")), schemas.toString());
        if (schemas.contains("__segment_reverse_etl")) {
            List<String> tables = column(observer, "SHOW TABLES IN main.__segment_reverse_etl", "tableName");
            assertTrue(tables.stream().noneMatch(t -> t.startsWith("segment_probe_")), tables.toString());
        }
    }

    private static List<String> column(Connection connection, String sql, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(name));
            }
            return values;
        }
    }

    /** The cancelled check and everything after it are skipped as cancelled; nothing is reported as failed. */
    private static void assertCancelledFrom(ConnectionTestReport report, String at) {
        assertCancelledFrom(report, at, Set.of());
    }

    /**
     * As above, where the checks {@code beside} ran beside {@code at} when the cancel came: each of
     * them either finished first or was cancelled too.
     */
    private static void assertCancelledFrom(ConnectionTestReport report, String at, Set<String> beside) {
        assertTrue(report.cancelled());
        assertFalse(report.ok());
        assertFalse(report.complete());
        assertEquals(List.of(), report.failed(), () -> ids(report).toString());
        assertTrue(report.checks().stream().anyMatch(c -> c.id().equals(at)), () -> ids(report).toString());
        boolean reached = false;
        for (CheckResult check : report.checks()) {
            reached |= check.id().equals(at);
            if (beside.contains(check.id()) && check.status() == CheckStatus.PASSED) {
                continue;
            }
            if (reached || beside.contains(check.id())) {
                assertEquals(CheckStatus.SKIPPED, check.status(), () -> ids(report).toString());
                assertTrue(check.summary().startsWith("Cancelled"), check.summary());
            } else {
                assertEquals(CheckStatus.PASSED, check.status(), () -> ids(report).toString());
            }
        }
    }

    @Test
    void cancelAsTheSessionCheckStartsSkipsItAndOpensNoSessionThatStaysOpen() throws Exception {
        Cancelled run = cancelAt(ready, "session", 0);

        assertCancelledFrom(run.report(), "session");
        assertTrue(run.millisAfterCancel() < 2000, run.millisAfterCancel() + " ms after the cancel");
        assertEverySessionClosed(ready);
    }

    @Test
    void cancelAsASchemaCheckStartsClosesTheSession() throws Exception {
        Cancelled run = cancelAt(ready, "schema:main.marketing", 0);

        assertCancelledFrom(run.report(), "schema:main.marketing");
        assertTrue(run.millisAfterCancel() < 2000, run.millisAfterCancel() + " ms after the cancel");
        assertTrue(ready.thriftCalls().contains("CloseSession"));
        assertEverySessionClosed(ready);
    }

    @ParameterizedTest(name = "statements overlapped: {0}")
    @EnumSource(value = StatementOverlap.class, names = {"ALWAYS", "NEVER"})
    void cancelAsTheManagedSchemaCheckStartsLeavesNoProbeTable(StatementOverlap overlap) throws Exception {
        Cancelled run = cancelAt(request(precreated).withStatementOverlap(overlap), "managed-schema", 0);

        // Overlapped, the probe starts beside the schema reads and the cancel stops them too; one after
        // another, they had passed.
        assertCancelledFrom(run.report(), "managed-schema", Set.of("schema:main.marketing"));
        assertTrue(run.millisAfterCancel() < 2000, run.millisAfterCancel() + " ms after the cancel");
        assertEverySessionClosed(precreated);
        assertNoProbeLeft(precreated);
    }

    /**
     * 100 ms per response and one round trip per statement (its operation closes in the direct
     * results): cancel during CREATE SCHEMA and DROP SCHEMA of the probe (the schema listing is the
     * catalog check's).
     */
    @ParameterizedTest(name = "cancel {0} ms into the managed-schema check")
    @ValueSource(longs = {30, 80, 150})
    void cancelMidStatementOnASlowWarehouseLeavesNoProbeSchema(long delayMillis) throws Exception {
        Cancelled run = cancelAt(managedOnly(slow), "managed-schema", delayMillis);

        assertCancelledFrom(run.report(), "managed-schema");
        assertTrue(run.millisAfterCancel() < 4000, run.millisAfterCancel() + " ms after the cancel");
        assertEverySessionClosed(slow);
        assertNoProbeLeft(slow);
    }

    @Test
    void cancelMidStatementInAPrecreatedManagedSchemaLeavesNoProbeTable() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start(Scenario.builtIn("managed-schema-precreated").withLatency(LATENCY))) {
            Cancelled run = cancelAt(managedOnly(ws), "managed-schema", 150);

            assertCancelledFrom(run.report(), "managed-schema");
            assertTrue(run.millisAfterCancel() < 4000, run.millisAfterCancel() + " ms after the cancel");
            assertEverySessionClosed(ws, 0);
            assertNoProbeLeft(ws);
        }
    }

    @Test
    void cancelWhileTheDriverIsOpeningTheSessionReturnsAtOnceAndClosesTheLateSession() throws Exception {
        Cancelled run = cancelAt(managedOnly(slow), "session", 150);

        assertCancelledFrom(run.report(), "session");
        assertTrue(run.millisAfterCancel() < 3000, run.millisAfterCancel() + " ms after the cancel");
        assertEverySessionClosed(slow);
    }

    @Test
    void cancelWhileAnHttpsAnswerIsHeldBackEndsTheExchangeAtOnce() {
        try (DemoWorkspace ws = DemoRuns.start(Scenario.builtIn("slow").withLatency(Duration.ofSeconds(5)))) {
            // The TLS check's discovery request waits 5 s for its answer; a blocked socket read does not
            // notice an interrupt, so only closing the run's socket ends it before the 2 s stop grace.
            Cancelled run = cancelAt(ws, "tls", 300);

            assertCancelledFrom(run.report(), "tls");
            assertTrue(run.millisAfterCancel() < ConnectionTester.STOP_GRACE.toMillis(),
                    run.millisAfterCancel() + " ms after the cancel");
        }
    }

    @Test
    void aCheckThatExceedsTheTimeLimitFailsWithAClearSummaryAndTheRunFinishes() {
        try (DemoWorkspace ws = DemoRuns.start(Scenario.builtIn("slow").withLatency(Duration.ofSeconds(5)))) {
            long start = System.nanoTime();
            ConnectionTestReport report = new ConnectionTester().run(request(ws).withTimeout(Duration.ofSeconds(2)),
                    ConnectionTestListener.NONE);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            // The TLS check fetches the OAuth discovery document, which the slow workspace holds back.
            CheckResult tls = result(report, "tls");
            assertEquals(CheckStatus.FAILED, tls.status(), () -> ids(report).toString());
            assertEquals("No answer within 2 s: the test’s time limit of 2 s was reached.", tls.summary());
            assertEquals(Category.NETWORK_UNREACHABLE, tls.category());
            assertTrue(tls.detail().contains("time limit"), tls.detail());
            assertFalse(report.cancelled());
            assertTrue(millis < 4000, millis + " ms");
            report.checks().subList(report.checks().indexOf(tls) + 1, report.checks().size())
                    .forEach(c -> assertEquals(CheckStatus.SKIPPED, c.status(), c.id()));
        }
    }

    @Test
    void aSessionThatOpensAfterItsCheckTimedOutIsClosedWhenItArrives() throws Exception {
        // Every answer takes 500 ms: discovery, token and warehouse end near 1.5 s, and the driver's two
        // requests (host metadata, OpenSession) near 2.6 s, so the 2.1 s limit falls while it connects.
        try (DemoWorkspace ws = DemoRuns.start(Scenario.builtIn("slow").withLatency(Duration.ofMillis(500)))) {
            long start = System.nanoTime();
            ConnectionTestReport report = new ConnectionTester().run(request(ws).withTimeout(Duration.ofMillis(2100)),
                    ConnectionTestListener.NONE);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            CheckResult session = result(report, "session");
            assertEquals(CheckStatus.FAILED, session.status(), () -> ids(report).toString());
            assertTrue(session.summary().startsWith("No answer within"), session.summary());
            assertEquals(Category.WAREHOUSE_UNAVAILABLE, session.category());
            assertTrue(millis < 5000, millis + " ms");
            assertEverySessionClosed(ws);
            assertTrue(count(ws.thriftCalls(), "OpenSession") >= 1, () -> "the session never opened: " + ws.thriftCalls());
        }
    }
}
