package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.ErrorClassifier;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.Validation;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What the checks learn and share during one run (addresses, the token, the JDBC session, who we
 * are), plus the clean-up actions that must run however the run ends.
 */
public final class ConnectionTestRun {
    private final ConnectionTestRequest request;
    private final Validation validation;
    private final ErrorClassifier classifier;
    private final Deque<CleanupAction> cleanups = new ArrayDeque<>();
    private volatile Consumer<String> progress = message -> { };

    InetAddress[] addresses;
    SSLContext sslContext;
    String accessToken;
    /** The OAuth discovery answer fetched by the TLS check, reused by the sign-in check. */
    java.net.http.HttpResponse<String> discovery;
    /** SHOW SCHEMAS of the catalog, listed by the catalog check and reused by the managed-schema check. */
    java.util.List<String> catalogSchemas;
    volatile Connection connection;
    String principal;
    String catalog;
    CatalogKind catalogKind;

    /** A named clean-up step, run newest first at the end of the run (or on cancel). */
    public record CleanupAction(String description, ThrowingRunnable action) {
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    static final String CLOSE_SESSION = "close the session";

    private final AtomicReference<Statement> inFlight =
            new AtomicReference<>();
    private volatile boolean abandoned;
    private volatile Thread worker;
    private Http http;

    ConnectionTestRun(ConnectionTestRequest request, Validation validation) {
        this.request = request;
        this.validation = validation;
        String secret = validation.settings().secret();
        this.classifier = secret == null ? new ErrorClassifier() : ErrorClassifier.withSecrets(secret);
    }

    public ConnectionTestRequest request() {
        return request;
    }

    public Validation validation() {
        return validation;
    }

    public SourceSettings settings() {
        return validation.settings();
    }

    public ErrorClassifier classifier() {
        return classifier;
    }

    public String principal() {
        return principal;
    }

    public CatalogKind catalogKind() {
        return catalogKind;
    }

    public String catalog() {
        return catalog;
    }

    /** Every secret this run knows, for masking anything shown to the user. */
    String[] secrets() {
        String secret = settings().secret();
        return new String[] {secret == null ? "" : secret, accessToken == null ? "" : accessToken};
    }

    /**
     * Keeps a new connection for the run, or closes it at once when the run (or the check that opened
     * it) was already given up on: a session that opens late is never left open.
     *
     * @return whether the run kept it
     */
    boolean adoptConnection(Connection opened) {
        synchronized (cleanups) {
            if (live()) {
                connection = opened;
                cleanups.push(new CleanupAction(CLOSE_SESSION, opened::close));
                return true;
            }
        }
        closeQuietly(opened);
        return false;
    }

    /** The calling worker runs the current check: from now on it may run statements. */
    void enter() {
        worker = Thread.currentThread();
    }

    /** The calling worker is done with its check. */
    void leave() {
        if (worker == Thread.currentThread()) {
            worker = null;
        }
    }

    /**
     * Whether the calling thread may still act for the run: the run was not abandoned and the thread
     * runs the current check (a worker whose check timed out or was cancelled may not).
     */
    boolean live() {
        return !abandoned && worker == Thread.currentThread();
    }

    /** Refuses to start anything new on the session from a thread that is no longer {@link #live()}. */
    void ensureLive() throws SQLException {
        if (!live()) {
            throw new SQLException(Messages.CHECK.text("check.cancelled"));
        }
    }

    void track(Statement statement) {
        inFlight.set(statement);
    }

    /** Forgets the statement, unless a newer one is tracked already (a late worker never untracks another's). */
    void untrack(Statement statement) {
        inFlight.compareAndSet(statement, null);
    }

    /**
     * Stops the current check: its worker may start nothing more and its statement is cancelled;
     * later checks of the run may still use the session.
     */
    void stopCheck() {
        worker = null;
        cancelInFlight();
    }

    /**
     * Stops the whole run: the statement in flight is cancelled, no thread may start anything new,
     * and a connection still opening is closed when it arrives.
     */
    void abandon() {
        synchronized (cleanups) {
            abandoned = true;
        }
        cancelInFlight();
    }

    private void cancelInFlight() {
        Statement statement = inFlight.getAndSet(null);
        if (statement != null) {
            try {
                statement.cancel();
            } catch (Exception | LinkageError ignored) {
                // Best effort: the clean-up closes the session anyway.
            }
        }
    }

    boolean abandoned() {
        return abandoned;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing more can be done about a session that will not close.
        }
    }

    void onProgress(Consumer<String> sink) {
        this.progress = sink;
    }

    void progress(String message) {
        progress.accept(message);
    }

    /** One HTTPS client per run (TLS context, connection pool and selector thread made once). */
    synchronized Http http() {
        if (http == null) {
            http = new Http(this);
        }
        return http;
    }

    void addCleanup(String description, ThrowingRunnable action) {
        synchronized (cleanups) {
            cleanups.push(new CleanupAction(description, action));
        }
    }

    void removeCleanup(String description) {
        synchronized (cleanups) {
            cleanups.removeIf(c -> c.description().equals(description));
        }
    }

    /** Pops every clean-up action, newest first. Call after {@link #abandon()}, so nothing registers later. */
    Deque<CleanupAction> drainCleanups() {
        synchronized (cleanups) {
            Deque<CleanupAction> all = new ArrayDeque<>(cleanups);
            cleanups.clear();
            return all;
        }
    }
}
