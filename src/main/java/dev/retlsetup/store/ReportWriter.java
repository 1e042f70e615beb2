package dev.retlsetup.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.retlsetup.BuildInfo;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestJson;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.diagnose.SetupScript;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last test run as a file to keep or send to an admin: a self-contained HTML page (inline CSS, nothing
 * loaded from anywhere) readable by a non-engineer, or JSON (the {@code test --json} object plus {@code settings},
 * {@code generatedAt}, {@code appVersion}, {@code driverVersion}). Never contains the secret: it is not written,
 * and every text is passed through {@link SecretMasker} with it as a last line of defence.
 */
public final class ReportWriter {
    /** The report formats, told by the file's extension. */
    public enum Format {
        HTML, JSON;

        /** {@code .html}/{@code .htm} or {@code .json}, ignoring case; empty for anything else. */
        public static Optional<Format> of(Path file) {
            Path name = file == null ? null : file.getFileName();
            String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".html") || n.endsWith(".htm")) {
                return Optional.of(HTML);
            }
            if (n.endsWith(".json")) {
                return Optional.of(JSON);
            }
            return Optional.empty();
        }
    }

    private final String appVersion;
    private final String driverVersion;
    private final Clock clock;

    public ReportWriter() {
        this(BuildInfo.version(), DriverInfo.version(), Clock.systemDefaultZone());
    }

    public ReportWriter(String appVersion, String driverVersion, Clock clock) {
        this.appVersion = appVersion;
        this.driverVersion = driverVersion;
        this.clock = clock;
    }

    /**
     * Writes the report to {@code file} (atomically, owner-only) in the format its extension names.
     *
     * @param input the settings tested; its secret is only used to mask it
     * @throws IllegalArgumentException when the extension is not {@code .html}, {@code .htm} or {@code .json}
     * @throws StoreException           when the file cannot be written (the message says why)
     */
    public void write(Path file, ConnectionTestReport report, SourceInput input) throws StoreException {
        Format format = Format.of(file).orElseThrow(() -> new IllegalArgumentException(
                "A report file name must end in .html or .json: " + file));
        String text = format == Format.HTML ? html(report, input) : json(report, input);
        new AtomicWriter().write(file.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ JSON

    public String json(ConnectionTestReport report, SourceInput input) {
        String secret = input.secret();
        ObjectNode root = ConnectionTestJson.tree(report);
        SourceInput n = SourceValidator.normalize(input);
        ObjectNode settings = root.putObject("settings");
        settings.put("host", emptyToNull(n.host()));
        settings.put("httpPath", emptyToNull(n.httpPath()));
        try {
            settings.put("port", Integer.parseInt(n.port()));
        } catch (NumberFormatException e) {
            settings.put("port", emptyToNull(n.port()));
        }
        settings.put("clientId", emptyToNull(n.clientId()));
        settings.put("catalog", emptyToNull(n.catalog()));
        ArrayNode schemas = settings.putArray("schemas");
        dev.retlsetup.source.SchemaList.split(n.schemas()).forEach(schemas::add);
        root.put("generatedAt", clock.instant().toString());
        root.put("appVersion", appVersion);
        root.put("driverVersion", driverVersion);
        mask(root, secret);
        try {
            return StoreJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mask(JsonNode node, String secret) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, new TextNode(SecretMasker.mask(child.asText(), secret)));
                } else {
                    mask(child, secret);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, new TextNode(SecretMasker.mask(child.asText(), secret)));
                } else {
                    mask(child, secret);
                }
            }
        }
    }

    // ------------------------------------------------------------------ HTML

    public String html(ConnectionTestReport report, SourceInput input) {
        String secret = input.secret();
        SourceInput n = SourceValidator.normalize(input);
        List<String> schemas = dev.retlsetup.source.SchemaList.split(n.schemas());
        ZoneId zone = clock.getZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss z", Locale.ENGLISH).withZone(zone);
        Instant generated = clock.instant();

        Html h = new Html(secret);
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.raw("<title>").text("Databricks connection test: " + verdictTitle(report)).raw("</title>\n");
        h.raw("<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n<main>\n");

        String verdictClass = report.complete() ? "ok" : report.ok() ? "warn" : "fail";
        h.raw("<section class=\"verdict " + verdictClass + "\">\n<h1>").text(verdictTitle(report)).raw("</h1>\n");
        h.raw("<p>").text(verdictText(report)).raw("</p>\n</section>\n");

        h.raw("<h2>Settings tested</h2>\n<table class=\"settings\">\n");
        row(h, "Server hostname", n.host());
        row(h, "HTTP path", n.httpPath());
        row(h, "Port", n.port());
        row(h, "Client ID (service principal)", n.clientId());
        row(h, "Catalog", n.catalog().isBlank() ? "(workspace default)" : n.catalog());
        row(h, "Schemas", schemas.isEmpty() ? "(none)" : String.join(", ", schemas));
        row(h, "Signed in as", report.principal() == null ? "(not reached)" : report.principal());
        h.raw("</table>\n<p class=\"note\">The OAuth secret is never included in this report.</p>\n");

        h.raw("<h2>Checks</h2>\n<ol class=\"checks\">\n");
        for (CheckResult c : report.checks()) {
            check(h, c);
        }
        h.raw("</ol>\n");

        h.raw("<h2>Setup script for a Databricks admin</h2>\n");
        h.raw("<p>").text("Run this once in a Databricks SQL editor (as a workspace or catalog admin) to give the "
                + "service principal everything Segment Reverse ETL needs.").raw("</p>\n");
        h.raw("<pre class=\"sql\"><code>")
                .text(SetupScript.text(report.principal() != null ? report.principal() : emptyToNull(n.clientId()),
                        emptyToNull(n.catalog()), schemas))
                .raw("</code></pre>\n");

        h.raw("<footer>\n<p>").text("Test started " + (report.startedAt() == null ? "(unknown)"
                : when.format(report.startedAt())) + "; report generated " + when.format(generated) + ".")
                .raw("</p>\n<p>").text("Databricks Reverse ETL Setup " + appVersion + " · Databricks JDBC driver "
                        + driverVersion).raw("</p>\n</footer>\n");
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void check(Html h, CheckResult c) {
        String css = c.status().jsonName();
        h.raw("<li class=\"check " + css + "\">\n<div class=\"head\"><span class=\"icon\" aria-label=\"")
                .text(statusWord(c.status())).raw("\">").text(icon(c.status())).raw("</span> <strong>")
                .text(c.title()).raw("</strong> <span class=\"status\">").text(statusWord(c.status()))
                .raw("</span>");
        if (c.status() != CheckStatus.SKIPPED) {
            h.raw(" <span class=\"time\">").text(c.millis() + " ms").raw("</span>");
        }
        h.raw("</div>\n<p class=\"summary\">").text(c.summary()).raw("</p>\n");
        if (c.tried() != null && !c.tried().isBlank()) {
            h.raw("<h3>What was tried</h3>\n<pre>").text(c.tried()).raw("</pre>\n");
        }
        if (c.raw() != null && !c.raw().isBlank()) {
            h.raw("<h3>What came back</h3>\n<pre>").text(c.raw()).raw("</pre>\n");
        }
        if (c.explanation() != null && !c.explanation().isBlank()) {
            h.raw("<h3>What it means</h3>\n<p>").text(c.explanation()).raw("</p>\n");
        }
        if (c.hasRemediation()) {
            if (!c.remediation().steps().isEmpty()) {
                h.raw("<h3>How to fix it</h3>\n<ol class=\"steps\">\n");
                for (String step : c.remediation().steps()) {
                    h.raw("<li>").text(step).raw("</li>\n");
                }
                h.raw("</ol>\n");
            }
            if (!c.remediation().sql().isEmpty()) {
                h.raw("<h3>SQL to run (or hand to an admin)</h3>\n<pre class=\"sql\"><code>")
                        .text(String.join("\n", c.remediation().sql())).raw("</code></pre>\n");
            }
        }
        h.raw("</li>\n");
    }

    private static void row(Html h, String label, String value) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(value == null || value.isBlank()
                ? "(empty)" : value).raw("</td></tr>\n");
    }

    /** The headline. */
    static String verdictTitle(ConnectionTestReport report) {
        if (report.cancelled()) {
            return "Test cancelled";
        }
        if (report.complete()) {
            return "Connection works";
        }
        if (report.ok()) {
            return "No check failed, but the connection is not fully proven";
        }
        int failed = report.failed().size();
        return failed == 1 ? "1 check failed" : failed + " checks failed";
    }

    private static String verdictText(ConnectionTestReport report) {
        if (report.cancelled()) {
            return "The test was stopped before it finished. Anything it created was removed.";
        }
        if (report.complete()) {
            return "Segment can sign in, use the SQL warehouse and read the schemas listed below"
                    + (report.principal() == null ? "." : " as " + report.principal() + ".")
                    + " Not proven: that every table and model query works (one table per schema was read), and "
                    + "that Segment's own IP addresses are allowed (this test ran from this computer).";
        }
        if (report.ok()) {
            return "Some checks were skipped or gave a warning. Read the notes on each check below.";
        }
        return "Each failed check below says what was tried, what came back, what it means and how to fix it.";
    }

    private static String icon(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✓";
            case WARNING -> "!";
            case FAILED -> "✗";
            case SKIPPED -> "–";
        };
    }

    private static String statusWord(CheckStatus status) {
        return switch (status) {
            case PASSED -> "Passed";
            case WARNING -> "Warning";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped";
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** HTML being built: {@link #text} masks and escapes, {@link #raw} is for the page's own markup only. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder();
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
    public static String escape(String text) {
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

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 0;
                   background: #f6f7f9; color: #1d2330; line-height: 1.5; }
            main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
            h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
            h2 { margin-top: 2rem; font-size: 1.2rem; }
            h3 { font-size: .95rem; margin: .75rem 0 .25rem; color: #4a5263; }
            .verdict { border-radius: 8px; padding: 1rem 1.25rem; border-left: 8px solid; background: #fff; }
            .verdict.ok { border-color: #1e8e3e; } .verdict.warn { border-color: #d98e04; }
            .verdict.fail { border-color: #c5221f; }
            table.settings { border-collapse: collapse; background: #fff; width: 100%; }
            table.settings th, table.settings td { text-align: left; padding: .4rem .75rem;
                   border-bottom: 1px solid #e3e6eb; vertical-align: top; }
            table.settings th { width: 16rem; font-weight: 600; }
            td { word-break: break-all; }
            .note { color: #5b6473; font-size: .9rem; }
            ol.checks { list-style: none; padding: 0; }
            li.check { background: #fff; border-radius: 8px; padding: .75rem 1rem; margin: .5rem 0;
                   border-left: 6px solid #c8cdd6; }
            li.check.passed { border-color: #1e8e3e; } li.check.warning { border-color: #d98e04; }
            li.check.failed { border-color: #c5221f; } li.check.skipped { border-color: #c8cdd6; color: #5b6473; }
            .icon { display: inline-block; width: 1.4rem; text-align: center; font-weight: 700; }
            .passed .icon { color: #1e8e3e; } .warning .icon { color: #d98e04; } .failed .icon { color: #c5221f; }
            .status, .time { color: #5b6473; font-size: .85rem; margin-left: .5rem; }
            .summary { margin: .25rem 0; }
            pre { background: #f0f2f5; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto;
                   white-space: pre-wrap; word-break: break-word; font-size: .85rem; }
            pre.sql { background: #1d2330; color: #e8eaf0; }
            footer { margin-top: 2rem; color: #5b6473; font-size: .85rem; }
            @media print { body { background: #fff; } pre.sql { background: #f0f2f5; color: #1d2330; } }
            """;
}
