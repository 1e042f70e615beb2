package dev.retlsetup.admin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one admin operation runs now (its API client, a plan, a session, a re-test), so that one
 * cancel stops all of it from any thread, and whatever starts after the cancel is stopped as it starts.
 */
final class Cancels {
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** Something starts: {@code stop} stops it on cancel (at once when cancelled already). */
    void starting(Runnable stop) {
        running.add(stop);
        if (cancelled) {
            stop.run();
        }
    }

    /** It ended: a later cancel leaves it alone. */
    void ended(Runnable stop) {
        running.remove(stop);
    }

    void cancel() {
        cancelled = true;
        for (Runnable stop : running) {
            stop.run();
        }
    }
}
