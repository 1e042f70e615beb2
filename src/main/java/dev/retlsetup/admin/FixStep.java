package dev.retlsetup.admin;

/**
 * One step of a {@link FixPlan}: the exact statement or API call ({@link #what()}) and the failure it
 * fixes (or, when setting up, what it sets up). What runs is derived from the same values that
 * {@link #what()} shows, so nothing runs that the plan did not show.
 *
 * <p>A set-up plan is shown before the service principal exists: its later steps name the new
 * principal by {@link #NEW_APPLICATION_ID} and {@link #NEW_SCIM_ID}. When they run, the workspace has
 * answered with the real IDs; {@link FixListener#started(FixStep, String)} and
 * {@link FixOutcome#whatRan()} give the text with them, which is exactly what ran.
 */
public final class FixStep {
    /** Stands for the new service principal's application ID until the workspace has made one. */
    public static final String NEW_APPLICATION_ID = "<application ID of the new service principal>";
    /** Stands for the new service principal's SCIM ID until the workspace has made one. */
    public static final String NEW_SCIM_ID = "<SCIM ID of the new service principal>";

    public enum Kind { SQL, API }

    /** The IDs a set-up learns while it runs; null until known. */
    record Known(String applicationId, String scimId) {
        static final Known NOTHING = new Known(null, null);

        String fill(String text) {
            String out = applicationId == null ? text : text.replace(NEW_APPLICATION_ID, applicationId);
            return scimId == null ? out : out.replace(NEW_SCIM_ID, scimId);
        }
    }

    /** What applying the step does; the shown text is made from it. */
    sealed interface Action permits RunSql, PatchWarehousePermissions, AddEntitlement, CreateServicePrincipal,
            CreateSecret, StartWarehouse {
        Kind kind();

        String text();

        /** The same action with the placeholders of what is now known filled in. */
        Action resolve(Known known);
    }

    record RunSql(String statement) implements Action {
        public Kind kind() {
            return Kind.SQL;
        }

        public String text() {
            return statement;
        }

        public Action resolve(Known known) {
            return new RunSql(known.fill(statement));
        }
    }

    record PatchWarehousePermissions(String warehouseId, String applicationId) implements Action {
        public Kind kind() {
            return Kind.API;
        }

        public String text() {
            return "PATCH " + WorkspaceApi.permissionsPath(warehouseId) + " " + WorkspaceApi.canUseBody(applicationId);
        }

        public Action resolve(Known known) {
            return new PatchWarehousePermissions(warehouseId, known.fill(applicationId));
        }
    }

    record AddEntitlement(String scimId, String entitlement) implements Action {
        public Kind kind() {
            return Kind.API;
        }

        public String text() {
            return "PATCH " + WorkspaceApi.SERVICE_PRINCIPALS + "/" + scimId + " "
                    + WorkspaceApi.addEntitlementBody(entitlement);
        }

        public Action resolve(Known known) {
            return new AddEntitlement(known.fill(scimId), entitlement);
        }
    }

    /** SCIM create, with the Databricks SQL access entitlement; the answer names the new IDs. */
    record CreateServicePrincipal(String displayName) implements Action {
        public Kind kind() {
            return Kind.API;
        }

        public String text() {
            return "POST " + WorkspaceApi.SERVICE_PRINCIPALS + " " + WorkspaceApi.createServicePrincipalBody(displayName);
        }

        public Action resolve(Known known) {
            return this;
        }
    }

    /** The workspace-level secrets API; the answer holds the secret, shown once. */
    record CreateSecret(String scimId) implements Action {
        public Kind kind() {
            return Kind.API;
        }

        public String text() {
            return "POST " + WorkspaceApi.secretsPath(scimId) + " {}";
        }

        public Action resolve(Known known) {
            return new CreateSecret(known.fill(scimId));
        }
    }

    /** Starts a stopped warehouse (anyone with CAN USE may); it takes a while to be RUNNING. */
    record StartWarehouse(String warehouseId) implements Action {
        public Kind kind() {
            return Kind.API;
        }

        public String text() {
            return "POST " + WorkspaceApi.WAREHOUSES + "/" + warehouseId + "/start {}";
        }

        public Action resolve(Known known) {
            return this;
        }
    }

    private final String fixes;
    private final Action action;

    private FixStep(String fixes, Action action) {
        this.fixes = fixes;
        this.action = action;
    }

    static FixStep of(Action action, String fixes) {
        return new FixStep(fixes, action);
    }

    static FixStep sql(String statement, String fixes) {
        return of(new RunSql(statement), fixes);
    }

    static FixStep canUse(String warehouseId, String applicationId, String fixes) {
        return of(new PatchWarehousePermissions(warehouseId, applicationId), fixes);
    }

    static FixStep entitlement(String scimId, String entitlement, String fixes) {
        return of(new AddEntitlement(scimId, entitlement), fixes);
    }

    public Kind kind() {
        return action.kind();
    }

    /** The exact SQL statement, or the HTTP method, path and JSON body (with placeholders for IDs not yet known). */
    public String what() {
        return action.text();
    }

    /** Which failure this step fixes (or what it sets up), in plain words. */
    public String fixes() {
        return fixes;
    }

    /** True when the text names an ID the workspace has not made yet. */
    public boolean hasPlaceholder() {
        String text = what();
        return text.contains(NEW_APPLICATION_ID) || text.contains(NEW_SCIM_ID);
    }

    Action action() {
        return action;
    }

    @Override
    public String toString() {
        return kind() + " " + what();
    }
}
