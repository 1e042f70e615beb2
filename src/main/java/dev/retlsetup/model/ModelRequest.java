package dev.retlsetup.model;

import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.Validation;
import java.time.Duration;

/**
 * What to check: the source as the form or the command line validated it, whom to trust, the model's SQL and unique identifier, how
 * many rows to preview (0 skips the preview, at most {@link #MAX_PREVIEW}) and the time limit of
 * each statement on the warehouse.
 */
public record ModelRequest(Validation validation, TrustConfig trust, String sql, String key, int previewRows,
        Duration statementTimeout) {
    public static final int DEFAULT_PREVIEW = 10;
    public static final int MAX_PREVIEW = 100;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(120);

    public ModelRequest {
        java.util.Objects.requireNonNull(validation, "validation");
        trust = trust == null ? TrustConfig.systemDefault() : trust;
        sql = sql == null ? "" : sql;
        key = key == null ? "" : key.strip();
        if (previewRows < 0 || previewRows > MAX_PREVIEW) {
            throw new IllegalArgumentException("previewRows must be between 0 and " + MAX_PREVIEW);
        }
        statementTimeout = statementTimeout == null ? DEFAULT_STATEMENT_TIMEOUT : statementTimeout;
    }

    public static ModelRequest of(Validation validation, TrustConfig trust, String sql, String key) {
        return new ModelRequest(validation, trust, sql, key, DEFAULT_PREVIEW, DEFAULT_STATEMENT_TIMEOUT);
    }
}
