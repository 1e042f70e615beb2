package dev.retlsetup.cli;

import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.check.Check;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestJson;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.Leftover;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.report.ReportSubject;
import dev.retlsetup.report.ReportWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.store.SourceStore;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.store.ConnectionTestSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code retl-setup test}: runs the connection test with the real driver and prints each check as
 * it finishes, failures with what to fix. Exit 0 when no check failed, 1 otherwise, 2 on usage.
 */
public final class TestCommand implements Command {
    static final String TRUST_STORE = "--trust-store";
    static final String TRUST_STORE_PASSWORD = "--trust-store-password";
    static final String START_WAREHOUSE = "--start-warehouse";
    static final String TIMEOUT = "--timeout";
    static final String JSON = "--json";
    static final String REPORT = "--report";

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "test the connection end to end with the Databricks JDBC driver";
    }

    @Override
    public String usage() {
        return "Usage: java -jar retl-setup.jar test [source options] [--schemas c.s,c.s2]\n"
                + "           [--trust-store PATH --trust-store-password PW] [--start-warehouse] [--timeout SECONDS]"
                + " [--json]\n           [--report PATH.html|PATH.json]\n\n"
                + "Checks, in order: the settings, DNS, TCP, TLS, OAuth sign-in, the warehouse, a JDBC session,\n"
                + "who the queries run as, the catalog, read access to each schema, and Segment's managed schema\n"
                + SourceSettings.MANAGED_SCHEMA + ". Every failure comes with the exact fix (GRANT statements included).\n\n"
                + SourceOptions.usage()
                + "\nTest options:\n"
                + "  --trust-store PATH   trust the certificates in this PKCS12/JKS file (corporate TLS inspection,\n"
                + "                       the demo workspace) instead of the system's\n"
                + "  --trust-store-password PW\n"
                + "  --start-warehouse    start a stopped warehouse and wait for it\n"
                + "  --timeout SECONDS    time limit for the whole test (default "
                + ConnectionTestRequest.DEFAULT_TIMEOUT.toSeconds() + ")\n"
                + "  --json               print one JSON object: {ok, principal, catalogKind, checks}\n"
                + "  --report PATH        also write the results to PATH: a page to open in a browser or send to an\n"
                + "                       admin (.html), or JSON with the settings and versions (.json); never the secret\n"
                + "\nWith --profile NAME of a source saved by the wizard, and no other source option, the result is\n"
                + "also recorded on that source (a cancelled or timed-out run is not a result: nothing is recorded).\n"
                + "A saved demo workspace source starts the demo with its scenario first.\n"
                + "With --json, a report or result that could not be written is listed in \"problems\"; usage errors\n"
                + "print {\"error\": {kind, message}, \"exitCode\": 2}.\n\n"
                + "Exit codes: 0 no check failed and every file was written, 1 a check failed or a file could not be\n"
                + "written, 2 wrong arguments.\n";
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        // The driver's classes load on the second core while the arguments and settings are read.
        ConnectionTester.warmUp();
        SourceOptions.rejectSecretArguments(args);
        Args parsed = Args.parse(args,
                SourceOptions.withValueOptions(TRUST_STORE, TRUST_STORE_PASSWORD, TIMEOUT, REPORT),
                Set.of(START_WAREHOUSE, JSON));
        Path reportFile = reportFile(parsed);
        boolean json = parsed.has(JSON);
        SourceOptions.Resolved resolved;
        try {
            resolved = SourceOptions.resolve(parsed, context);
        } catch (ConfigFileException e) {
            return configError(e.getMessage(), json, context);
        }
        resolved.notes().forEach(note -> context.err().println("retl-setup test: " + note));
        TrustConfig trust = trust(parsed);
        boolean savedAsIs = resolved.savedSource() != null && SourceOptions.onlySavedSettings(parsed);
        DemoWorkspace demo = null;
        try {
            if (savedAsIs && resolved.demoScenario() != null) {
                // A demo source's address lives only while its demo runs: start that demo, then test it.
                try {
                    demo = DemoWorkspace.start(Scenario.builtIn(resolved.demoScenario()), 0);
                } catch (IOException | RuntimeException e) {
                    return configError("the saved source \"" + resolved.savedSource() + "\" is the demo workspace ("
                            + resolved.demoScenario() + "), which could not be started: " + e.getMessage(), json,
                            context);
                }
                context.err().println("retl-setup test: \"" + resolved.savedSource() + "\" is the demo workspace ("
                        + resolved.demoScenario() + "); started it at " + demo.url() + " for this test.");
                resolved = resolved.onDemo(demo.host(), demo.port(), demo.httpPath(), demo.clientId(),
                        demo.clientSecret());
                if (parsed.value(TRUST_STORE) == null) {
                    trust = new TrustConfig(demo.trustStorePath(), demo.trustStorePassword());
                }
            }
            return test(parsed, resolved, trust, savedAsIs, reportFile, context);
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private static int configError(String message, boolean json, CliContext context) {
        context.err().println("retl-setup test: " + message);
        if (json) {
            context.out().println(UsageErrorJson.of("config", message, 2));
        }
        return 2;
    }

    private int test(Args parsed, SourceOptions.Resolved resolved, TrustConfig trust, boolean savedAsIs,
            Path reportFile, CliContext context) throws UsageException {
        ConnectionTestRequest request = new ConnectionTestRequest(resolved.validation(), trust,
                parsed.has(START_WAREHOUSE), parsed.seconds(TIMEOUT, ConnectionTestRequest.DEFAULT_TIMEOUT), Set.of());
        boolean json = parsed.has(JSON);
        ConnectionTester tester = new ConnectionTester();
        // Ctrl-C / SIGTERM cancel the run and hold the exit until the probes are dropped (bounded).
        StopOnSignal onSignal = new StopOnSignal(tester, context.err());
        Runtime.getRuntime().addShutdownHook(onSignal);
        ConnectionTestReport report;
        try {
            report = tester.run(request, json ? ConnectionTestListener.NONE : new LivePrinter(context.out()));
        } catch (RuntimeException | Error e) {
            onSignal.outputDone();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook is running and waits for the output below.
            }
        }
        try {
            return finish(report, json, reportFile, resolved, savedAsIs, context, onSignal.signalled());
        } finally {
            onSignal.outputDone();
        }
    }

    private int finish(ConnectionTestReport report, boolean json, Path reportFile, SourceOptions.Resolved resolved,
            boolean savedAsIs, CliContext context, boolean signalled) {
        // Whatever could not be dropped is named on stderr with its DROP statement, with or without --json.
        for (Leftover leftover : report.leftovers()) {
            context.err().println("retl-setup test: " + Messages.CHECK.text("cleanup.leftover", leftover.name(),
                    leftover.reason(), leftover.dropStatement()));
        }
        if (signalled) {
            context.err().println(report.leftovers().isEmpty() ? Messages.CHECK.text("cleanup.stopped")
                    : Messages.CHECK.text("cleanup.stopped.leftovers", report.leftovers().size()));
        }
        // Files first, so the verdict (and the JSON) can say what could not be written.
        List<String> problems = new ArrayList<>();
        String written = null;
        if (reportFile != null) {
            try {
                ReportSubject subject = new ReportSubject(resolved.settings(), resolved.savedSource(),
                        resolved.demoScenario());
                new ReportWriter().write(reportFile, report, subject);
                written = "Report written to " + reportFile.toAbsolutePath();
            } catch (StoreException | RuntimeException e) {
                problems.add("the report was not written. " + e.getMessage());
            }
        }
        // A run that did not finish (cancelled, out of time) says nothing about the source: nothing is recorded.
        if (savedAsIs && report.finished()) {
            try {
                new SourceStore(context.configDirectory()).recordTest(resolved.savedSource(),
                        ConnectionTestSummary.of(report));
            } catch (StoreException | RuntimeException e) {
                problems.add("the result was not recorded on the saved source \"" + resolved.savedSource() + "\": "
                        + e.getMessage());
            }
        }
        if (json) {
            ObjectNode tree = ConnectionTestJson.tree(report);
            if (!problems.isEmpty()) {
                problems.forEach(tree.putArray("problems")::add);
            }
            context.out().println(tree.toPrettyString());
        } else {
            ConnectionTestText.verdict(report, context.out());
        }
        // Messages about files go to stderr with --json, so standard output stays one JSON object.
        PrintStream info = json ? context.err() : context.out();
        if (written != null) {
            info.println(written);
        }
        problems.forEach(problem -> context.err().println("retl-setup test: " + problem));
        return report.ok() && problems.isEmpty() ? 0 : 1;
    }

    private static Path reportFile(Args parsed) throws UsageException {
        String value = parsed.value(REPORT);
        if (value == null) {
            return null;
        }
        Path file;
        try {
            file = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(REPORT + " is not a valid file name: " + value);
        }
        if (ReportWriter.Format.of(file).isEmpty()) {
            throw new UsageException(REPORT + " must end in .html (a page to read) or .json, not: " + value);
        }
        return file;
    }

    static TrustConfig trust(Args parsed) throws UsageException {
        String path = parsed.value(TRUST_STORE);
        String password = parsed.value(TRUST_STORE_PASSWORD);
        if (path == null) {
            if (password != null) {
                throw new UsageException(TRUST_STORE_PASSWORD + " needs " + TRUST_STORE);
            }
            return TrustConfig.systemDefault();
        }
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new UsageException("trust store not found or not readable: " + path);
        }
        return new TrustConfig(file, password);
    }

    /**
     * The shutdown hook of a test run: on SIGINT or SIGTERM it cancels the run, then waits (bounded)
     * until the clean-up has dropped the probes and the leftovers, if any, are printed. The JVM ends
     * when the hook returns, so without the wait it would exit before the DROP.
     */
    private static final class StopOnSignal extends Thread {
        private final ConnectionTester tester;
        private final PrintStream err;
        private final CountDownLatch output = new CountDownLatch(1);
        private volatile boolean signalled;

        StopOnSignal(ConnectionTester tester, PrintStream err) {
            super("stop-test-on-signal");
            this.tester = tester;
            this.err = err;
        }

        boolean signalled() {
            return signalled;
        }

        void outputDone() {
            output.countDown();
        }

        @Override
        public void run() {
            signalled = true;
            Duration limit = ConnectionTester.stopLimit();
            err.println(Messages.CHECK.text("cleanup.stopping", limit.toSeconds()));
            err.flush();
            tester.cancel();
            long started = System.nanoTime();
            try {
                boolean finished = tester.awaitFinished(limit) && output.await(2, TimeUnit.SECONDS);
                if (!finished) {
                    err.println(Messages.CHECK.text("cleanup.unfinished",
                            Duration.ofNanos(System.nanoTime() - started).toSeconds()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.flush();
        }
    }

    /** Prints each check as it finishes, so a long run shows where it is. */
    private static final class LivePrinter implements ConnectionTestListener {
        private final PrintStream out;

        LivePrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void progress(Check check, String message) {
            out.println("    … " + message);
        }

        @Override
        public void finished(CheckResult result) {
            ConnectionTestText.check(result, out);
            out.flush();
        }
    }

    static boolean failed(CheckResult result) {
        return result.status() == CheckStatus.FAILED;
    }
}
