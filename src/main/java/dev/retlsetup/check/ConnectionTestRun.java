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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What the checks learn and share during one run (addresses, the token, the JDBC session, who we
 * are), plus the clean-up actions that must run however the run ends.
 */
public final class ConnectionTestRun {
    private final ConnectionTestRequest request;
    private final Validation validation;
    /** Made on first use: its ~100 patterns compile in a fresh process only when something needs a diagnosis. */
    private volatile ErrorClassifier classifier;
    private final Deque<CleanupAction> cleanups = new ArrayDeque<>();

    volatile InetAddress[] addresses;
    volatile SSLContext sslContext;
    volatile String accessToken;
    /** The OAuth discovery answer fetched by the TLS check, reused by the sign-in check. */
    volatile Http.Response discovery;
    /** SHOW SCHEMAS of the catalog, listed by the catalog check and reused by the managed-schema check. */
    volatile java.util.List<String> catalogSchemas;
    volatile Connection connection;
    volatile String principal;
    volatile String catalog;
    volatile CatalogKind catalogKind;

    /**
     * A named clean-up step, run newest first at the end of the run (or on cancel). {@code leftover}
     * names what stays behind if the step fails (a probe the run created), null for a mere close.
     */
    public record CleanupAction(String description, ThrowingRunnable action, String leftover) {
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    static final String CLOSE_SESSION = "close the session";

    /** The statement each live worker has in flight (checks may run side by side on one session). */
    private final Map<Thread, Statement> inFlight = new ConcurrentHashMap<>();
    /** The workers running a check now, each with the sink for its check's progress messages. */
    private final Map<Thread, Consumer<String>> workers = new ConcurrentHashMap<>();
    private volatile boolean abandoned;
    private volatile Http http;
    /** The SSL context for the run's trust, made once: by the warm-up thread ahead of the TLS check, or by the check. */
    private final FutureTask<SSLContext> trustContext;

    ConnectionTestRun(ConnectionTestRequest request, Validation validation) {
        this.request = request;
        this.validation = validation;
        this.trustContext = new FutureTask<>(() -> request.trust().sslContext());
    }

    /**
     * Makes the trust context now, on the calling thread, unless it is made or being made already; and
     * the driver's copy of a custom store ({@link DriverTrustStore}), from the store just read.
     */
    void prepareTrust() {
        trustContext.run();
        if (request.trust().isCustom()) {
            // The session's copy of the store too, so the session check finds it made.
            DriverTrustStore.of(request.trust());
        }
    }

    /**
     * The run's SSL context (the trust store loaded, its trust managers made). Waits for the warm-up
     * thread when it is making it (interruptibly, so the TLS check stays cancellable); a failure to
     * load the trust store is thrown here, in the check, as if the check had loaded it.
     */
    SSLContext trustContext() throws Exception {
        trustContext.run();
        try {
            return trustContext.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }

    public ConnectionTestRequest request() {
        return request;
    }

    /**
     * Whether the checks after the session run their statements side by side: as the request says,
     * and by default unless every address DNS found for the host is this machine's
     * ({@link StatementOverlap#AUTO}). Decided when the first of them is ready, long after DNS.
     */
    boolean overlapsStatements() {
        InetAddress[] found = addresses;
        return switch (request.statementOverlap()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> found == null || found.length == 0
                    || !java.util.Arrays.stream(found).allMatch(InetAddress::isLoopbackAddress);
        };
    }

    public Validation validation() {
        return validation;
    }

    public SourceSettings settings() {
        return validation.settings();
    }

    public ErrorClassifier classifier() {
        ErrorClassifier made = classifier;
        if (made == null) {
            synchronized (this) {
                if (classifier == null) {
                    String secret = validation.settings().secret();
                    classifier = secret == null ? new ErrorClassifier() : ErrorClassifier.withSecrets(secret);
                }
                made = classifier;
            }
        }
        return made;
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

    /**
     * The verdict for a check that failed with {@code error}: a lost connection or a stall when the
     * exception chain says so, else what the classifier makes of the text.
     */
    Outcome failure(Check check, String summary, String tried, Throwable error) {
        return NetworkFault.of(error, check, this, tried, check.timeout())
                .orElseGet(() -> Outcome.failed(summary, tried, classifier().classify(error)));
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
                cleanups.push(new CleanupAction(CLOSE_SESSION, opened::close, null));
                return true;
            }
        }
        closeQuietly(opened);
        return false;
    }

