package dev.retlsetup.model;

import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.SourceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One driver session as the service principal (opened the way the connection test opens it,
 * {@link JdbcUrl}), running one statement at a time, each with a time limit, each cancellable from
 * another thread: both stop the statement on the warehouse ({@link Statement#cancel()}), not just
 * the wait for it. Every statement's time is recorded.
 */
final class WarehouseSession implements AutoCloseable {
    static final String DRIVER = "com.databricks.client.jdbc.Driver";

    /** A statement that did not finish: the user cancelled, or it ran past its time limit. */
    static final class Stopped extends Exception {
        final boolean timedOut;

        Stopped(boolean timedOut) {
            super(timedOut ? "timed out" : "cancelled", null, false, false);
            this.timedOut = timedOut;
        }
    }

    /** Reads what a statement returned. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final Duration timeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "model-check-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final List<StatementTiming> timings = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile Statement inFlight;
    private volatile CompletableFuture<Connection> opening;
    private Connection connection;

    WarehouseSession(Duration timeout) {
        this.timeout = timeout;
    }

    /** Opens the session within the time limit; a connection that arrives after a cancel or timeout is closed. */
    void open(SourceSettings settings, TrustConfig trust, Duration limit) throws SQLException, Stopped {
        CompletableFuture<Connection> future = CompletableFuture.supplyAsync(() -> {
            try {
                Class.forName(DRIVER);
                return DriverManager.getConnection(JdbcUrl.url(settings), JdbcUrl.properties(settings, trust));
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the Databricks JDBC driver is missing from this build", e);
            }
        });
        opening = future;
        if (cancelled) {
            future.cancel(true);
        }
        try {
            connection = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(future);
            throw new Stopped(true);
        } catch (CancellationException e) {
            abandon(future);
            throw new Stopped(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(future);
            throw new Stopped(false);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        } finally {
            opening = null;
        }
        if (cancelled) {
            close();
            throw new Stopped(false);
        }
    }

    /** A late connection is closed as soon as it opens. */
    private static void abandon(CompletableFuture<Connection> future) {
        future.cancel(true);
        future.thenAccept(WarehouseSession::closeQuietly);
    }

    /**
     * Runs one query, reading at most {@code maxRows} rows (the driver is told too), within the time limit.
     *
     * @throws Stopped when cancelled or past the time limit (the statement was cancelled on the warehouse)
     */
    <T> T query(String check, String sql, int maxRows, Reader<T> reader) throws SQLException, Stopped {
        if (cancelled) {
            throw new Stopped(false);
        }
        long start = System.nanoTime();
        boolean ok = false;
        boolean[] timedOut = {false};
        try (Statement statement = connection.createStatement()) {
            if (maxRows > 0) {
                statement.setMaxRows(maxRows);
            }
            inFlight = statement;
            ScheduledFuture<?> limit = timer.schedule(() -> {
                timedOut[0] = true;
                cancelQuietly(statement);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet rows = statement.executeQuery(sql)) {
                T value = reader.read(rows);
                ok = true;
                return value;
            } catch (SQLException e) {
                if (cancelled || timedOut[0]) {
                    throw new Stopped(timedOut[0] && !cancelled);
                }
                throw e;
            } finally {
                limit.cancel(false);
                inFlight = null;
            }
        } finally {
            synchronized (timings) {
                timings.add(new StatementTiming(check, sql, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), ok));
            }
        }
    }

    /** Runs a statement without a result worth reading (USE CATALOG). */
    void execute(String check, String sql) throws SQLException, Stopped {
        query(check, sql, 0, rows -> null);
    }

    List<StatementTiming> timings() {
        synchronized (timings) {
            return List.copyOf(timings);
        }
    }

    /** The last statement's time. */
    long lastMillis() {
        synchronized (timings) {
            return timings.isEmpty() ? 0 : timings.get(timings.size() - 1).millis();
        }
    }

    /** From any thread: stops the statement in flight (or the session being opened); nothing new starts. */
    void cancel() {
        cancelled = true;
        Statement statement = inFlight;
        if (statement != null) {
            cancelQuietly(statement);
        }
        CompletableFuture<Connection> future = opening;
        if (future != null) {
            future.cancel(true);
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // Finished already, or the session is gone: nothing left running.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        Connection c = connection;
        connection = null;
        if (c != null) {
            closeQuietly(c);
        }
    }
}
