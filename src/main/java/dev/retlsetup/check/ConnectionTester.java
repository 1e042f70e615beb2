package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Validation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs the checks in order on the caller's thread, each body on a worker with its own time limit.
 * A check whose prerequisites did not pass is skipped with the reason; independent checks still
 * run, so one run shows every problem. {@link #cancel()} stops at once from any thread; clean-up
 * (probe objects dropped, session closed) always runs.
 */
public final class ConnectionTester {
    private static final Duration CLEANUP_LIMIT = Duration.ofSeconds(15);
    /**
     * How long a check that was cancelled or timed out may take to notice (its statement is
     * cancelled, its thread interrupted) before the run moves on. Waiting matters for clean-up: a
     * DROP of a probe must not overtake the CREATE still in flight.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "connection-test");
        thread.setDaemon(true);
        return thread;
    });
    private final ResultAssembler assembler = new ResultAssembler();
    private volatile boolean cancelled;
    /** Set when the overall time limit cut the run short (a check hit it, or checks were skipped for it). */
    private volatile boolean timedOut;
    private volatile Future<?> current;
    private volatile ConnectionTestRun session;

    /** The checks a run of these settings consists of, in order. */
    public static List<Check> plan(Validation validation) {
        List<Check> checks = new ArrayList<>(List.of(new ValidationCheck(), new DnsCheck(), new TcpCheck(),
                new TlsCheck(), new OAuthCheck(), new WarehouseCheck(), new SessionCheck(), new IdentityCheck(),
                new CatalogCheck()));
        for (String schema : validation.settings().schemas()) {
            checks.add(new SchemaReadCheck(schema));
        }
        checks.add(new ManagedSchemaCheck());
        return checks;
    }

    /** Stops the run: the check in flight ends as skipped, the rest are skipped, clean-up runs. */
    public void cancel() {
        cancelled = true;
        ConnectionTestRun running = session;
        if (running != null) {
            running.abandon();
        }
        Future<?> inFlight = current;
        if (inFlight != null) {
            inFlight.cancel(true);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the whole test; blocks the calling thread (never call it on a UI thread). */
    public ConnectionTestReport run(ConnectionTestRequest request, ConnectionTestListener listener) {
        Instant startedAt = Instant.now();
        Validation validation = request.validation();
        ConnectionTestRun run = new ConnectionTestRun(request, validation);
        session = run;
        List<Check> checks = selected(plan(validation), request.onlyChecks());
        listener.planned(checks);
        Map<String, CheckResult> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + request.timeout().toNanos();
        try {
            for (Check check : checks) {
                CheckResult result = runOne(check, run, results, deadline, listener);
                results.put(check.id(), result);
                listener.finished(result);
            }
        } finally {
            cleanUp(run);
            workers.shutdown();
        }
        return new ConnectionTestReport(startedAt, new ArrayList<>(results.values()), run.principal(), run.catalogKind(),
                run.catalog(), cancelled, timedOut);
    }

    private CheckResult runOne(Check check, ConnectionTestRun run, Map<String, CheckResult> results, long deadline,
            ConnectionTestListener listener) {
        String skip = skipReason(check, run.validation(), results, deadline);
        if (skip != null) {
            return CheckResult.skipped(check, skip);
        }
        listener.started(check);
        long start = System.nanoTime();
        if (cancelled) {
            // Cancelled from the listener (or another thread) as the check started: do not begin it.
            return CheckResult.cancelled(check, 0);
        }
        run.onProgress(message -> listener.progress(check, message));
        long remaining = deadline - System.nanoTime();
        boolean overall = remaining < check.timeout().toNanos();
        long limit = overall ? remaining : check.timeout().toNanos();
        Outcome outcome = execute(check, run, limit, overall);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (cancelled) {
            // Whatever the check made of its statement being cancelled, the user stopped the run.
            return CheckResult.cancelled(check, millis);
        }
        return assembler.assemble(check, outcome, millis, run);
    }

    private Outcome execute(Check check, ConnectionTestRun run, long limitNanos, boolean overallLimit) {
        CountDownLatch done = new CountDownLatch(1);
        Future<Outcome> future = workers.submit(() -> {
            run.enter();
            try {
                return check.run(run);
            } finally {
                run.leave();
                done.countDown();
            }
        });
        current = future;
        if (cancelled) {
            // cancel() ran between the check starting and current being set.
            future.cancel(true);
        }
        try {
            return future.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.stopCheck();
            future.cancel(true);
            awaitStop(done);
            long seconds = Math.max(1, Math.round(limitNanos / 1e9));
            timedOut |= overallLimit;
            String summary = overallLimit
                    ? Messages.CHECK.text("check.timeout.overall", seconds, run.request().timeout().toSeconds())
                    : Messages.CHECK.text("check.timeout", seconds);
            return Outcome.failed(summary, null, timeoutCategory(check), Messages.CHECK.text("check.timeout.explanation"),
                    null);
        } catch (CancellationException e) {
            run.stopCheck();
            awaitStop(done);
            return Outcome.cancelled(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            awaitStop(done);
            return Outcome.cancelled(null);
        } catch (ExecutionException e) {
            if (cancelled) {
                return Outcome.cancelled(null);
            }
            Diagnosis diagnosis = run.classifier().classify(e.getCause());
            return Outcome.failed(Messages.CHECK.text("check.error", check.title()), null, diagnosis);
        } finally {
            current = null;
        }
    }

    /** Gives a stopped check's worker a moment to end, so it cannot race the clean-up or the next check. */
    private static void awaitStop(CountDownLatch done) {
        boolean interrupted = Thread.interrupted();
        try {
            done.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Category timeoutCategory(Check check) {
        return switch (check.id()) {
            case DnsCheck.ID -> Category.HOST_NOT_FOUND;
            case TcpCheck.ID, TlsCheck.ID, OAuthCheck.ID -> Category.NETWORK_UNREACHABLE;
            default -> Category.WAREHOUSE_UNAVAILABLE;
        };
    }

    private String skipReason(Check check, Validation validation, Map<String, CheckResult> results, long deadline) {
        if (cancelled) {
            return Messages.CHECK.text("check.cancelled");
        }
        List<String> blocked = check.requires().stream()
                .map(results::get)
                .filter(r -> r != null && r.status() != CheckStatus.PASSED && r.status() != CheckStatus.WARNING)
                .map(CheckResult::title)
                .toList();
        if (!blocked.isEmpty()) {
            return Messages.CHECK.text("check.skipped.after", String.join(", ", blocked));
        }
        Set<Field> invalid = new HashSet<>();
        for (Field field : check.needs()) {
            if (!validation.valid(field)) {
                invalid.add(field);
            }
        }
        if (!invalid.isEmpty()) {
            String names = invalid.stream().sorted().map(f -> Messages.CHECK.text("field." + f.jsonName()))
                    .collect(Collectors.joining(", "));
            return Messages.CHECK.text("check.skipped.settings", names);
        }
        if (System.nanoTime() >= deadline) {
            timedOut = true;
            return Messages.CHECK.text("check.skipped.deadline");
        }
        return null;
    }

    /** Re-running some checks re-runs everything they depend on, since state (token, session) is per run. */
    static List<Check> selected(List<Check> all, Set<String> only) {
        if (only.isEmpty()) {
            return all;
        }
        Map<String, Check> byId = new LinkedHashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        Set<String> keep = new HashSet<>();
        List<String> pending = new ArrayList<>(only);
        while (!pending.isEmpty()) {
            String id = pending.remove(pending.size() - 1);
            Check check = byId.get(id);
            if (check != null && keep.add(id)) {
                pending.addAll(check.requires());
            }
        }
        keep.add(ValidationCheck.ID);
        return all.stream().filter(c -> keep.contains(c.id())).toList();
    }

    /**
     * Drops probe objects and closes the session, newest first, each within a time limit. The run is
     * abandoned first: a worker still running can start nothing more, and a session that opens late
     * closes itself.
     */
    private void cleanUp(ConnectionTestRun run) {
        run.abandon();
        boolean interrupted = Thread.interrupted();
        ExecutorService cleaner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "connection-test-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (ConnectionTestRun.CleanupAction action : run.drainCleanups()) {
                Future<?> future = cleaner.submit(() -> {
                    action.action().run();
                    return null;
                });
                try {
                    future.get(CLEANUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // Clean-up is not optional: finish it, then restore the interrupt.
                    interrupted = true;
                    waitQuietly(future);
                } catch (ExecutionException | TimeoutException e) {
                    future.cancel(true);
                }
            }
        } finally {
            cleaner.shutdown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void waitQuietly(Future<?> future) {
        try {
            future.get(CLEANUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
        } catch (ExecutionException | TimeoutException e) {
            future.cancel(true);
        }
    }
}
