package dev.retlsetup.check;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.i18n.Messages;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs the checks of a plan, each body on a worker with its own time limit ({@link Attempt}). A check starts once the
 * checks it waits for have finished, so independent ones overlap (identity beside catalog, the
 * schema reads and the managed-schema probe side by side on one session, unless the workspace shares this
 * machine's cores: {@link StatementOverlap}), while the listener hears started and finished in plan
 * order ({@link Schedule}): the worker whose check ended starts the next itself, so dependent checks follow each other
 * on one thread. A check whose prerequisites did not pass is skipped with the reason; independent checks
 * still run, so one run shows every problem. The driver's classes load in the background from the
 * start ({@link DriverWarmup}), while DNS, TCP, TLS, the sign-in and the warehouse call run; the
 * TLS check's SSL context is made beside it, while the settings, DNS and TCP are checked.
 * {@link #cancel()} stops at once from any thread; clean-up ({@link RunCleanup}: probe objects dropped, session closed)
 * always runs, and whatever it could not drop is named in the report.
 */
public final class ConnectionTester {
    /**
     * How long a check that was cancelled or timed out may take to notice (its statement is
     * cancelled, its thread interrupted) before the run moves on. Waiting matters for clean-up: a
     * DROP of a probe must not overtake the CREATE still in flight.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);

    /**
     * The checks' threads, shared by every run of the process: a check's body (and a stop's grace, and
     * the clean-up's steps) start on threads already running, not on a new thread each on the critical
     * path. Idle threads end after a minute; daemons, so they never hold the exit.
     */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "connection-test");
                thread.setDaemon(true);
                return thread;
            });
    /** Keeps the checks' time limits: one daemon thread for the process, doing nothing but hand a stop to a worker. */
    private static final ScheduledThreadPoolExecutor LIMITS = limits();
    private final ExecutorService workers = WORKERS;
    private final ResultAssembler assembler = new ResultAssembler();
    /** The checks whose bodies run now (or are about to): a cancel stops each. */
    private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;
    /** Set when the overall time limit cut the run short (a check hit it, or checks were skipped for it). */
    private volatile boolean timedOut;
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

    /**
     * Starts loading the driver's classes in the background now, for a caller that knows a test
     * follows (the command line, before it reads its arguments and the settings). A run starts it
     * anyway; once per process.
     */
    public static void warmUp() {
        DriverWarmup.start();
    }

    /** How long a cancelled run may take to end: the checks' grace to stop, then the whole clean-up. */
    public static Duration stopLimit() {
        return STOP_GRACE.plus(RunCleanup.LIMIT).plusSeconds(1);
    }

    /** Stops the run: the checks in flight end as skipped, the rest are skipped, clean-up runs. */
    public void cancel() {
        cancelled = true;
        ConnectionTestRun running = session;
        if (running != null) {
            running.abandon();
        }
        for (Attempt attempt : List.copyOf(inFlight)) {
            attempt.stop(true);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Waits until a {@link #run} in progress has returned (its clean-up done), at most {@code limit}.
     * For a shutdown hook: cancel, then give the clean-up its bounded time before the process ends.
     *
     * @return whether the run finished in time (true too when no run was started)
     */
    public boolean awaitFinished(Duration limit) throws InterruptedException {
        return session == null || finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the whole test; blocks the calling thread (never call it on a UI thread). */
    public ConnectionTestReport run(ConnectionTestRequest request, ConnectionTestListener listener) {
        Instant startedAt = Instant.now();
        Validation validation = request.validation();
        ConnectionTestRun run = new ConnectionTestRun(request, validation);
        session = run;
        List<Check> checks = selected(plan(validation), request.onlyChecks());
        boolean tls = checks.stream().anyMatch(c -> c.id().equals(TlsCheck.ID));
        boolean driver = checks.stream().anyMatch(c -> c.id().equals(SessionCheck.ID));
        if (tls) {
            // The TLS check needs it first, and everything after waits for the TLS check.
            workers.execute(run::prepareTrust);
        }
        if (driver) {
            DriverWarmup.start();
        }
        listener.planned(checks);
        Schedule schedule = new Schedule(checks, run, System.nanoTime() + request.timeout().toNanos(), listener);
        List<Leftover> leftovers = List.of();
        try {
            schedule.runAll();
        } finally {
            try {
                leftovers = RunCleanup.run(run, workers);
            } finally {
                finished.countDown();
            }
        }
        schedule.rethrowFailure();
        return new ConnectionTestReport(startedAt, schedule.results(), run.principal(), run.catalogKind(), run.catalog(),
                cancelled, timedOut, leftovers);
    }

    /**
     * The checks of one run: each starts (in plan order) once what it waits for has completed, and
     * results are reported in plan order as they become available. Whichever thread has news moves the
     * run on ({@link #advance}), the worker whose check just ended most often, and it goes straight on
     * to a check that could start now: a chain of dependent checks runs on one thread, with no hand-off
     * to another between them. The listener hears one call at a time, in order.
     */
    private final class Schedule {
        private final List<Check> checks;
        private final Set<String> planned;
        private final ConnectionTestRun run;
        private final long deadline;
        private final ConnectionTestListener listener;
        /** Each check's result once it has ended, for the checks waiting on it. */
        private final Map<String, CheckResult> completed = new ConcurrentHashMap<>();
        private final List<CompletableFuture<CheckResult>> launches = new ArrayList<>();
        private final Map<String, CheckResult> reported = new LinkedHashMap<>();
        private final CountDownLatch allReported = new CountDownLatch(1);
        /** Calls to {@link #advance} not yet served: only the first caller works, and it works for all. */
        private final AtomicInteger requests = new AtomicInteger();
        /**
         * What a listener (or the schedule itself) threw, first: the listener hears nothing more, the run
         * is cancelled, and {@link ConnectionTester#run} throws it after the clean-up, as it would have
         * from its own thread. Never lost on a worker, where it would leave the run waiting for ever.
         */
        private volatile Throwable failure;

        Schedule(List<Check> checks, ConnectionTestRun run, long deadline, ConnectionTestListener listener) {
            this.checks = checks;
            this.planned = checks.stream().map(Check::id).collect(Collectors.toSet());
            this.run = run;
            this.deadline = deadline;
            this.listener = listener;
        }

        /** Starts the run and waits until every check is reported; an interrupt cancels the run. */
        void runAll() {
            advance(false);
            boolean interrupted = false;
            while (true) {
                try {
                    allReported.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The results in plan order; complete once {@link #runAll} has returned. */
        List<CheckResult> results() {
            synchronized (reported) {
                return new ArrayList<>(reported.values());
            }
        }

        /**
         * Reports what has ended and starts what may start now. The checks started go to workers, but
         * one of them is handed back for a caller that offers to run it on its own thread.
         *
         * @return the check the caller is to run itself, or null
         */
        Attempt advance(boolean runsOne) {
            if (requests.getAndIncrement() != 0) {
                // Another thread is advancing: it will see what changed before it stops.
                return null;
            }
            List<Attempt> started = new ArrayList<>();
            do {
                try {
                    step(started);
                } catch (RuntimeException | Error e) {
                    fail(e);
                    // Nothing will report the rest: the run's thread goes on to the clean-up and throws.
                    allReported.countDown();
                }
            } while (requests.decrementAndGet() != 0);
            Attempt own = runsOne && !started.isEmpty() ? started.remove(0) : null;
            started.forEach(Attempt::submit);
            return own;
        }

        private void step(List<Attempt> started) {
            boolean moved = true;
            while (moved) {
                moved = false;
                while (reported.size() < launches.size() && launches.get(reported.size()).isDone()) {
                    CheckResult result = launches.get(reported.size()).join();
                    synchronized (reported) {
                        reported.put(result.id(), result);
                    }
                    tell(() -> listener.finished(result));
                    moved = true;
                }
                while (launches.size() < checks.size() && ready(checks.get(launches.size()))) {
                    launches.add(launch(checks.get(launches.size()), started));
                    moved = true;
                }
            }
            if (reported.size() == checks.size()) {
                allReported.countDown();
            }
        }

        /** A listener call, made where the run moves on (often a check's worker): its failure must not stop the run's bookkeeping. */
        private void tell(Runnable call) {
            if (failure != null) {
                return;
            }
            try {
                call.run();
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            cancel();
        }

        void rethrowFailure() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }

        private boolean ready(Check check) {
            return check.waitsFor().stream().filter(planned::contains).allMatch(completed::containsKey)
                    && (!check.runsStatements() || run.overlapsStatements() || earlierStatementsDone(check));
        }

        /** Whether every check before this one in the plan that runs statements has completed. */
        private boolean earlierStatementsDone(Check check) {
            for (Check earlier : checks) {
                if (earlier == check) {
                    return true;
                }
                if (earlier.runsStatements() && !completed.containsKey(earlier.id())) {
                    return false;
                }
            }
            return true;
        }

        /** Skips the check, or tells the listener it starts and arms it (its limit runs from now). */
        private CompletableFuture<CheckResult> launch(Check check, List<Attempt> started) {
            String skip = skipReason(check);
            if (skip != null) {
                return done(check, CheckResult.skipped(check, skip));
            }
            tell(() -> listener.started(check));
            if (cancelled) {
                // Cancelled from the listener (or another thread) as the check started: do not begin it.
                return done(check, CheckResult.cancelled(check, 0));
            }
            long start = System.nanoTime();
            long remaining = deadline - start;
            boolean overall = remaining < check.timeout().toNanos();
            long limit = overall ? remaining : check.timeout().toNanos();
            Attempt attempt = new Attempt(this, check, start, limit, overall);
            attempt.arm();
            started.add(attempt);
            return attempt.result;
        }

        private String skipReason(Check check) {
            // Called once what the check waits for has completed, so its prerequisites' results are known.
            if (cancelled) {
                return Messages.CHECK.text("check.cancelled");
            }
            List<String> blocked = check.requires().stream()
                    .map(completed::get)
                    .filter(r -> r != null && r.status() != CheckStatus.PASSED && r.status() != CheckStatus.WARNING)
                    .map(CheckResult::title)
                    .toList();
            if (!blocked.isEmpty()) {
                return Messages.CHECK.text("check.skipped.after", String.join(", ", blocked));
            }
            Set<Field> invalid = new HashSet<>();
            for (Field field : check.needs()) {
                if (!run.validation().valid(field)) {
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

        private CompletableFuture<CheckResult> done(Check check, CheckResult result) {
            completed.put(check.id(), result);
            return CompletableFuture.completedFuture(result);
        }

        /** A check ended: it is there for the checks waiting on it. */
        void ended(CheckResult result) {
            completed.put(result.id(), result);
        }
    }

    /**
     * Runs checks on this worker, one after another: the given one, then each that its end started and
     * handed back. A pool task, so a thread of {@link #WORKERS} never holds one check's state in the next.
     */
    private static void drive(Attempt first) {
        for (Attempt next = first; next != null; next = next.successor) {
            // An interrupt is meant for the check it stopped, never for the next one on this thread.
            Thread.interrupted();
            next.body.run();
        }
    }

    /**
     * One check's body, run on a worker: it ends once, by the first of the body returning, its time
     * limit ({@link #LIMITS}) or a cancel. A limit or a cancel stops the body (its statement cancelled,
     * its thread interrupted) and gives it {@link #STOP_GRACE} to end before the check is reported, so a
     * DROP in the clean-up cannot overtake a CREATE still in flight; a body that never ends holds
     * neither the run nor its clean-up beyond that.
     */
    private final class Attempt {
        final CompletableFuture<CheckResult> result = new CompletableFuture<>();
        /** The body as a task of its own: a stop interrupts the thread only while this check runs on it. */
        final FutureTask<Void> body = new FutureTask<>(this::runBody, null);
        /** Set as the body ends, when its end started a check for this same thread to run next. */
        Attempt successor;
        private final Schedule schedule;
        private final Check check;
        private final ConnectionTestRun run;
        private final long start;
        private final long limitNanos;
        private final boolean overallLimit;
        /** Set by whichever ends the check first: the body, the limit or a cancel. */
        private final AtomicBoolean ended = new AtomicBoolean();
        /**
         * Claimed by the body as it begins, or by a stop that came first: then the body never runs,
         * and nothing waits for it (a body cancelled before it ran never counts the latch down).
         */
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Thread worker;
        private volatile ScheduledFuture<?> limit;

        Attempt(Schedule schedule, Check check, long start, long limitNanos, boolean overallLimit) {
            this.schedule = schedule;
            this.check = check;
            this.run = schedule.run;
            this.start = start;
            this.limitNanos = limitNanos;
            this.overallLimit = overallLimit;
        }

        /** Puts the check in flight with its limit running; its body runs once submitted or handed back. */
        void arm() {
            inFlight.add(this);
            limit = LIMITS.schedule(() -> stop(false), limitNanos, TimeUnit.NANOSECONDS);
            if (cancelled) {
                // cancel() ran between the check starting and it being in flight.
                stop(true);
            }
        }

        void submit() {
            workers.execute(() -> drive(this));
        }

        private void runBody() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            worker = Thread.currentThread();
            // Progress comes from this worker, while the check runs; the listener hops threads itself.
            run.enter(message -> schedule.listener.progress(check, message));
            if (ended.get()) {
                // Stopped as it began, before the stop could know this thread: start nothing.
                run.leave();
                done.countDown();
                return;
            }
            Outcome outcome;
            try {
                outcome = check.run(run);
            } catch (Throwable e) {
                outcome = cancelled ? Outcome.cancelled(null)
                        : run.failure(check, Messages.CHECK.text("check.error", check.title()), null, e);
            } finally {
                run.leave();
                done.countDown();
            }
            if (ended.compareAndSet(false, true)) {
                successor = finish(outcome, true);
            }
        }

        /** The limit was reached ({@code cancel} false) or the run cancelled: stops the body, then reports. */
        void stop(boolean cancel) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            // On a worker: the grace below waits, and neither the limits' thread nor a canceller may.
            workers.execute(() -> {
                run.stopCheck(worker);
                body.cancel(true);
                awaitStop();
                if (cancel) {
                    finish(Outcome.cancelled(null), false);
                    return;
                }
                long seconds = Math.max(1, Math.round(limitNanos / 1e9));
                timedOut |= overallLimit;
                String summary = overallLimit
                        ? Messages.CHECK.text("check.timeout.overall", seconds, run.request().timeout().toSeconds())
                        : Messages.CHECK.text("check.timeout", seconds);
                finish(Outcome.failed(summary, null, timeoutCategory(check), Messages.CHECK.text("check.timeout.explanation"),
                        null), false);
            });
        }

        /**
         * Gives a stopped check's worker a moment to end, so it cannot race the clean-up or the next
         * check; a body that had not begun is claimed instead, so it never will.
         */
        private void awaitStop() {
            if (claimed.compareAndSet(false, true)) {
                return;
            }
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

        /** Reports the check and moves the run on; returns the next check for this thread, if it offered. */
        private Attempt finish(Outcome outcome, boolean runsNext) {
            inFlight.remove(this);
            ScheduledFuture<?> timer = limit;
            if (timer != null) {
                // However it ended, its limit holds nothing (not this run) until it would have struck.
                timer.cancel(false);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            CheckResult checked;
            try {
                // Whatever the check made of its statement being cancelled, the user stopped the run.
                checked = cancelled ? CheckResult.cancelled(check, millis) : assembler.assemble(check, outcome, millis, run);
            } catch (RuntimeException | Error e) {
                checked = cancelled ? CheckResult.cancelled(check, millis)
                        : assembler.assemble(check, Outcome.failed(Messages.CHECK.text("check.error", check.title()), null,
                                run.classifier().classify(e)), millis, run);
            }
            schedule.ended(checked);
            result.complete(checked);
            return schedule.advance(runsNext);
        }
    }

    private static ScheduledThreadPoolExecutor limits() {
        ScheduledThreadPoolExecutor limits = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "connection-test-limits");
            thread.setDaemon(true);
            return thread;
        });
        // A check that ends in time drops its timer at once: a long session keeps no dead timers.
        limits.setRemoveOnCancelPolicy(true);
        return limits;
    }

    static Category timeoutCategory(Check check) {
        return switch (check.id()) {
            case DnsCheck.ID -> Category.HOST_NOT_FOUND;
            case TcpCheck.ID, TlsCheck.ID, OAuthCheck.ID -> Category.NETWORK_UNREACHABLE;
            default -> Category.WAREHOUSE_UNAVAILABLE;
        };
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
}
