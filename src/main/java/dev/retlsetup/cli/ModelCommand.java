package dev.retlsetup.cli;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.model.KeyStats;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.model.ModelListener;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.ModelReportJson;
import dev.retlsetup.model.ModelRequest;
import dev.retlsetup.model.Preview;
import dev.retlsetup.source.ConfigFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code retl-setup model}: checks a model as Segment will run it (one query, every table readable,
 * compiles, preview, unique identifier counted on the warehouse). Exit 0 when ready for Segment, 1
 * when a problem was found (a second statement is found before anything is sent), 2 on usage.
 */
public final class ModelCommand implements Command {
    static final String SQL = "--sql";
    static final String SQL_FILE = "--sql-file";
    static final String KEY = "--key";
    static final String PREVIEW = "--preview";
    static final String TIMEOUT = "--timeout";
    static final String JSON = "--json";
    /** A model file larger than this is not a query someone pasted. */
    private static final long MAX_SQL_BYTES = 1_000_000;

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String summary() {
        return "check that Segment can sync a model (SQL + unique identifier)";
    }

    @Override
    public String usage() {
        return "Usage: java -jar retl-setup.jar model [source options] (--sql SQL | --sql-file FILE) --key COLUMN\n"
                + "           [--preview N] [--timeout SECONDS] [--trust-store PATH --trust-store-password PW] [--json]\n\n"
                + "Checks, in order: the SQL is one query (Segment wraps it in a CTE), a session as the service\n"
                + "principal, every table it reads is readable (all missing GRANTs at once), it compiles on the\n"
                + "warehouse, a preview of its first rows, and the unique identifier: rows, distinct values, NULLs\n"
                + "and duplicated values, counted on the warehouse by one aggregate statement.\n\n"
                + SourceOptions.usage()
                + "\nModel options:\n"
                + "  --sql SQL            the model's query\n"
                + "  --sql-file FILE      read the query from FILE (UTF-8)\n"
                + "  --key COLUMN         the model's unique identifier column\n"
                + "  --preview N          rows to preview, 0 to 100 (default " + ModelRequest.DEFAULT_PREVIEW + ")\n"
                + "  --timeout SECONDS    time limit of each statement on the warehouse (default "
                + ModelRequest.DEFAULT_STATEMENT_TIMEOUT.toSeconds() + "); past it the statement is cancelled\n"
                + "  --trust-store PATH   trust the certificates in this PKCS12/JKS file instead of the system's\n"
                + "  --trust-store-password PW\n"
                + "  --json               print one JSON object: {ok, tables, columns, preview, key, checks}\n\n"
                + "Exit codes: 0 ready for Segment, 1 a problem was found, 2 wrong arguments.\n";
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        SourceOptions.rejectSecretArguments(args);
        Args parsed = Args.parse(args, SourceOptions.withValueOptions(TestCommand.TRUST_STORE,
                TestCommand.TRUST_STORE_PASSWORD, SQL, SQL_FILE, KEY, PREVIEW, TIMEOUT), Set.of(JSON));
        String sql = sql(parsed);
        String key = parsed.value(KEY);
        if (key == null || key.isBlank()) {
            throw new UsageException(KEY + " COLUMN is required: the model's unique identifier");
        }
        int preview = preview(parsed);
        Duration timeout = parsed.seconds(TIMEOUT, ModelRequest.DEFAULT_STATEMENT_TIMEOUT);
        SourceOptions.Resolved resolved;
        try {
            resolved = SourceOptions.resolve(parsed, context);
        } catch (ConfigFileException e) {
            context.err().println("retl-setup model: " + e.getMessage());
            return 2;
        }
        resolved.notes().forEach(note -> context.err().println("retl-setup model: " + note));
        ModelRequest request = new ModelRequest(resolved.validation(), TestCommand.trust(parsed), sql, key, preview, timeout);
        boolean json = parsed.has(JSON);
        ModelChecker checker = new ModelChecker();
        // Ctrl-C cancels the statement running on the warehouse, then the session closes.
        Thread onInterrupt = new Thread(checker::cancel, "cancel-model");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ModelReport report;
        try {
            report = checker.run(request, json ? ModelListener.NONE : new LivePrinter(context.out()));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook is running.
            }
        }
        if (json) {
            context.out().println(ModelReportJson.write(report));
        } else {
            printResults(report, context.out());
        }
        return report.ok() ? 0 : 1;
    }

    private static String sql(Args parsed) throws UsageException {
        String inline = parsed.value(SQL);
        String file = parsed.value(SQL_FILE);
        if ((inline == null) == (file == null)) {
            throw new UsageException("give the model's query with exactly one of " + SQL + " SQL or " + SQL_FILE
                    + " FILE");
        }
        if (inline != null) {
            return inline;
        }
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new UsageException(SQL_FILE + ": no readable file at " + file);
            }
            if (Files.size(path) > MAX_SQL_BYTES) {
                throw new UsageException(SQL_FILE + ": " + file + " is larger than 1 MB; a model is one query");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (InvalidPathException e) {
            throw new UsageException(SQL_FILE + " is not a valid file name: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException(SQL_FILE + ": " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(SQL_FILE + ": " + file + " could not be read: " + e.getMessage());
        }
    }

    private static int preview(Args parsed) throws UsageException {
        String value = parsed.value(PREVIEW);
        if (value == null) {
            return ModelRequest.DEFAULT_PREVIEW;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > ModelRequest.MAX_PREVIEW) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(PREVIEW + " must be a number of rows from 0 to " + ModelRequest.MAX_PREVIEW);
        }
    }

    private static void printResults(ModelReport report, PrintStream out) {
        Preview preview = report.preview();
        if (preview != null && !preview.rows().isEmpty()) {
            out.println();
            out.println("Preview (" + preview.rows().size() + " rows):");
            out.println("  " + preview.columns().stream().map(c -> c.name() + " " + c.type())
                    .collect(Collectors.joining(" | ")));
            for (List<Object> row : preview.rows()) {
                out.println("  " + row.stream().map(v -> v == null ? "NULL" : String.valueOf(v))
                        .collect(Collectors.joining(" | ")));
            }
        }
        KeyStats key = report.key();
        if (key != null) {
            out.println();
            out.println("Unique identifier " + key.column() + ": " + key.rows() + " rows, " + key.distinct()
                    + " distinct, " + key.nulls() + " NULL" + (key.duplicates().isEmpty() ? ""
                    : "; duplicated: " + key.duplicates().stream().map(d -> d.value() + " ×" + d.count())
                    .collect(Collectors.joining(", "))));
        }
        out.println();
        if (report.cancelled()) {
            out.println("Cancelled.");
        } else if (report.ok()) {
            out.println("Ready for Segment: paste the query as the model's SQL and choose " + report.key().column()
                    + " as its Unique Identifier.");
        } else {
            List<String> failed = report.checks().stream().filter(c -> c.status().isFailure())
                    .map(CheckResult::title).toList();
            out.println("Not ready for Segment: " + String.join("; ", failed) + ". Fix the problems above and run "
                    + "the check again.");
        }
    }

    /** Prints each check as it finishes. */
    private static final class LivePrinter implements ModelListener {
        private final PrintStream out;

        LivePrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void finished(CheckResult result) {
            ConnectionTestText.check(result, out);
            out.flush();
        }
    }
}
