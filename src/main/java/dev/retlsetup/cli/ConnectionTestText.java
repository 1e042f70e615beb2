package dev.retlsetup.cli;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import java.io.PrintStream;

/** The readable form of a test run for a terminal. */
final class ConnectionTestText {
    private ConnectionTestText() {
    }

    static void check(CheckResult result, PrintStream out) {
        String mark = switch (result.status()) {
            case PASSED -> "✓";
            case WARNING -> "!";
            case FAILED -> "✗";
            case SKIPPED -> "-";
        };
        String time = result.status() == CheckStatus.SKIPPED ? "" : " (" + result.millis() + " ms)";
        out.println(mark + " " + result.title() + time + ": " + result.summary());
        if (result.status() != CheckStatus.FAILED && result.status() != CheckStatus.WARNING) {
            return;
        }
        if (result.tried() != null) {
            indent(out, "Tried:", result.tried());
        }
        if (result.raw() != null && !result.raw().isBlank()) {
            indent(out, "Answer:", result.raw());
        }
        if (result.explanation() != null) {
            indent(out, "Meaning:", result.explanation());
        }
        if (result.hasRemediation()) {
            for (String step : result.remediation().steps()) {
                indent(out, "Fix:", step);
            }
            if (!result.remediation().sql().isEmpty()) {
                out.println("    SQL to run (or hand to an admin):");
                result.remediation().sql().forEach(sql -> out.println("      " + sql));
            }
            if (!result.remediation().alternative().isEmpty()) {
                out.println("    Or instead:");
                result.remediation().alternative().forEach(sql -> out.println("      " + sql));
            }
        }
    }

    private static void indent(PrintStream out, String label, String text) {
        String[] lines = text.split("\\R");
        out.println("    " + label + " " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.println("    " + " ".repeat(label.length() + 1) + lines[i]);
        }
    }

    static void verdict(ConnectionTestReport report, PrintStream out) {
        out.println();
        if (report.cancelled()) {
            out.println("Cancelled. Anything the test created was removed.");
        } else if (report.complete()) {
            out.println("Connection works: Segment can sign in, use the warehouse and read "
                    + String.join(", ", report.checks().stream().filter(c -> c.id().startsWith("schema:"))
                            .map(c -> c.id().substring("schema:".length())).toList())
                    + (report.principal() == null ? "." : " as " + report.principal() + "."));
            out.println("Not proven: that every table and model query works (one table per schema was read), and "
                    + "that Segment's own IP addresses are allowed (this test ran from this computer).");
        } else if (report.ok()) {
            out.println("No check failed, but some were skipped or warned: read the notes above.");
        } else {
            out.println(report.failed().size() + " check(s) failed. The fixes are listed above.");
        }
    }
}
