package dev.retlsetup.report;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.BuildInfo;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.store.AtomicWriter;
import dev.retlsetup.store.DriverInfo;
import dev.retlsetup.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The last test run as a file to keep or send to an admin: a self-contained HTML page that opens with the
 * verdict and the fix ({@link HtmlReport}), or JSON ({@link JsonReport}). Never contains the secret: it is not
 * written, and every text is masked with it as a last line of defence.
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

    private final Clock clock;
    private final HtmlReport html;
    private final JsonReport json;

    /** This build's versions, the system clock, the default locale. */
    public ReportWriter() {
        this(BuildInfo.version(), DriverInfo.version(), Clock.systemDefaultZone(), Locale.getDefault());
    }

    public ReportWriter(String appVersion, String driverVersion, Clock clock, Locale locale) {
        this.clock = clock;
        this.html = new HtmlReport(Messages.REPORT.in(locale), appVersion, driverVersion, clock.getZone());
        this.json = new JsonReport(appVersion, driverVersion);
    }

    /**
     * Writes the report to {@code file} (atomically, owner-only) in the format its extension names.
     *
     * @throws IllegalArgumentException when the extension is not {@code .html}, {@code .htm} or {@code .json}
     * @throws StoreException           when the file cannot be written (the message says why)
     */
    public void write(Path file, ConnectionTestReport report, ReportSubject subject) throws StoreException {
        Format format = Format.of(file).orElseThrow(() -> new IllegalArgumentException(
                "A report file name must end in .html or .json: " + file));
        String text = format == Format.HTML ? html(report, subject) : json(report, subject);
        new AtomicWriter().write(file.toAbsolutePath(), text.getBytes(StandardCharsets.UTF_8));
    }

    public String html(ConnectionTestReport report, ReportSubject subject) {
        return html.render(report, subject, clock.instant());
    }

    public String json(ConnectionTestReport report, ReportSubject subject) {
        return json.render(report, subject, clock.instant());
    }
}