    /** The calling worker runs a check: from now on it may run statements; its progress goes to {@code sink}. */
    void enter(Consumer<String> sink) {
        workers.put(Thread.currentThread(), sink);
    }

    /** The calling worker is done with its check. */
    void leave() {
        workers.remove(Thread.currentThread());
    }

    /**
     * Whether the calling thread may still act for the run: the run was not abandoned and the thread
     * runs a check that is still live (a worker whose check timed out or was cancelled may not).
     */
    boolean live() {
        return !abandoned && workers.containsKey(Thread.currentThread());
    }

    /** Refuses to start anything new on the session from a thread that is no longer {@link #live()}. */
    void ensureLive() throws SQLException {
        if (!live()) {
            throw new SQLException(Messages.CHECK.text("check.cancelled"));
        }
    }

    void track(Statement statement) {
        inFlight.put(Thread.currentThread(), statement);
    }

    /** Forgets the statement, unless a newer one is tracked already (a late worker never untracks another's). */
    void untrack(Statement statement) {
        inFlight.remove(Thread.currentThread(), statement);
    }

    /**
     * Stops the check {@code worker} runs: it may start nothing more and its statement is cancelled;
     * other checks of the run may still use the session.
     */
    void stopCheck(Thread worker) {
        if (worker == null) {
            return;
        }
        workers.remove(worker);
        Statement statement = inFlight.remove(worker);
        if (statement != null) {
            cancelQuietly(statement);
        }
        Http exchanges = http;
        if (exchanges != null && exchanges.inExchange(worker)) {
            // The HTTPS checks run one after another, so the run's connection is this worker's.
            exchanges.abort();
        }
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
        closeHttp();
    }

    /** Closes the run's HTTPS connection (kept alive between the checks): nothing outlives the run. */
    void closeHttp() {
        synchronized (this) {
            if (http != null) {
                http.abort();
            }
        }
    }

    private void cancelInFlight() {
        workers.clear();
        for (Thread worker : List.copyOf(inFlight.keySet())) {
            Statement statement = inFlight.remove(worker);
            if (statement != null) {
                cancelQuietly(statement);
            }
        }
    }

    /**
     * Asks the driver to cancel on a thread of its own: the cancel is a network call too, and a
     * workspace that stopped answering must not hold the thread that cancels (the UI's, a timer's).
     */
    private static void cancelQuietly(Statement statement) {
        Thread canceller = new Thread(() -> {
            try {
                statement.cancel();
            } catch (Exception | LinkageError ignored) {
                // Best effort: the clean-up closes the session anyway.
            }
        }, "connection-test-cancel");
        canceller.setDaemon(true);
        canceller.start();
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

    /** A progress message of the check the calling worker runs. */
    void progress(String message) {
        Consumer<String> sink = workers.get(Thread.currentThread());
        if (sink != null) {
            sink.accept(message);
        }
    }

    /** One HTTPS client per run (TLS context and kept-alive connection shared by the checks). */
    synchronized Http http() {
        if (http == null) {
            http = new Http(sslContext);
            if (abandoned) {
                http.abort();
            }
        }
        return http;
    }

    void addCleanup(String description, ThrowingRunnable action) {
        addCleanup(description, action, null);
    }

    /** A clean-up that drops {@code leftover} (a probe this run creates): if it fails, the report names it. */
    void addCleanup(String description, ThrowingRunnable action, String leftover) {
        synchronized (cleanups) {
            cleanups.push(new CleanupAction(description, action, leftover));
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
