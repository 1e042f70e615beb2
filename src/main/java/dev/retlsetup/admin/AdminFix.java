package dev.retlsetup.admin;

import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/**
 * An admin fixing a failed connection test in one pass: who signed in, the plan, applying it after
 * confirmation (each step's result live; the first failure stops the plan), and the failed checks
 * re-run as the service principal. UI-free: the wizard and {@code retl-setup fix} drive it alike,
 * from a background thread; {@link #cancel()} works from any thread.
 */
public final class AdminFix {
    static final Duration API_LIMIT = Duration.ofSeconds(30);
    static final Duration SQL_LIMIT = Duration.ofSeconds(60);

    private final ConnectionTestRequest request;
    private final SourceSettings settings;
    private final AdminToken token;
    private final WorkspaceApi api;
    private final Cancels cancels = new Cancels();
    private AdminIdentity identity;

    /**
     * @param request the test that failed (its settings name the workspace, warehouse and principal)
     * @param token   the signed-in admin's token, kept in memory only
     */
    public AdminFix(ConnectionTestRequest request, AdminToken token) throws IOException, GeneralSecurityException {
        this.request = request;
        this.settings = request.validation().settings();
        this.token = token;
        SSLContext ssl = request.trust().sslContext();
        this.api = new WorkspaceApi(workspaceUrl(settings), ssl, token, API_LIMIT);
        cancels.starting(api::cancel);
    }

    /** {@code https://host[:port]}: where the admin signs in and the workspace APIs answer. */
    public static String workspaceUrl(SourceSettings settings) {
        return "https://" + settings.host() + (settings.port() == SourceSettings.DEFAULT_PORT ? "" : ":" + settings.port());
    }

    /** SCIM Me: who the token belongs to and whether they are a workspace admin. */
    public synchronized AdminIdentity whoSignedIn() throws AdminApiException {
        if (identity == null) {
            identity = api.me();
        }
        return identity;
    }

    /** The plan for a failed report; reads the workspace (SCIM, permissions), changes nothing. */
    public FixPlan plan(ConnectionTestReport failed, boolean precreateManagedSchema) throws AdminApiException {
        return new FixPlanner(api).plan(failed, settings, precreateManagedSchema);
    }

    /** The service principal's secret expiry, as the admin (or the principal itself) can read it. */
    public SecretExpiry secretExpiry() throws AdminApiException {
        return SecretExpiry.read(api, settings.clientId(), Instant.now());
    }

    /**
     * Applies the confirmed plan in order: exactly its steps, GRANTs on the test's warehouse as the
     * admin. The first failing step stops the plan; the rest are skipped.
     *
     * @throws AdminApiException when the signed-in user is not a workspace admin (nothing is run)
     */
    public FixOutcome apply(FixPlan.Confirmed confirmed, FixListener listener) throws AdminApiException {
        PlanRunner.requireAdmin(whoSignedIn());
        PlanRunner runner = new PlanRunner(api, new AdminSql(settings, request.trust(), token, SQL_LIMIT), token);
        Runnable stop = runner::cancel;
        cancels.starting(stop);
        try {
            return runner.run(confirmed.plan(), listener);
        } finally {
            cancels.ended(stop);
        }
    }

    /** Re-runs the plan's failed checks (and what they need) as the service principal. */
    public ConnectionTestReport retest(FixPlan plan, ConnectionTestListener listener) {
        ConnectionTester run = new ConnectionTester();
        Runnable stop = run::cancel;
        cancels.starting(stop);
        // A plan that started the warehouse waits for it to run, as the test's own --start-warehouse does.
        boolean started = plan.steps().stream().anyMatch(s -> s.action() instanceof FixStep.StartWarehouse);
        ConnectionTestRequest again = new ConnectionTestRequest(request.validation(), request.trust(),
                request.startWarehouse() || started, request.timeout(), plan.retestChecks());
        try {
            return run.run(again, listener);
        } finally {
            cancels.ended(stop);
        }
    }

    /** Stops whatever runs: an API call, the statement in flight (the rest of the plan is skipped), the re-test. */
    public void cancel() {
        cancels.cancel();
    }
}
