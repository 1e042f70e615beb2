package dev.retlsetup.admin;

/**
 * One step of a {@link FixPlan}: the exact statement or API call ({@link #what()}) and the failure it
 * fixes. What runs is derived from the same values that {@link #what()} shows, so nothing runs that
 * the plan did not show.
 */
public final class FixStep {
    public enum Kind { SQL, API }

    /** What applying the step does; the shown text is made from it. */
    sealed interface Action permits RunSql, PatchWarehousePermissions, AddEntitlement {
    }

    record RunSql(String statement) implements Action {
    }

    record PatchWarehousePermissions(String warehouseId, String applicationId) implements Action {
    }

    record AddEntitlement(String scimId, String entitlement) implements Action {
    }

    private final Kind kind;
    private final String what;
    private final String fixes;
    private final Action action;

    private FixStep(Kind kind, String what, String fixes, Action action) {
        this.kind = kind;
        this.what = what;
        this.fixes = fixes;
        this.action = action;
    }

    static FixStep sql(String statement, String fixes) {
        return new FixStep(Kind.SQL, statement, fixes, new RunSql(statement));
    }

    static FixStep canUse(String warehouseId, String applicationId, String fixes) {
        return new FixStep(Kind.API, "PATCH " + WorkspaceApi.permissionsPath(warehouseId) + " "
                + WorkspaceApi.canUseBody(applicationId), fixes, new PatchWarehousePermissions(warehouseId, applicationId));
    }

    static FixStep entitlement(String scimId, String entitlement, String fixes) {
        return new FixStep(Kind.API, "PATCH " + WorkspaceApi.SERVICE_PRINCIPALS + "/" + scimId + " "
                + WorkspaceApi.addEntitlementBody(entitlement), fixes, new AddEntitlement(scimId, entitlement));
    }

    public Kind kind() {
        return kind;
    }

    /** The exact SQL statement, or the HTTP method, path and JSON body. */
    public String what() {
        return what;
    }

    /** Which failure this step fixes, in plain words. */
    public String fixes() {
        return fixes;
    }

    Action action() {
        return action;
    }

    @Override
    public String toString() {
        return kind + " " + what;
    }
}
