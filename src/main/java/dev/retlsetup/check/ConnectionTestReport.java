package dev.retlsetup.check;

import dev.retlsetup.diagnose.CatalogKind;
import java.time.Instant;
import java.util.List;

/** Everything a run found, in check order. */
public record ConnectionTestReport(Instant startedAt, List<CheckResult> checks, String principal, CatalogKind catalogKind,
        String catalog, boolean cancelled) {

    public ConnectionTestReport {
        checks = List.copyOf(checks);
    }

    /** No check failed (warnings and skips allowed) and the run was not cancelled. */
    public boolean ok() {
        return !cancelled && checks.stream().noneMatch(c -> c.status() == CheckStatus.FAILED);
    }

    public List<CheckResult> failed() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAILED).toList();
    }

    /** True when every planned check ran and passed or warned: the connection is proven. */
    public boolean complete() {
        return ok() && checks.stream().noneMatch(c -> c.status() == CheckStatus.SKIPPED);
    }

    public long totalMillis() {
        return checks.stream().mapToLong(CheckResult::millis).sum();
    }
}
