package dev.retlsetup.demo;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * One statement's run on the engine, cancellable from another thread (the driver's
 * CancelOperation): the engine statement in flight is cancelled, and none starts afterwards.
 */
final class Execution {
    private boolean cancelled;
    private Statement running;

    /** Registers the engine statement about to run. */
    synchronized void running(Statement statement) throws SqlError {
        if (cancelled) {
            throw DatabricksErrors.canceled();
        }
        running = statement;
    }

    synchronized void cancel() {
        cancelled = true;
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException ignored) {
                // The statement finished or its connection closed: nothing left to stop.
            }
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
