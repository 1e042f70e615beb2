package dev.retlsetup.admin;

import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the wizard's pickers offer, read with a token that may read it: the warehouses
 * ({@code GET /api/2.0/sql/warehouses}), the catalogs ({@code SHOW CATALOGS}) and one catalog's
 * schemas ({@code SHOW SCHEMAS IN c}) through a real driver session, and the expiry of the service
 * principal's secret. Either as the signed-in admin (their token; SQL with token authentication) or as
 * the service principal itself (its client credentials: a client-credentials token for REST, the
 * driver's own OAuth sign-in for SQL, as the connection test opens it).
 *
 * <p>A service principal sees only what it may use: the warehouse list holds the warehouses it has CAN
 * USE on, {@code SHOW CATALOGS} the catalogs it holds a privilege on. Every call has the time limit
 * given at creation and {@link #cancel()} stops the one in flight (the HTTP exchange, the statement on
 * the warehouse, or the session being opened). Failures are {@link ListException}s whose message is a
 * plain sentence that never holds the secret or a token.
 */
public final class WorkspaceLists implements AutoCloseable {
    /** The time limit the wizard gives each list. */
    public static final Duration LIMIT = Duration.ofSeconds(30);
    static final int MAX_ROWS = 1000;

    /** Why a list could not be read. */
    public enum Failure { DENIED, TIMED_OUT, CANCELLED, FAILED }

    /** A list that could not be read; the message says why in plain words. */
    public static final class ListException extends Exception {
        private final Failure failure;

        ListException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T call() throws Exception;
    }

    private final SourceSettings settings;
    private final TrustConfig trust;
    private final Duration limit;
    /** The admin's token, or null when the service principal reads the lists. */
    private final AdminToken adminToken;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workspace-lists");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cancelled;
    private volatile Future<?> inFlight;
    private volatile WorkspaceApi api;
    private volatile Statement statement;
    private Connection connection;

    private WorkspaceLists(SourceSettings settings, TrustConfig trust, AdminToken adminToken, Duration limit) {
        this.settings = settings;
        this.trust = trust;
        this.adminToken = adminToken;
        this.limit = limit;
    }

    /** Reads as the signed-in admin; {@code settings} name the workspace (and, for SQL, the warehouse). */
    public static WorkspaceLists asAdmin(SourceSettings settings, TrustConfig trust, AdminToken token, Duration limit) {
        return new WorkspaceLists(settings, trust, token, limit);
    }

    /** Reads as the service principal of {@code settings} (its client ID and secret). */
    public static WorkspaceLists asPrincipal(SourceSettings settings, TrustConfig trust, Duration limit) {
        return new WorkspaceLists(settings, trust, null, limit);
    }

    /** True when the admin's token reads the lists. */
    public boolean asAdmin() {
        return adminToken != null;
    }

    /** The warehouses this token may see, with the HTTP path each needs. */
    public List<WorkspaceApi.Warehouse> warehouses() throws ListException {
        return run("lists.warehouses", () -> {
            try {
                return api().warehouses();
            } catch (AdminApiException e) {
                throw restFailure(e, "lists.warehouses.denied");
            }
        });
    }

    /** The catalogs this token may see ({@code SHOW CATALOGS} on the warehouse of the settings). */
    public List<String> catalogs() throws ListException {
        return run("lists.catalogs", () -> names("SHOW CATALOGS"));
    }

    /** The schemas of {@code catalog} this token may see ({@code SHOW SCHEMAS IN `catalog`}). */
    public List<String> schemas(String catalog) throws ListException {
        if (catalog == null || catalog.isBlank()) {
            throw new ListException(Failure.FAILED, Messages.ADMIN.text("lists.schemas.noCatalog"));
        }
        return run("lists.schemas", () -> names("SHOW SCHEMAS IN " + SqlIdentifiers.always(catalog.trim())));
    }

    /**
     * When the secret of {@code applicationId} expires. The secrets API answers a workspace admin; the demo
     * also lets a service principal read its own (see the demo's README on the admin APIs).
     */
    public SecretExpiry secretExpiry(String applicationId, Instant now) throws ListException {
        return run("lists.expiry", () -> {
            try {
                return SecretExpiry.read(api(), applicationId, now);
            } catch (AdminApiException e) {
                throw restFailure(e, "lists.expiry.denied");
            }
        });
    }

    /** From any thread: stops the call in flight; later calls fail at once as cancelled. */
    public void cancel() {
        cancelled = true;
        WorkspaceApi rest = api;
        if (rest != null) {
            rest.cancel();
        }
        Statement running = statement;
        if (running != null) {
            try {
                running.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // finished meanwhile, or the session is gone
            }
        }
        Future<?> future = inFlight;
        if (future != null) {
            future.cancel(true);
        }
    }

    /** Closes the session (on the worker, after any call still running) and stops the worker. */
    @Override
    public void close() {
        worker.execute(this::closeConnection);
        worker.shutdown();
    }

    /** Runs one call on the worker within the time limit; a cancel or the limit stops it. */
    private <T> T run(String what, Step<T> step) throws ListException {
        if (cancelled) {
            throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
        }
        Future<T> future;
        try {
            future = worker.submit(step::call);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
        }
        inFlight = future;
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel();
            throw new ListException(Failure.TIMED_OUT, Messages.ADMIN.text("lists.timeout",
                    Messages.ADMIN.text(what), Math.max(1, limit.toSeconds())));
        } catch (CancellationException e) {
            throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
        } catch (ExecutionException e) {
            if (cancelled) {
                throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
            }
            if (e.getCause() instanceof ListException known) {
                throw known;
            }
            throw new ListException(Failure.FAILED, Messages.ADMIN.text("lists.failed", Messages.ADMIN.text(what),
                    plain(e.getCause())));
        } finally {
            inFlight = null;
        }
    }

    private WorkspaceApi api() throws Exception {
        WorkspaceApi rest = api;
        if (rest == null) {
            AdminToken token = adminToken;
            if (token == null) {
                try {
                    token = ClientCredentialsToken.obtain(baseUrl(), trust.sslContext(), settings.clientId(),
                            settings.secret());
                } catch (SignInException e) {
                    throw new ListException(e.reason() == SignInException.Reason.CANCELLED ? Failure.CANCELLED
                            : Failure.FAILED, Messages.ADMIN.text("lists.principal.signIn", settings.clientId(),
                            mask(e.getMessage())));
                }
            }
            rest = new WorkspaceApi(baseUrl(), trust.sslContext(), token, limit);
            api = rest;
            if (cancelled) {
                rest.cancel();
            }
        }
        return rest;
    }

    private String baseUrl() {
        return AdminFix.workspaceUrl(settings);
    }

    private List<String> names(String sql) throws Exception {
        if (settings.httpPath() == null || settings.httpPath().isBlank()) {
            throw new ListException(Failure.FAILED, Messages.ADMIN.text("lists.sql.noWarehouse"));
        }
        Connection session = connection();
        List<String> names = new ArrayList<>();
        try (Statement running = session.createStatement()) {
            statement = running;
            running.setMaxRows(MAX_ROWS);
            running.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
            try (ResultSet rows = running.executeQuery(sql)) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (name != null && !name.isBlank()) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new ListException(denied(e) ? Failure.DENIED : Failure.FAILED, Messages.ADMIN.text(
                    denied(e) ? "lists.sql.denied" : "lists.sql.failed", sql, plain(e)));
        } finally {
            statement = null;
        }
        return names;
    }

    private Connection connection() throws ListException {
        if (connection == null) {
            try {
                Class.forName("com.databricks.client.jdbc.Driver");
                connection = adminToken != null
                        ? DriverManager.getConnection(AdminSql.url(settings, limit), AdminSql.properties(adminToken, trust))
                        : DriverManager.getConnection(JdbcUrl.url(settings, limit), JdbcUrl.properties(settings, trust));
            } catch (SQLException | ClassNotFoundException e) {
                throw new ListException(denied(e) ? Failure.DENIED : Failure.FAILED,
                        Messages.ADMIN.text("lists.sql.session", settings.httpPath(), plain(e)));
            }
            if (cancelled) {
                closeConnection();
                throw new ListException(Failure.CANCELLED, Messages.ADMIN.text("lists.cancelled"));
            }
        }
        return connection;
    }

    private void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException | RuntimeException ignored) {
                // the server dropped the session already
            }
        }
    }

    private ListException restFailure(AdminApiException e, String deniedKey) {
        if (e.denied()) {
            return new ListException(Failure.DENIED, Messages.ADMIN.text(deniedKey, mask(e.getMessage())));
        }
        return new ListException(cancelled ? Failure.CANCELLED : Failure.FAILED, mask(e.getMessage()));
    }

    /** The driver's words for a refusal (its texts carry the HTTP status or Databricks' error code). */
    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile(
            "PERMISSION_DENIED|UNAUTHENTICATED|\\b(?:HTTP|status|code)\\W{0,3}(?:401|403)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean denied(Throwable e) {
        return REFUSED.matcher(String.valueOf(e.getMessage())).find();
    }

    /** The first line of the deepest message, masked: what the driver or the network said, without a stack. */
    private String plain(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null || cause.getMessage().isBlank() ? error.getMessage() : cause.getMessage();
        if (text == null || text.isBlank()) {
            text = cause.getClass().getSimpleName();
        }
        int newline = text.indexOf('\n');
        return mask(newline < 0 ? text.strip() : text.substring(0, newline).strip());
    }

    private String mask(String text) {
        return SecretMasker.mask(text, settings.secret(), adminToken == null ? null : adminToken.value());
    }
}
