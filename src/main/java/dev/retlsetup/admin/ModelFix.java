package dev.retlsetup.admin;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.model.ModelListener;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.ModelRequest;
import dev.retlsetup.model.TableAccess;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An admin fixing a failed model check in one pass: the plan is exactly the GRANTs the check named
 * for each table the service principal could not read (every privilege the table needs, in the
 * catalog's dialect), applied as the admin on the model's warehouse, then the model checked again
 * as the service principal. UI-free, like {@link AdminFix}; {@link #cancel()} works from any thread.
 */
public final class ModelFix {
    /** The model check's id for "every table the SQL reads". */
    static final String TABLES_CHECK = "tables";

    private final ModelRequest request;
    private final SourceSettings settings;
    private final AdminToken token;
    private final WorkspaceApi api;
    private final Cancels cancels = new Cancels();
    private AdminIdentity identity;

    public ModelFix(ModelRequest request, AdminToken token) throws IOException, GeneralSecurityException {
        this.request = request;
        this.settings = request.validation().settings();
        this.token = token;
        this.api = new WorkspaceApi(AdminFix.workspaceUrl(settings), request.trust().sslContext(), token, AdminFix.API_LIMIT);
        cancels.starting(api::cancel);
    }

    public synchronized AdminIdentity whoSignedIn() throws AdminApiException {
        if (identity == null) {
            identity = api.me();
        }
        return identity;
    }

    /** The plan for a failed model check; changes nothing and asks the workspace nothing. */
    public FixPlan plan(ModelReport failed) {
        List<FixStep> steps = new ArrayList<>();
        Set<String> statements = new LinkedHashSet<>();
        for (TableAccess table : failed.tables()) {
            if (table.readable() || table.remediation() == null) {
                continue;
            }
            String fixes = Messages.ADMIN.text("model.plan.fixes", table.name().fullName(),
                    table.detail() == null ? "" : table.detail());
            for (String statement : table.remediation().sql()) {
                if (statements.add(statement)) {
                    steps.add(FixStep.sql(statement, fixes));
                }
            }
        }
        List<String> notFixable = new ArrayList<>();
        for (CheckResult check : failed.checks()) {
            if (check.status() == dev.retlsetup.check.CheckStatus.FAILED
                    && !(TABLES_CHECK.equals(check.id()) && !steps.isEmpty())) {
                notFixable.add(Messages.ADMIN.text("model.plan.notFixable", check.title(), check.summary()));
            }
        }
        return new FixPlan(steps, notFixable, Set.of());
    }

    /**
     * Applies the confirmed plan as the admin on the model's warehouse; the first failing step stops it.
     *
     * @throws AdminApiException when the signed-in user is not a workspace admin (nothing is run)
     */
    public FixOutcome apply(FixPlan.Confirmed confirmed, FixListener listener) throws AdminApiException {
        PlanRunner.requireAdmin(whoSignedIn());
        PlanRunner run = new PlanRunner(api, new AdminSql(settings, request.trust(), token, AdminFix.SQL_LIMIT), token);
        Runnable stop = run::cancel;
        cancels.starting(stop);
        try {
            return run.run(confirmed.plan(), listener);
        } finally {
            cancels.ended(stop);
        }
    }

    /** The model checked again, as the service principal. */
    public ModelReport recheck(ModelListener listener) {
        ModelChecker run = new ModelChecker();
        Runnable stop = run::cancel;
        cancels.starting(stop);
        try {
            return run.run(request, listener);
        } finally {
            cancels.ended(stop);
        }
    }

    public void cancel() {
        cancels.cancel();
    }
}
