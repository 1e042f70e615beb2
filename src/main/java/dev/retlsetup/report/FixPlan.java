package dev.retlsetup.report;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.ConnectionTestReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the failed checks of one run ask an admin to do, in one place: the SQL of all of them
 * combined (each statement once, in check order) and the plain-words steps of each failed check.
 * Several checks often need the same grant (a missing catalog permission breaks every schema), and an
 * admin should run it once, not pick it out of each check.
 *
 * @param sql   the statements, de-duplicated (ignoring case and spacing), in the order the checks gave them
 * @param steps per failed check that has steps: its title and the steps, in check order
 */
record FixPlan(List<String> sql, List<Steps> steps) {
    /** One failed check's plain-words steps. */
    record Steps(String checkTitle, List<String> steps) {
        Steps {
            steps = List.copyOf(steps);
        }
    }

    FixPlan {
        sql = List.copyOf(sql);
        steps = List.copyOf(steps);
    }

    static FixPlan of(ConnectionTestReport report) {
        Map<String, String> sql = new LinkedHashMap<>();
        List<Steps> steps = new ArrayList<>();
        for (CheckResult check : report.failed()) {
            if (check.remediation() == null) {
                continue;
            }
            for (String statement : check.remediation().sql()) {
                if (statement != null && !statement.isBlank()) {
                    sql.putIfAbsent(identity(statement), statement.strip());
                }
            }
            List<String> checkSteps = new ArrayList<>(check.remediation().steps());
            if (!check.remediation().alternative().isEmpty()) {
                checkSteps.add(dev.retlsetup.i18n.Messages.REPORT.text("fix.alternative",
                        String.join(" ", check.remediation().alternative())));
            }
            if (!checkSteps.isEmpty()) {
                steps.add(new Steps(check.title(), checkSteps));
            }
        }
        return new FixPlan(new ArrayList<>(sql.values()), steps);
    }

    boolean isEmpty() {
        return sql.isEmpty() && steps.isEmpty();
    }

    /** Two statements are the same when they differ only in case, spacing or the final semicolon. */
    private static String identity(String statement) {
        String s = statement.strip().replaceAll("\\s+", " ");
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
