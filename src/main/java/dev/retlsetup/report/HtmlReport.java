package dev.retlsetup.report;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The report as one self-contained HTML page (inline CSS, no script, nothing loaded from anywhere), ordered for
 * the admin who receives it: the verdict and the source first; when something failed, what failed and exactly
 * what to run; the checks that passed or were skipped compact at the end, then the settings and versions.
 * Every text is masked with the secret and escaped on the way out.
 */
final class HtmlReport {
    static final String CSS_RESOURCE = "report.css";
    private static final String CSS = loadCss();

    private final Messages m;
    private final String appVersion;
    private final String driverVersion;
    private final DateTimeFormatter when;

    HtmlReport(Messages messages, String appVersion, String driverVersion, ZoneId zone) {
        this.m = messages;
        this.appVersion = appVersion;
        this.driverVersion = driverVersion;
        this.when = DateTimeFormatter.ofPattern(messages.text("date.pattern"), messages.locale()).withZone(zone);
    }

    String render(ConnectionTestReport report, ReportSubject subject, Instant generated) {
        SourceSettings s = subject.settings();
        Html h = new Html(s.secret());
        String verdict = verdictTitle(report);
        h.raw("<!DOCTYPE html>\n<html lang=\"").text(m.text("html.lang")).raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.raw("<title>").text(m.text("page.title", verdict)).raw("</title>\n");
        h.raw("<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n<main>\n");

        verdict(h, report, verdict);
        source(h, report, subject);
        if (!report.failed().isEmpty()) {
            whatFailed(h, report);
            whatToRun(h, report, s);
        } else if (report.complete()) {
            proven(h, report, s);
        }
        warnings(h, report);
        otherChecks(h, report);
        settings(h, report, s);
        footer(h, report, generated);
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ the top: verdict and source

    private void verdict(Html h, ConnectionTestReport report, String title) {
        String css = report.cancelled() ? "warn" : report.complete() ? "ok" : report.ok() ? "warn" : "fail";
        h.raw("<header class=\"verdict " + css + "\">\n<h1>").text(title).raw("</h1>\n<p>").text(verdictText(report))
                .raw("</p>\n</header>\n");
    }

    String verdictTitle(ConnectionTestReport report) {
        if (report.cancelled()) {
            return m.text("verdict.cancelled");
        }
        if (report.complete()) {
            return m.text("verdict.works");
        }
        if (report.ok()) {
            return m.text("verdict.incomplete");
        }
        return m.text("verdict.failed", report.failed().size());
    }

    private String verdictText(ConnectionTestReport report) {
        if (report.cancelled()) {
            return m.text("verdict.cancelled.text");
        }
        if (report.complete()) {
            return m.text("verdict.works.text");
        }
        if (report.ok()) {
            return m.text("verdict.incomplete.text");
        }
        return m.text("verdict.failed.text");
    }

    private void source(Html h, ConnectionTestReport report, ReportSubject subject) {
        SourceSettings s = subject.settings();
        h.raw("<section class=\"source\" aria-label=\"").text(m.text("source.heading")).raw("\">\n<dl>\n");
        if (subject.sourceName() != null) {
            pair(h, m.text("source.name"), subject.sourceName());
        }
        pair(h, m.text("source.workspace"), s.host());
        String warehouse = s.warehouseId() != null ? s.warehouseId()
                : s.httpPath() == null ? null : m.text("source.warehouse.path", s.httpPath());
        pair(h, m.text("source.warehouse"), warehouse);
        pair(h, m.text("source.principal"), report.principal() != null ? report.principal() : s.clientId());
        h.raw("</dl>\n");
        if (subject.demo()) {
            h.raw("<p class=\"demo\">").text(m.text("demo.note", subject.demoScenario())).raw("</p>\n");
        }
        h.raw("</section>\n");
    }

    private void pair(Html h, String label, String value) {
        h.raw("<div><dt>").text(label).raw("</dt><dd>").text(orEmpty(value)).raw("</dd></div>\n");
    }

    // ------------------------------------------------------------------ a failed run: what failed, what to run

    private void whatFailed(Html h, ConnectionTestReport report) {
        h.raw("<section class=\"failed\">\n<h2>").text(m.text("failed.heading")).raw("</h2>\n<ol class=\"problems\">\n");
        for (CheckResult c : report.failed()) {
            h.raw("<li>\n<h3>").text(c.title()).raw("</h3>\n<p><strong>").text(c.summary()).raw("</strong>");
            if (present(c.explanation())) {
                h.raw(" ").text(c.explanation());
            }
            h.raw("</p>\n");
            if (present(c.tried()) || present(c.raw())) {
                h.raw("<details class=\"raw\">\n<summary>").text(m.text("failed.details")).raw("</summary>\n");
                if (present(c.tried())) {
                    h.raw("<h4>").text(m.text("check.tried")).raw("</h4>\n<pre>").text(c.tried()).raw("</pre>\n");
                }
                if (present(c.raw())) {
                    h.raw("<h4>").text(m.text("check.raw")).raw("</h4>\n<pre>").text(c.raw()).raw("</pre>\n");
                }
                h.raw("</details>\n");
            }
            h.raw("</li>\n");
        }
        h.raw("</ol>\n</section>\n");
    }

    private void whatToRun(Html h, ConnectionTestReport report, SourceSettings s) {
        FixPlan plan = FixPlan.of(report);
        h.raw("<section class=\"fix\">\n<h2>").text(m.text("fix.heading")).raw("</h2>\n");
        if (plan.isEmpty()) {
            h.raw("<p>").text(m.text("fix.none")).raw("</p>\n</section>\n");
            return;
        }
        if (!plan.steps().isEmpty()) {
            h.raw("<h3>").text(m.text("fix.steps.heading")).raw("</h3>\n");
            boolean titled = plan.steps().size() > 1;
            for (FixPlan.Steps group : plan.steps()) {
                if (titled) {
                    h.raw("<h4>").text(m.text("fix.steps.for", group.checkTitle())).raw("</h4>\n");
                }
                h.raw("<ol class=\"steps\">\n");
                for (String step : group.steps()) {
                    h.raw("<li>").text(step).raw("</li>\n");
                }
                h.raw("</ol>\n");
            }
        }
        if (!plan.sql().isEmpty()) {
            String principal = report.principal() != null ? report.principal() : s.clientId();
            h.raw("<h3>").text(m.text("fix.sql.heading")).raw("</h3>\n<p>").text(m.text("fix.sql.intro"))
                    .raw("</p>\n<pre class=\"sql\"><code>")
                    .text(m.text("fix.sql.comment", orEmpty(principal), orEmpty(s.host())) + "\n"
                            + String.join("\n", plan.sql()))
                    .raw("</code></pre>\n");
        }
        h.raw("</section>\n");
    }

    // ------------------------------------------------------------------ a passing run: what was proven

    private void proven(Html h, ConnectionTestReport report, SourceSettings s) {
        h.raw("<section class=\"proven\">\n<h2>").text(m.text("proven.heading")).raw("</h2>\n<ul class=\"proven\">\n");
        for (CheckResult c : report.checks()) {
            if (c.status() == CheckStatus.PASSED) {
                h.raw("<li>").text(c.title()).raw("</li>\n");
            }
        }
        h.raw("</ul>\n<h2>").text(m.text("notProven.heading")).raw("</h2>\n<ul class=\"not-proven\">\n");
        h.raw("<li>").text(m.text(s.schemas().isEmpty() ? "notProven.noSchemas" : "notProven.tables")).raw("</li>\n");
        h.raw("<li>").text(m.text("notProven.network")).raw("</li>\n");
        h.raw("</ul>\n</section>\n");
    }

    private void warnings(Html h, ConnectionTestReport report) {
        List<CheckResult> warnings = report.checks().stream().filter(c -> c.status() == CheckStatus.WARNING).toList();
        if (warnings.isEmpty()) {
            return;
        }
        h.raw("<section class=\"warnings\">\n<h2>").text(m.text("warnings.heading")).raw("</h2>\n<ul>\n");
        for (CheckResult c : warnings) {
            h.raw("<li><strong>").text(c.title()).raw("</strong>: ").text(c.detail());
            // A warning does not block Segment: its plain-words advice is shown, never SQL to run.
            if (c.remediation() != null && !c.remediation().steps().isEmpty()) {
                h.raw("\n<ul>\n");
                for (String step : c.remediation().steps()) {
                    h.raw("<li>").text(step).raw("</li>\n");
                }
                h.raw("</ul>\n");
            }
            h.raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
    }

    // ------------------------------------------------------------------ the rest, compact

    private void otherChecks(Html h, ConnectionTestReport report) {
        List<CheckResult> others = report.checks().stream().filter(c -> c.status() != CheckStatus.FAILED).toList();
        if (others.isEmpty()) {
            return;
        }
        String label = report.failed().isEmpty() ? m.text("checks.all", others.size())
                : m.text("checks.others", others.size());
        h.raw("<details class=\"checks\">\n<summary>").text(label).raw("</summary>\n<ul class=\"checks\">\n");
        for (CheckResult c : others) {
            String word = statusWord(c.status());
            h.raw("<li class=\"" + c.status().jsonName() + "\"><span class=\"icon\" role=\"img\" aria-label=\"")
                    .text(word).raw("\">").text(icon(c.status())).raw("</span><div><strong>").text(c.title())
                    .raw("</strong> <span class=\"meta\">").text(word);
            if (c.status() != CheckStatus.SKIPPED) {
                h.raw(" · ").text(m.text("checks.millis", c.millis()));
            }
            h.raw("</span><br>").text(c.summary()).raw("</div></li>\n");
        }
        h.raw("</ul>\n</details>\n");
    }

    private void settings(Html h, ConnectionTestReport report, SourceSettings s) {
        h.raw("<h2>").text(m.text("settings.heading")).raw("</h2>\n<table class=\"settings\">\n");
        row(h, m.text("settings.host"), s.host());
        row(h, m.text("settings.httpPath"), s.httpPath());
        row(h, m.text("settings.port"), s.port() > 0 ? String.valueOf(s.port()) : null);
        row(h, m.text("settings.clientId"), s.clientId());
        row(h, m.text("settings.catalog"), s.catalog() == null ? m.text("settings.catalog.default") : s.catalog());
        row(h, m.text("settings.schemas"),
                s.schemas().isEmpty() ? m.text("settings.schemas.none") : String.join(", ", s.schemas()));
        row(h, m.text("settings.principal"),
                report.principal() == null ? m.text("settings.principal.none") : report.principal());
        h.raw("</table>\n<p class=\"note\">").text(m.text("settings.secret.note")).raw("</p>\n");
    }

    private void row(Html h, String label, String value) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(orEmpty(value)).raw("</td></tr>\n");
    }

    private void footer(Html h, ConnectionTestReport report, Instant generated) {
        String started = report.startedAt() == null ? m.text("footer.times.unknown") : when.format(report.startedAt());
        h.raw("<footer>\n<p>").text(m.text("footer.times", started, when.format(generated))).raw("</p>\n<p>")
                .text(m.text("footer.versions", appVersion, driverVersion)).raw("</p>\n</footer>\n");
    }

    private String statusWord(CheckStatus status) {
        return switch (status) {
            case PASSED -> m.text("status.passed");
            case WARNING -> m.text("status.warning");
            case FAILED -> m.text("status.failed");
            case SKIPPED -> m.text("status.skipped");
        };
    }

    private static String icon(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✓";
            case WARNING -> "!";
            case FAILED -> "✗";
            case SKIPPED -> "–";
        };
    }

    private String orEmpty(String value) {
        return value == null || value.isBlank() ? m.text("settings.empty") : value;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CSS_RESOURCE + " next to " + HtmlReport.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML being built: {@link #text} masks and escapes, {@link #raw} is for the page's own markup only. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder(16_384);
        private final String secret;

        Html(String secret) {
            this.secret = secret;
        }

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(String text) {
            out.append(escape(SecretMasker.mask(text == null ? "" : text, secret)));
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
