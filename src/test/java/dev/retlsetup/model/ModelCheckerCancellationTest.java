package dev.retlsetup.model;

import dev.retlsetup.source.SourceValidator;
import static dev.retlsetup.model.ModelRuns.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cancel and the per-statement time limit stop the statement on the warehouse, not just the wait. */
class ModelCheckerCancellationTest {
    /** Hundreds of millions of joined rows: only a cancel on the warehouse ends the identifier count. */
    private static final String HEAVY = "SELECT a.event_id FROM main.events.page_views a "
            + "JOIN main.events.page_views b ON a.user_id <> b.user_id";
    private static DemoWorkspace large;

    @BeforeAll
    static void start() {
        large = ModelRuns.start(Scenario.builtIn("large").withGeneratedRows(20_000));
    }

    @AfterAll
    static void stop() {
        large.close();
    }

    private static ModelRequest heavy(Duration timeout) {
        return new ModelRequest(SourceValidator.validate(ModelRuns.input(large, "main"), false), ModelRuns.trust(large), HEAVY, "event_id", 0, timeout);
    }

    @Test
    void cancelDuringTheKeyCheckCancelsItsStatementOnTheWarehouse() {
        ModelChecker checker = new ModelChecker();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        long[] cancelledAt = new long[1];
        try {
            ModelReport report = checker.run(heavy(Duration.ofSeconds(60)), new ModelListener() {
                @Override
                public void started(ModelStep step) {
                    if (step.id().equals(ModelStep.KEY)) {
                        later.schedule(() -> {
                            cancelledAt[0] = System.nanoTime();
                            checker.cancel();
                        }, 500, TimeUnit.MILLISECONDS);
                    }
                }
            });
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt[0]);
            assertTrue(report.cancelled());
            assertFalse(report.ok());
            assertEquals(CheckStatus.SKIPPED, result(report, "key").status());
            assertEquals("Cancelled.", result(report, "key").summary());
            assertTrue(large.thriftCalls().contains("CancelOperation"), large.thriftCalls().toString());
            assertTrue(stopMillis < 5_000, "stopped " + stopMillis + " ms after cancel");
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aStatementPastItsTimeLimitIsCancelledAndFails() {
        long start = System.nanoTime();
        ModelReport report = new ModelChecker().run(heavy(Duration.ofSeconds(1)), ModelListener.NONE);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        var key = result(report, "key");
        assertEquals(CheckStatus.FAILED, key.status(), key::toString);
        assertTrue(key.summary().contains("within 1 s"), key.summary());
        assertFalse(report.cancelled());
        assertTrue(millis < 20_000, millis + " ms");
    }

    @Test
    void cancelBeforeTheRunSkipsEverythingAndSendsNothing() {
        try (DemoWorkspace ws = ModelRuns.start("ready")) {
            ModelChecker checker = new ModelChecker();
            checker.cancel();
            ModelReport report = checker.run(ModelRuns.request(ws, "SELECT * FROM marketing.users", "user_id"),
                    ModelListener.NONE);
            assertTrue(report.checks().stream().allMatch(c -> c.status() == CheckStatus.SKIPPED));
            assertEquals(0, ws.thriftCalls().size());
        }
    }
}
