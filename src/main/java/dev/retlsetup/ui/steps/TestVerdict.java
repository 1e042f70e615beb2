package dev.retlsetup.ui.steps;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import java.util.List;

/** What the last run says about these settings, as the Test and Add steps show it. */
public enum TestVerdict {
    /** No run, a run in progress, or one that did not finish (cancelled, out of time): it proves nothing. */
    NOT_TESTED,
    /** Every check that ran passed or warned. */
    PASSED,
    /**
     * The only failure is a stopped warehouse (and what could not run without it). Databricks starts a stopped SQL
     * warehouse when a connection reaches it, so Segment's first sync starts it: this does not block adding.
     */
    WAREHOUSE_STOPPED,
    /** A check failed. */
    FAILED;

    /** The warehouse check's id (see {@code check.WarehouseCheck}). */
    static final String WAREHOUSE = "warehouse";

    public static TestVerdict of(ConnectionTestReport report) {
        if (report == null || !report.finished()) {
            return NOT_TESTED;
        }
        List<CheckResult> failed = report.failed();
        if (failed.isEmpty()) {
            return PASSED;
        }
        boolean onlyStopped = failed.size() == 1 && stoppedWarehouse(failed.get(0));
        return onlyStopped ? WAREHOUSE_STOPPED : FAILED;
    }

    /**
     * The warehouse check found the warehouse not running. Its remediation (start it, or let the first sync start
     * it) tells this apart from a warehouse call that got no answer in time, which has none and is a failure.
     */
    private static boolean stoppedWarehouse(CheckResult result) {
        return WAREHOUSE.equals(result.id()) && result.status() == CheckStatus.FAILED
                && result.category() == Category.WAREHOUSE_UNAVAILABLE && result.remediation() != null;
    }

    /** Whether the wizard may go on to Add with this verdict (asking first when it is not a pass). */
    public boolean allowsAdd() {
        return this == PASSED || this == WAREHOUSE_STOPPED;
    }
}
