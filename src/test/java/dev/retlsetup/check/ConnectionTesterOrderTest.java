package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checks overlap, but the live checklist hears them in plan order, one call at a time; a listener that throws
 * ends the run; the demo's trust store is owner-only.
 */
class ConnectionTesterOrderTest {
    @Test
    void listenerHearsStartedAndFinishedInPlanOrderWhileIdentityAndCatalogOverlap() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing")
                    .withStatementOverlap(StatementOverlap.ALWAYS);
            List<String> started = Collections.synchronizedList(new ArrayList<>());
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            List<String> planned = new ArrayList<>();
            ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
                @Override
                public void planned(List<Check> checks) {
                    checks.forEach(c -> planned.add(c.id()));
                }

                @Override
                public void started(Check check) {
                    started.add(check.id());
                }

                @Override
                public void finished(CheckResult result) {
                    assertTrue(started.contains(result.id()), result.id() + " finished before it started");
                    finished.add(result.id());
                }
            });

            assertTrue(report.complete(), () -> DemoRuns.ids(report).toString());
            assertEquals(planned, started);
            assertEquals(planned, finished);
            assertEquals(planned, DemoRuns.ids(report).stream().map(s -> s.substring(0, s.indexOf('='))).toList());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.trustStorePath())));
        }
    }

    @Test
    void listenerHearsOneCallAtATimeThoughChecksEndOnTheirOwnWorkers() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing")
                    .withStatementOverlap(StatementOverlap.ALWAYS);
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
                @Override
                public void started(Check check) {
                    hear("started " + check.id());
                }

                @Override
                public void finished(CheckResult result) {
                    hear("finished " + result.id());
                }

                private void hear(String event) {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    threads.add(Thread.currentThread().getName());
                    events.add(event);
                    // Long enough for a call from another thread to land inside this one, were that possible.
                    LockSupport.parkNanos(200_000);
                    inside.decrementAndGet();
                }
            });

            assertTrue(report.complete(), () -> DemoRuns.ids(report).toString());
            assertEquals(0, overlaps.get(), "listener calls overlapped: " + events);
            assertEquals(2 * report.checks().size(), events.size(), events::toString);
            assertTrue(threads.stream().anyMatch(name -> name.startsWith("connection-test")),
                    () -> "heard only on " + threads);
        }
    }

    /** What the checklist hears once the session is open: each check's start and end, in order. */
    private static List<String> afterTheSession(ConnectionTestRequest request) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ConnectionTestReport report = new ConnectionTester().run(request, new ConnectionTestListener() {
            @Override
            public void started(Check check) {
                events.add("started " + check.id());
            }

            @Override
            public void finished(CheckResult result) {
                events.add("finished " + result.id());
            }
        });
        // main.sales is not in the scenario: its read fails, which changes nothing in the order.
        assertTrue(!report.cancelled() && report.checks().size() == 12, () -> DemoRuns.ids(report).toString());
        return events.subList(events.indexOf("finished " + SessionCheck.ID) + 1, events.size());
    }

    private static final List<String> ONE_AFTER_ANOTHER = List.of("started identity", "finished identity",
            "started catalog", "finished catalog", "started schema:main.marketing", "finished schema:main.marketing",
            "started schema:main.sales", "finished schema:main.sales", "started managed-schema", "finished managed-schema");

    @Test
    void onAWorkspaceOnThisMachineTheChecksAfterTheSessionRunOneAfterAnother() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing, main.sales");

            assertEquals(ONE_AFTER_ANOTHER, afterTheSession(request));
            assertEquals(ONE_AFTER_ANOTHER, afterTheSession(request.withStatementOverlap(StatementOverlap.NEVER)));
        }
    }

    @Test
    void overlappedTheSchemaReadsAndTheProbeStartTogetherOnceTheCatalogIsListed() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            List<String> events = afterTheSession(DemoRuns.request(ws, "main", "main.marketing, main.sales")
                    .withStatementOverlap(StatementOverlap.ALWAYS));

            assertEquals(List.of("started identity", "started catalog"), events.subList(0, 2));
            int catalog = events.indexOf("finished catalog");
            assertEquals(List.of("started schema:main.marketing", "started schema:main.sales", "started managed-schema"),
                    events.subList(catalog + 1, catalog + 4), events::toString);
        }
    }

    @Test
    void aListenerThatThrowsEndsTheRunWithItsExceptionAndTheSessionClosed() throws Exception {
        try (DemoWorkspace ws = DemoRuns.start("ready")) {
            ConnectionTestRequest request = DemoRuns.request(ws, "main", "main.marketing");
            IllegalStateException broken = new IllegalStateException("the checklist broke");
            List<String> heardAfter = Collections.synchronizedList(new ArrayList<>());
            IllegalStateException thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(IllegalStateException.class, () -> new ConnectionTester().run(request,
                            new ConnectionTestListener() {
                                private volatile boolean failed;

                                @Override
                                public void started(Check check) {
                                    if (failed) {
                                        heardAfter.add(check.id());
                                    }
                                }

                                @Override
                                public void finished(CheckResult result) {
                                    if (failed) {
                                        heardAfter.add(result.id());
                                    }
                                    if (result.id().equals(SessionCheck.ID)) {
                                        failed = true;
                                        throw broken;
                                    }
                                }
                            })));

            assertSame(broken, thrown);
            assertEquals(List.of(), heardAfter, "a listener that threw is told nothing more");
            assertTrue(ws.thriftCalls().contains("CloseSession"), () -> "session left open: " + ws.thriftCalls());
        }
    }
}
