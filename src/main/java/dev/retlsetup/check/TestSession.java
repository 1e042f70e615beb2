package dev.retlsetup.check;

import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.ErrorClassifier;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.Validation;
import java.net.InetAddress;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What the checks learn and share during one run (addresses, the token, the JDBC session, who we
 * are), plus the clean-up actions that must run however the run ends.
 */
public final class TestSession {
    private final TestRequest request;
    private final Validation validation;
    private final ErrorClassifier classifier;
    private final Deque<CleanupAction> cleanups = new ArrayDeque<>();
    private volatile Consumer<String> progress = message -> { };

    InetAddress[] addresses;
    SSLContext sslContext;
    String accessToken;
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

    private volatile java.sql.Statement inFlight;
    private volatile boolean abandoned;

    TestSession(TestRequest request, Validation validation) {
        this.request = request;
        this.validation = validation;
        String secret = validation.settings().secret();
        this.classifier = secret == null ? new ErrorClassifier() : ErrorClassifier.withSecrets(secret);
    }

    public TestRequest request() {
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

    /** Keeps a new connection, or closes it at once when the run already gave up on it. */
    void adoptConnection(Connection opened) {
        connection = opened;
        addCleanup("close the session", opened::close);
        if (abandoned) {
            closeQuietly(opened);
        }
    }

    void track(java.sql.Statement statement) {
        inFlight = statement;
    }

    /** Stops what is in flight: the statement is cancelled; a connection still opening is closed when it arrives. */
    void abandon() {
        abandoned = true;
        java.sql.Statement statement = inFlight;
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

    /** Pops every clean-up action, newest first. */
    Deque<CleanupAction> drainCleanups() {
        synchronized (cleanups) {
            Deque<CleanupAction> all = new ArrayDeque<>(cleanups);
            cleanups.clear();
            return all;
        }
    }
}
