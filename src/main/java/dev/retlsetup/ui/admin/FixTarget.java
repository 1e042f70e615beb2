package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.AdminApiException;
import dev.retlsetup.admin.FixListener;
import dev.retlsetup.admin.FixOutcome;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.ui.controls.CheckRow;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an admin fixes and how it is proven: the failed run of a page (the Test step's connection test, the
 * Model step's check), its workspace, the plan for it, and the re-run as the service principal on that page,
 * so the page shows the new truth and the fix window shows the same rows.
 */
public interface FixTarget {
    /** The workspace the failed run talked to, where the admin signs in. */
    SignInStep.Workspace workspace();

    /** The fix for this run, as the signed-in admin. */
    Fixer open(AdminToken token) throws Exception;

    /** Plans and applies for one failed run, as one admin; called off the UI thread except {@link #cancel()}. */
    interface Fixer {
        /** Reads the workspace and plans; changes nothing. */
        FixPlan plan(boolean precreateManagedSchema) throws AdminApiException;

        /** Applies exactly the confirmed plan, step by step. */
        FixOutcome apply(FixPlan.Confirmed confirmed, FixListener listener) throws AdminApiException;

        /** Stops what runs; a cancelled fixer stays cancelled. */
        void cancel();

        /** A fixer of the core's plan, apply and cancel ({@code AdminFix}, {@code ModelFix}). */
        static Fixer of(Planner planner, Applier applier, Runnable cancel) {
            return new Fixer() {
                @Override
                public FixPlan plan(boolean precreateManagedSchema) throws AdminApiException {
                    return planner.plan(precreateManagedSchema);
                }

                @Override
                public FixOutcome apply(FixPlan.Confirmed confirmed, FixListener listener) throws AdminApiException {
                    return applier.apply(confirmed, listener);
                }

                @Override
                public void cancel() {
                    cancel.run();
                }
            };
        }
    }

    /** {@link Fixer#plan}, as a lambda. */
    @FunctionalInterface
    interface Planner {
        FixPlan plan(boolean precreateManagedSchema) throws AdminApiException;
    }

    /** {@link Fixer#apply}, as a method reference. */
    @FunctionalInterface
    interface Applier {
        FixOutcome apply(FixPlan.Confirmed confirmed, FixListener listener) throws AdminApiException;
    }

    /** Whether a failure could also be fixed by pre-creating the managed schema. */
    boolean offersManagedSchema();

    /** Re-runs the plan's checks as the service principal, on the page; {@code done} gets whether they passed. */
    void retest(FixPlan plan, Consumer<Boolean> done);

    /** The page's rows the plan's re-test updates; the window shows them live. */
    List<CheckRow> retestRows(FixPlan plan);

    /** Stops a re-test in progress. */
    void cancelRetest();

    /** The set-up from scratch, for a plan whose principal does not exist; null where the page offers none. */
    default AdminSetupViewModel setUpFromScratch() {
        return null;
    }
}
