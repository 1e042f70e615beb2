package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.AdminApiException;
import dev.retlsetup.admin.AdminFix;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.ui.controls.CheckRow;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What an admin fixes and how it is proven: the failed run of a page (the Test step's connection test, the
 * Model step's check), its workspace, the plan for it, and the re-run as the service principal on that page,
 * so the page shows the new truth and the fix window shows the same rows.
 */
public interface FixTarget {
    /** {@code https://host[:port]} of the workspace the failed run talked to. */
    String workspaceUrl();

    /** Whom to trust for the workspace (the demo's certificate, a corporate CA, or the system's). */
    SSLContext ssl() throws Exception;

    /** The admin fix for this run, as the signed-in admin. */
    AdminFix open(AdminToken token) throws Exception;

    /** Reads the workspace and plans; changes nothing. Called off the UI thread. */
    FixPlan plan(AdminFix fix, boolean precreateManagedSchema) throws AdminApiException;

    /** Whether a failure could also be fixed by pre-creating the managed schema. */
    boolean offersManagedSchema();

    /** Re-runs the plan's checks as the service principal, on the page; {@code done} gets whether they passed. */
    void retest(FixPlan plan, Consumer<Boolean> done);

    /** The page's rows the re-test updates (the window shows those the plan re-tests). */
    List<CheckRow> rows();

    /** Stops a re-test in progress. */
    void cancelRetest();
}
