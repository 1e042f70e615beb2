package dev.retlsetup.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The SQL warehouse's life cycle: STOPPED until started (REST start, or the first query),
 * then STARTING for the scenario's delay, then RUNNING. Time is read lazily from the clock, so
 * there is no background thread to stop.
 */
final class Warehouse {
    private final Clock clock;
    private final Duration startingDelay;
    private String state;
    private Instant startedAt;

    Warehouse(String initialState, Duration startingDelay, Clock clock) {
        this.clock = clock;
        this.startingDelay = startingDelay;
        this.state = initialState;
        if ("STARTING".equals(initialState)) {
            startedAt = clock.instant();
        }
    }

    synchronized String state() {
        if ("STARTING".equals(state) && !clock.instant().isBefore(startedAt.plus(startingDelay))) {
            state = "RUNNING";
        }
        return state;
    }

    synchronized boolean isRunning() {
        return "RUNNING".equals(state());
    }

    /** Starts a stopped warehouse; a no-op in any other state. */
    synchronized void start() {
        String current = state();
        if ("STOPPED".equals(current) || "STOPPING".equals(current)) {
            state = "STARTING";
            startedAt = clock.instant();
        }
    }
}
