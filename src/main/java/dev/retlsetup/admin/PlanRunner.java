package dev.retlsetup.admin;

import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.i18n.Messages;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a confirmed plan, in order and nothing else: each step's text is filled with the IDs
 * learnt so far (a set-up's new service principal), reported to the listener, then run. The first
 * failing step stops the plan and the rest are skipped; {@link #cancel()} skips what has not
 * started and stops what runs. One runner applies one plan.
 */
final class PlanRunner {
    private final WorkspaceApi api;
    private final AdminSql sql;
    private final AdminToken token;
    private volatile boolean cancelled;
    private FixStep.Known known = FixStep.Known.NOTHING;
    private WorkspaceApi.ServicePrincipal created;
    private WorkspaceApi.NewSecret secret;

    PlanRunner(WorkspaceApi api, AdminSql sql, AdminToken token) {
        this.api = api;
        this.sql = sql;
        this.token = token;
    }

    /** Refuses (nothing runs) unless the signed-in user is a workspace admin. */
    static void requireAdmin(AdminIdentity who) throws AdminApiException {
        if (!who.admin()) {
            throw new AdminApiException(403, Messages.ADMIN.text("apply.notAdmin", who.label()));
        }
    }

    FixOutcome run(FixPlan plan, FixListener listener) {
        List<StepStatus> statuses = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        String failure = null;
        try {
            for (int i = 0; i < plan.steps().size(); i++) {
                FixStep step = plan.steps().get(i);
                FixStep.Action action = step.action().resolve(known);
                ran.add(action.text());
                if (failure != null || cancelled) {
                    boolean byCancel = failure == null;
                    if (byCancel) {
                        failure = Messages.ADMIN.text("apply.cancelled");
                    }
                    statuses.add(StepStatus.SKIPPED);
                    listener.finished(step, StepStatus.SKIPPED, byCancel ? Messages.ADMIN.text("apply.cancelled") : "");
                    continue;
                }
                listener.started(step, action.text());
                String error = run(action);
                if (error == null) {
                    statuses.add(StepStatus.APPLIED);
                    listener.finished(step, StepStatus.APPLIED, "");
                } else {
                    statuses.add(StepStatus.FAILED);
                    failure = Messages.ADMIN.text("apply.stepFailed", i + 1, action.text(), error);
                    listener.finished(step, StepStatus.FAILED, error);
                }
            }
        } finally {
            sql.close();
        }
        return new FixOutcome(plan, statuses, failure, ran);
    }

    /** The service principal a set-up plan created, null when none was. */
    WorkspaceApi.ServicePrincipal created() {
        return created;
    }

    /** The secret a set-up plan generated, null when none was. */
    WorkspaceApi.NewSecret secret() {
        return secret;
    }

    void cancel() {
        cancelled = true;
        sql.cancel();
    }

    /** @return null on success, else what the workspace answered (never the token) */
    private String run(FixStep.Action action) {
        try {
            if (action instanceof FixStep.RunSql s) {
                sql.execute(s.statement());
            } else if (action instanceof FixStep.PatchWarehousePermissions p) {
                api.grantCanUse(p.warehouseId(), p.applicationId());
            } else if (action instanceof FixStep.AddEntitlement e) {
                api.addEntitlement(e.scimId(), e.entitlement());
            } else if (action instanceof FixStep.CreateServicePrincipal c) {
                created = api.createServicePrincipal(c.displayName());
                known = new FixStep.Known(created.applicationId(), created.scimId());
            } else if (action instanceof FixStep.CreateSecret c) {
                secret = api.createSecret(c.scimId());
            } else if (action instanceof FixStep.StartWarehouse w) {
                api.startWarehouse(w.warehouseId());
            }
            return null;
        } catch (SQLException e) {
            String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SecretMasker.mask(text, token.value());
        } catch (AdminApiException e) {
            return SecretMasker.mask(e.getMessage(), token.value());
        }
    }
}
