package dev.retlsetup.store;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.ConnectionTestReport;
import java.time.Instant;

/**
 * The outcome of a saved source's last connection test, for the start page ("tested yesterday: works").
 *
 * @param time      when the test ran
 * @param ok        no check failed and the run was not cancelled
 * @param complete  every check ran and passed or warned: the connection is proven
 * @param principal who the queries ran as, or {@code null}
 */
public record ConnectionTestSummary(Instant time, boolean ok, boolean complete, int passed, int failed, int warnings,
        int skipped, String principal) {

    public static ConnectionTestSummary of(ConnectionTestReport report) {
        int passed = 0;
        int failed = 0;
        int warnings = 0;
        int skipped = 0;
        for (CheckResult check : report.checks()) {
            switch (check.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case WARNING -> warnings++;
                case SKIPPED -> skipped++;
            }
        }
        Instant time = report.startedAt() == null ? Instant.now() : report.startedAt();
        return new ConnectionTestSummary(time, report.ok(), report.complete(), passed, failed, warnings, skipped,
                report.principal());
    }
}
