package dev.retlsetup.check;

import dev.retlsetup.source.SourceInput;
import java.time.Duration;
import java.util.Set;

/**
 * What to test: the settings as typed (validation is the first check), whom to trust, whether to
 * start a stopped warehouse, the overall time limit, and optionally only some checks to re-run.
 */
public record ConnectionTestRequest(SourceInput input, TrustConfig trust, boolean startWarehouse, Duration timeout,
        Set<String> onlyChecks) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public ConnectionTestRequest {
        trust = trust == null ? TrustConfig.systemDefault() : trust;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onlyChecks = onlyChecks == null ? Set.of() : Set.copyOf(onlyChecks);
    }

    public static ConnectionTestRequest of(SourceInput input, TrustConfig trust) {
        return new ConnectionTestRequest(input, trust, false, DEFAULT_TIMEOUT, Set.of());
    }

    public ConnectionTestRequest withStartWarehouse(boolean start) {
        return new ConnectionTestRequest(input, trust, start, timeout, onlyChecks);
    }

    public ConnectionTestRequest withTimeout(Duration value) {
        return new ConnectionTestRequest(input, trust, startWarehouse, value, onlyChecks);
    }
}
