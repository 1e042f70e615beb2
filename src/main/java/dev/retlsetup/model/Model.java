package dev.retlsetup.model;

import dev.retlsetup.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model as a source keeps it: a name, the SQL, the unique identifier, and the last check's
 * outcome. A plain record of strings, booleans, numbers and lists, so a plain Jackson mapper (the
 * store's) writes and reads it as JSON with the source. A model holds no secret.
 *
 * @param lastCheck null until the model was checked
 */
public record Model(String name, String sql, String key, LastCheck lastCheck) {
    public Model {
        Objects.requireNonNull(name, "name");
        sql = sql == null ? "" : sql;
        key = key == null ? "" : key;
    }

    /**
     * What the last check found, for a start-page card.
     *
     * @param checkedAt when it ran, ISO-8601 ({@link Instant#toString()}), so plain JSON writes it
     * @param failed the ids of the checks that failed ({@link ModelStep}), empty when ready
     * @param rows   rows the model returned when the identifier was counted, null when it was not
     */
    public record LastCheck(String checkedAt, boolean ready, List<String> failed, String summary, Long rows) {
        public LastCheck {
            failed = failed == null ? List.of() : List.copyOf(failed);
        }

        public static LastCheck of(ModelReport report) {
            List<String> failed = report.checks().stream().filter(c -> c.status().isFailure())
                    .map(dev.retlsetup.check.CheckResult::id).toList();
            String summary = report.checks().stream().filter(c -> c.status().isFailure()).findFirst()
                    .map(dev.retlsetup.check.CheckResult::summary)
                    .orElseGet(() -> report.key() == null ? "" : Messages.MODEL.text("model.key.passed", report.key().column(),
                            report.key().rows(), report.key().distinct()));
            return new LastCheck(report.startedAt().toString(), report.ok(), failed, summary,
                    report.key() == null ? null : report.key().rows());
        }
    }

    public Model withLastCheck(LastCheck check) {
        return new Model(name, sql, key, check);
    }

    /** What to paste into Segment's model form: the query and the unique identifier. */
    public String forSegment() {
        return "-- Unique Identifier: " + key + "\n" + sql.strip() + "\n";
    }
}
