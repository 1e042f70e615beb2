package dev.retlsetup.admin;

import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "I'm a workspace admin: set it up for me": a signed-in admin creates the service principal Segment
 * connects as, and everything it needs, in one reviewed plan. UI-free; the wizard and the command
 * line drive it from a background thread, and {@link #cancel()} works from any thread.
 *
 * <p>The plan, shown before anything runs: the service principal (SCIM, with the Databricks SQL
 * access entitlement), its OAuth secret (the workspace-level secrets API), CAN USE on the picked
 * warehouse (Permissions API {@code PATCH}), USE CATALOG / USE SCHEMA / SELECT on what it may read,
 * and CREATE SCHEMA on the catalog or a pre-created {@code __segment_reverse_etl} with ALL
 * PRIVILEGES. Steps after the first name the new principal by a placeholder until the workspace has
 * made it; the listener is given each step's exact text as it runs.
 *
 * <pre>{@code
 * AdminSetup setup = new AdminSetup("https://dbc-1234.cloud.databricks.com", trust, token);
 * if (!setup.whoSignedIn().admin()) { ... say so: apply would refuse ... }
 * List<WorkspaceApi.Warehouse> warehouses = setup.warehouses();          // picker
 * WorkspaceApi.Warehouse warehouse = warehouses.get(0);
 * List<String> catalogs = setup.catalogs(warehouse);                     // picker (SHOW CATALOGS)
 * List<String> schemas = setup.schemas(warehouse, "main");               // picker (SHOW SCHEMAS IN main)
 * SetupChoices choices = new SetupChoices("segment-reverse-etl", warehouse, "main",
 *         List.of("main.marketing"), SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
 * FixPlan plan = setup.plan(choices);
 * // show plan.steps(): kind(), what(), fixes(); then, after the admin confirms:
 * SetupResult result = setup.apply(plan.confirm(), choices, new FixListener() {
 *     public void started(FixStep step, String what) { ... show "what": it has the real IDs ... }
 *     public void finished(FixStep step, StepStatus status, String detail) { ... }
 * });
 * if (result.complete()) {
 *     // show result.clientId() and result.secret() once, fill the form with result.source()
 *     ConnectionTestReport report = setup.test(result, listener);   // as the new service principal
 * } else {
 *     // result.outcome().failure() says which step failed; appliedText() what was applied so far
 * }
 * }</pre>
 */
public final class AdminSetup {
    private final String host;
    private final int port;
    private final TrustConfig trust;
    private final AdminToken token;
    private final WorkspaceApi api;
    private final Cancels cancels = new Cancels();
    private AdminIdentity identity;

    /**
     * @param workspaceUrl {@code https://host[:port]} of the workspace the admin signed in to
     * @param trust        whom to trust: the REST calls and the driver use the same trust store
     * @param token        the signed-in admin's token, kept in memory only
     * @throws IllegalArgumentException when the URL is not {@code https://host[:port]}
     */
    public AdminSetup(String workspaceUrl, TrustConfig trust, AdminToken token) throws IOException, GeneralSecurityException {
        URI uri;
        try {
            uri = URI.create(workspaceUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dev.retlsetup.i18n.Messages.ADMIN.text("setup.invalid.url", workspaceUrl));
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(dev.retlsetup.i18n.Messages.ADMIN.text("setup.invalid.url", workspaceUrl));
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? SourceSettings.DEFAULT_PORT : uri.getPort();
        this.trust = trust;
        this.token = token;
        this.api = new WorkspaceApi("https://" + host + (port == SourceSettings.DEFAULT_PORT ? "" : ":" + port),
                trust.sslContext(), token, AdminFix.API_LIMIT);
        cancels.starting(api::cancel);
    }

    /** SCIM Me: who the token belongs to and whether they are a workspace admin. */
    public synchronized AdminIdentity whoSignedIn() throws AdminApiException {
        if (identity == null) {
            identity = api.me();
        }
        return identity;
    }

    /** The warehouses the admin can see ({@code GET /api/2.0/sql/warehouses}): name, state, size, HTTP path. */
    public List<WorkspaceApi.Warehouse> warehouses() throws AdminApiException {
        return api.warehouses();
    }

    /** {@code SHOW CATALOGS} as the admin on the warehouse: what {@link SetupChoices#catalog()} can be. */
    public List<String> catalogs(WorkspaceApi.Warehouse warehouse) throws AdminApiException {
        return read(warehouse, "SHOW CATALOGS");
    }

    /** {@code SHOW SCHEMAS IN catalog} as the admin on the warehouse. */
    public List<String> schemas(WorkspaceApi.Warehouse warehouse, String catalog) throws AdminApiException {
        return read(warehouse, "SHOW SCHEMAS IN " + SqlIdentifiers.quote(catalog.strip()));
    }

    private List<String> read(WorkspaceApi.Warehouse warehouse, String sql) throws AdminApiException {
        AdminSql session = new AdminSql(warehouseSettings(warehouse), trust, token, AdminFix.SQL_LIMIT);
        Runnable stop = session::cancel;
        cancels.starting(stop);
        try {
            return session.firstColumn(sql);
        } catch (SQLException e) {
            String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AdminApiException(0, SecretMasker.mask(text, token.value()));
        } finally {
            session.close();
            cancels.ended(stop);
        }
    }

    /**
     * The plan for the admin's choices; reads nothing and changes nothing.
     *
     * @throws IllegalArgumentException with a message for the user when a choice is missing or malformed
     */
    public FixPlan plan(SetupChoices choices) {
        return SetupPlanner.plan(choices);
    }

    /**
     * Runs the confirmed plan as the admin, in order; the first failing step stops it.
     *
     * @param choices the choices the plan was made from (they name the warehouse and the connection)
     * @throws AdminApiException        when the signed-in user is not a workspace admin (nothing is run)
     * @throws IllegalArgumentException when the plan was not made from these choices (nothing is run)
     */
    public SetupResult apply(FixPlan.Confirmed confirmed, SetupChoices choices, FixListener listener)
            throws AdminApiException {
        if (!texts(plan(choices)).equals(texts(confirmed.plan()))) {
            throw new IllegalArgumentException("the confirmed plan was not made from these choices");
        }
        PlanRunner.requireAdmin(whoSignedIn());
        PlanRunner run = new PlanRunner(api, new AdminSql(warehouseSettings(choices.warehouse()),
                trust, token, AdminFix.SQL_LIMIT), token);
        Runnable stop = run::cancel;
        cancels.starting(stop);
        try {
            FixOutcome outcome = run.run(confirmed.plan(), listener);
            WorkspaceApi.ServicePrincipal sp = run.created();
            WorkspaceApi.NewSecret secret = run.secret();
            SourceInput source = sp == null || secret == null ? null : new SourceInput(host,
                    choices.warehouse().httpPath(), String.valueOf(port), sp.applicationId(), secret.value(),
                    choices.catalog(), schemasRead(choices));
            return new SetupResult(outcome, sp, secret, source);
        } finally {
            cancels.ended(stop);
        }
    }

    private static List<String> texts(FixPlan plan) {
        return plan.steps().stream().map(FixStep::what).toList();
    }

    /** The schemas the connection reads, for the form: each picked schema, and the schema of each picked table. */
    static String schemasRead(SetupChoices choices) {
        return choices.readFrom().stream().map(SqlIdentifiers::parts).filter(p -> p.size() >= 2)
                .map(p -> p.get(0) + "." + p.get(1)).distinct().collect(Collectors.joining(", "));
    }

    /**
     * The connection test with the new credentials, as the new service principal (real driver, the
     * same checks as the Test page).
     *
     * @throws IllegalStateException when the set-up did not complete
     */
    public ConnectionTestReport test(SetupResult result, ConnectionTestListener listener) {
        if (result.source() == null) {
            throw new IllegalStateException("the set-up did not complete: " + result.outcome().failure());
        }
        ConnectionTester run = new ConnectionTester();
        Runnable stop = run::cancel;
        cancels.starting(stop);
        try {
            return run.run(ConnectionTestRequest.of(SourceValidator.validate(result.source(), false), trust), listener);
        } finally {
            cancels.ended(stop);
        }
    }

    /**
     * Stops whatever runs: an API call, the statement in flight (the rest of the plan is skipped), the
     * test. This set-up is spent afterwards: a new attempt makes a new {@code AdminSetup}.
     */
    public void cancel() {
        cancels.cancel();
    }

    /** Where the admin's statements run: the picked warehouse, no principal of its own (the token signs in). */
    private SourceSettings warehouseSettings(WorkspaceApi.Warehouse warehouse) {
        return new SourceSettings(host, warehouse.httpPath(), port, null, null, null, List.of());
    }
}
