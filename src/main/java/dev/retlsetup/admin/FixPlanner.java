package dev.retlsetup.admin;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a failed test into a {@link FixPlan}: the remediation SQL of the failed grant checks (only
 * the missing GRANTs, as the tester wrote them), CAN USE through the Permissions API and the SQL
 * entitlement through SCIM when the warehouse refused the principal and the workspace confirms they
 * are missing, and optionally the managed schema pre-created instead of CREATE SCHEMA on the catalog.
 */
final class FixPlanner {
    private final WorkspaceApi api;
    /** Set while planning when the workspace has no principal with the test's client ID. */
    private boolean principalMissing;

    FixPlanner(WorkspaceApi api) {
        this.api = api;
    }

    FixPlan plan(ConnectionTestReport report, SourceSettings settings, boolean precreateManagedSchema)
            throws AdminApiException {
        List<FixStep> steps = new ArrayList<>();
        Set<String> statements = new LinkedHashSet<>();
        List<String> notFixable = new ArrayList<>();
        Set<String> retest = new LinkedHashSet<>();
        for (CheckResult failed : report.failed()) {
            retest.add(failed.id());
            Category category = failed.category();
            String fixes = Messages.ADMIN.text("plan.fixes", failed.title(), failed.summary());
            if (category != null && category.isMissingGrant() && failed.remediation() != null
                    && !failed.remediation().sql().isEmpty()) {
                List<String> sql = precreateManagedSchema && category == Category.MISSING_CREATE_SCHEMA
                        ? managedSchema(settings, report.principal()) : failed.remediation().sql();
                for (String statement : sql) {
                    if (statements.add(statement)) {
                        steps.add(FixStep.sql(statement, fixes));
                    }
                }
            } else if (category == Category.WAREHOUSE_ACCESS_DENIED || category == Category.NOT_IN_WORKSPACE) {
                warehouseAccess(settings, fixes, steps, notFixable);
            } else if (category == Category.INVALID_CLIENT) {
                notFixable.add(credentials(settings));
            } else if (category == Category.IP_BLOCKED) {
                notFixable.add(Messages.ADMIN.text("plan.ipBlocked", failed.summary()));
            } else if (category == Category.WAREHOUSE_UNAVAILABLE && stopped(settings.warehouseId())) {
                steps.add(FixStep.of(new FixStep.StartWarehouse(settings.warehouseId()), fixes));
            } else {
                notFixable.add(Messages.ADMIN.text("plan.notFixable", failed.title(), failed.summary()));
            }
        }
        // Checks skipped behind a failure were never proven: the re-test runs them too.
        report.checks().stream().filter(c -> c.status() == dev.retlsetup.check.CheckStatus.SKIPPED)
                .forEach(c -> retest.add(c.id()));
        return new FixPlan(steps, notFixable, retest, principalMissing);
    }

    /** STOPPED or STOPPING: a start brings it back; a deleted one does not come back. */
    private boolean stopped(String warehouseId) throws AdminApiException {
        if (warehouseId == null) {
            return false;
        }
        String state = api.warehouse(warehouseId).state();
        return state.equals("STOPPED") || state.equals("STOPPING");
    }

    private static List<String> managedSchema(SourceSettings settings, String principal) {
        String catalog = settings.catalog() == null || settings.catalog().isBlank() ? null : settings.catalog();
        String sp = SqlIdentifiers.always(principal != null ? principal : settings.clientId());
        String schema = catalog == null ? SqlIdentifiers.quote(SourceSettings.MANAGED_SCHEMA)
                : SqlIdentifiers.qualified(catalog, SourceSettings.MANAGED_SCHEMA);
        return List.of("CREATE SCHEMA IF NOT EXISTS " + schema + ";",
                "GRANT ALL PRIVILEGES ON SCHEMA " + schema + " TO " + sp + ";");
    }

    private void warehouseAccess(SourceSettings settings, String fixes, List<FixStep> steps, List<String> notFixable)
            throws AdminApiException {
        Optional<WorkspaceApi.ServicePrincipal> sp = api.servicePrincipal(settings.clientId());
        if (sp.isEmpty()) {
            principalMissing = true;
            notFixable.add(Messages.ADMIN.text("plan.noPrincipal", settings.clientId()));
            return;
        }
        boolean changed = false;
        if (!api.canUse(settings.warehouseId(), settings.clientId())) {
            steps.add(FixStep.canUse(settings.warehouseId(), settings.clientId(), fixes));
            changed = true;
        }
        if (!sp.get().hasSqlAccess()) {
            steps.add(FixStep.entitlement(sp.get().scimId(), WorkspaceApi.SQL_ACCESS, fixes));
            changed = true;
        }
        if (!changed) {
            notFixable.add(Messages.ADMIN.text("plan.accessInPlace", settings.clientId()));
        }
    }

    /** A refused client secret: no principal, an expired secret, or a wrong one. */
    private String credentials(SourceSettings settings) throws AdminApiException {
        Optional<WorkspaceApi.ServicePrincipal> sp = api.servicePrincipal(settings.clientId());
        if (sp.isEmpty()) {
            principalMissing = true;
            return Messages.ADMIN.text("plan.noPrincipal", settings.clientId());
        }
        Instant now = Instant.now();
        List<WorkspaceApi.Secret> secrets = api.secrets(sp.get().scimId());
        boolean allExpired = !secrets.isEmpty() && secrets.stream()
                .allMatch(s -> s.expireTime() != null && !now.isBefore(s.expireTime()));
        return allExpired ? Messages.ADMIN.text("plan.secretExpired", settings.clientId())
                : Messages.ADMIN.text("plan.secretWrong", settings.clientId());
    }
}
