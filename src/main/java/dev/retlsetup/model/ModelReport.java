package dev.retlsetup.model;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a model check.
 *
 * @param tables     every table the SQL reads, with whether the principal can read it (empty when unknown)
 * @param columns    the result's columns from the compile check, empty when it did not run
 * @param preview    the first rows, null when not fetched
 * @param key        the identifier's counts, null when not computed
 * @param statements every statement run on the warehouse, with its time
 */
public record ModelReport(Instant startedAt, List<CheckResult> checks, List<TableAccess> tables,
        List<ColumnInfo> columns, Preview preview, KeyStats key, List<StatementTiming> statements, String principal,
        boolean cancelled) {
    public ModelReport {
        checks = List.copyOf(checks);
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        statements = List.copyOf(statements);
    }

    /** Ready for Segment: every check passed (or only warned) and the run was not cancelled. */
    public boolean ok() {
        return !cancelled && !checks.isEmpty()
                && checks.stream().allMatch(c -> c.status() == CheckStatus.PASSED || c.status() == CheckStatus.WARNING);
    }

    public CheckResult check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
