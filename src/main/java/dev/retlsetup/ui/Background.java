package dev.retlsetup.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way the UI runs work off the FX thread: injected into every view model and controller that does
 * I/O, so none starts threads of its own, and tests run everything on their own thread.
 *
 * <pre>
 * background.task(() -&gt; store.list())
 *         .onSuccess(list -&gt; sources.setAll(list))     // on the FX thread
 *         .onFailure(e -&gt; message.set(e.getMessage()))  // on the FX thread
 *         .start();
 * </pre>
 *
 * {@link #shutdown(Duration)} stops it on exit. The connection tester keeps its own workers: each check needs
 * its own time limit and interruption, which this service does not offer.
 */
public final class Background {
    /** Work that returns a value or fails. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work scheduled for later ({@link #after}): it can be dropped, or done at once. */
    public interface Delayed {
        void cancel();

        /** Does the work now, on the calling thread, unless it ran or was cancelled already. */
        void runNow();
    }

    private final Executor workers;
    private final Executor ui;
    private final ScheduledExecutorService timer;
    private final ExecutorService ownedWorkers;
    /** Same-thread mode: delayed work waits here until {@link #runDelayed()}. */
    private final List<Once> held = new ArrayList<>();

    private Background(ExecutorService workers, Executor ui, ScheduledExecutorService timer) {
        this.workers = workers == null ? Runnable::run : workers;
        this.ownedWorkers = workers;
        this.ui = ui;
        this.timer = timer;
    }

    /** For the app: daemon worker threads, results delivered through {@code ui} ({@code Platform::runLater}). */
    public static Background forApp(Executor ui) {
        return new Background(Executors.newCachedThreadPool(daemon("wizard-background")), ui,
                Executors.newSingleThreadScheduledExecutor(daemon("wizard-timer")));
    }

    /**
     * For tests: work runs at once on the calling thread and results are delivered at once; delayed work
     * waits for {@link #runDelayed()}, so a test says when time has passed instead of sleeping.
     */
    public static Background sameThread() {
        return new Background(null, Runnable::run, null);
    }

    /** Starts building a task; nothing runs before {@link Task#start()}. */
    public <T> Task<T> task(Work<T> work) {
        return new Task<>(work);
    }

    /** Runs work whose outcome nobody waits for (a failure is dropped: such work handles its own). */
    public void execute(Runnable work) {
        workers.execute(work);
    }

    /** Delivers {@code update} on the UI thread. */
    public void onUi(Runnable update) {
        ui.execute(update);
    }

    /** Runs {@code work} on a worker after {@code delay} (debounced saves). */
    public Delayed after(Duration delay, Runnable work) {
        Once once = new Once(work);
        if (timer == null) {
            synchronized (held) {
                held.add(once);
            }
        } else {
            once.future = timer.schedule(() -> workers.execute(once::runNow), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        return once;
    }

    /** Same-thread mode: does the delayed work that is due (all of it). */
    public void runDelayed() {
        List<Once> due;
        synchronized (held) {
            due = new ArrayList<>(held);
            held.clear();
        }
        due.forEach(Once::runNow);
    }

    /** On exit: no new work starts; running work gets {@code wait} to finish. */
    public void shutdown(Duration wait) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (ownedWorkers != null) {
            ownedWorkers.shutdown();
            try {
                ownedWorkers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A task being built: what to do with its result and its failure, both on the UI thread. */
    public final class Task<T> {
        private final Work<T> work;
        private Consumer<? super T> success = value -> { };
        private Consumer<? super Exception> failure = error -> { };

        private Task(Work<T> work) {
            this.work = work;
        }

        public Task<T> onSuccess(Consumer<? super T> handler) {
            this.success = handler;
            return this;
        }

        public Task<T> onFailure(Consumer<? super Exception> handler) {
            this.failure = handler;
            return this;
        }

        public void start() {
            workers.execute(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    ui.execute(() -> failure.accept(e));
                    return;
                }
                ui.execute(() -> success.accept(value));
            });
        }
    }

    private static final class Once implements Delayed {
        private final Runnable work;
        private boolean done;
        private ScheduledFuture<?> future;

        Once(Runnable work) {
            this.work = work;
        }

        @Override
        public synchronized void cancel() {
            done = true;
            if (future != null) {
                future.cancel(false);
            }
        }

        @Override
        public void runNow() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                if (future != null) {
                    future.cancel(false);
                }
            }
            work.run();
        }
    }
}
