package dev.retlsetup.check;

import dev.retlsetup.source.Validation;
import java.time.Duration;
import java.util.Set;

/**
 * What to test: the settings as the form or the command line validated them (the verdict is computed once,
 * where the input is typed, and passed on; the tester reports it as its first check), whom to trust, whether
 * to start a stopped warehouse, the overall time limit, optionally only some checks to re-run, and whether
 * the checks after the session overlap their statements.
 */
public record ConnectionTestRequest(Validation validation, TrustConfig trust, boolean startWarehouse,
        Duration timeout, Set<String> onlyChecks, StatementOverlap statementOverlap) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ConnectionTestRequest {
        java.util.Objects.requireNonNull(validation, "validation");
        trust = trust == null ? TrustConfig.systemDefault() : trust;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onlyChecks = onlyChecks == null ? Set.of() : Set.copyOf(onlyChecks);
        statementOverlap = statementOverlap == null ? StatementOverlap.AUTO : statementOverlap;
    }

    public ConnectionTestRequest(Validation validation, TrustConfig trust, boolean startWarehouse, Duration timeout,
            Set<String> onlyChecks) {
        this(validation, trust, startWarehouse, timeout, onlyChecks, StatementOverlap.AUTO);
    }

    public static ConnectionTestRequest of(Validation validation, TrustConfig trust) {
        return new ConnectionTestRequest(validation, trust, false, DEFAULT_TIMEOUT, Set.of());
    }

    public ConnectionTestRequest withStartWarehouse(boolean start) {
        return new ConnectionTestRequest(validation, trust, start, timeout, onlyChecks, statementOverlap);
    }

    public ConnectionTestRequest withTimeout(Duration value) {
        return new ConnectionTestRequest(validation, trust, startWarehouse, value, onlyChecks, statementOverlap);
    }

    public ConnectionTestRequest withStatementOverlap(StatementOverlap value) {
        return new ConnectionTestRequest(validation, trust, startWarehouse, timeout, onlyChecks, value);
    }
}
