package dev.retlsetup.check;

import dev.retlsetup.diagnose.CatalogKind;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run found, in check order.
 *
 * @param cancelled the user stopped the run
 * @param timedOut  the run's overall time limit ran out before every check had its answer
 * @param leftovers what the run could not clean up: probes still in the workspace, each with its DROP statement
 */
public record ConnectionTestReport(Instant startedAt, List<CheckResult> checks, String principal, CatalogKind catalogKind,
        String catalog, boolean cancelled, boolean timedOut, List<Leftover> leftovers) {

    public ConnectionTestReport {
        checks = List.copyOf(checks);
        leftovers = leftovers == null ? List.of() : List.copyOf(leftovers);
    }

    /** A run that was not stopped by the overall time limit and left nothing behind. */
    public ConnectionTestReport(Instant startedAt, List<CheckResult> checks, String principal, CatalogKind catalogKind,
            String catalog, boolean cancelled) {
        this(startedAt, checks, principal, catalogKind, catalog, cancelled, false, List.of());
    }

    /**
     * True when the run got an answer from every check it planned: not cancelled, not cut short by the time limit.
     * A run that did not finish says nothing about the connection: it is "not tested", never "failed".
     */
    public boolean finished() {
        return !cancelled && !timedOut;
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
