package dev.retlsetup.check;

import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.i18n.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The end of every run: what its checks made in the workspace is dropped, its session closed, each step bounded. */
final class RunCleanup {
    /** The whole clean-up's budget, and each step's: a workspace that stopped answering must not hold the exit. */
    static final Duration LIMIT = Duration.ofSeconds(12);
    private static final Duration STEP_LIMIT = Duration.ofSeconds(8);

    private RunCleanup() {
    }

    /**
     * Drops probe objects and closes the session, newest first, within {@link #LIMIT} in all.
     * The run is abandoned first: a worker still running can start nothing more, and a session that
     * opens late closes itself. A probe whose DROP fails or gets no answer is returned as a leftover.
     */
    static List<Leftover> run(ConnectionTestRun run, ExecutorService workers) {
        run.abandon();
        boolean interrupted = Thread.interrupted();
        List<Leftover> leftovers = new ArrayList<>();
        long until = System.nanoTime() + LIMIT.toNanos();
        try {
            for (ConnectionTestRun.CleanupAction action : run.drainCleanups()) {
                long limit = Math.min(STEP_LIMIT.toNanos(), Math.max(0, until - System.nanoTime()));
                String failure = null;
                if (limit == 0) {
                    failure = Messages.CHECK.text("cleanup.leftover.timeout", LIMIT.toSeconds());
                } else {
                    // On a worker: a step that stops answering is given up on (interrupted) after its limit.
                    Future<?> future = workers.submit(() -> {
                        action.action().run();
                        return null;
                    });
                    try {
                        failure = waitFor(future, limit);
                    } catch (InterruptedException e) {
                        // Clean-up is not optional: finish it (within its limit), then restore the interrupt.
                        interrupted = true;
                        failure = waitForUninterruptibly(future, Math.max(0, until - System.nanoTime()));
                    }
                }
                if (failure != null && action.leftover() != null) {
                    leftovers.add(new Leftover(action.leftover(), action.description(),
                            SecretMasker.mask(failure, run.secrets())));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return leftovers;
    }

    /** Null when the step succeeded, else why it did not. */
    private static String waitFor(Future<?> future, long limitNanos) throws InterruptedException {
        try {
            future.get(limitNanos, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Messages.CHECK.text("cleanup.leftover.failed",
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (TimeoutException e) {
            future.cancel(true);
            return Messages.CHECK.text("cleanup.leftover.timeout", Math.max(1, Math.round(limitNanos / 1e9)));
        }
    }

    private static String waitForUninterruptibly(Future<?> future, long limitNanos) {
        try {
            return waitFor(future, limitNanos);
        } catch (InterruptedException e) {
            future.cancel(true);
            return Messages.CHECK.text("check.cancelled");
        }
    }
}
