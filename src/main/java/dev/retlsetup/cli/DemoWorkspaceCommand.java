package dev.retlsetup.cli;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.InvalidScenarioException;
import dev.retlsetup.demo.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code retl-setup demo-workspace}: serves a local Databricks workspace emulator until the process is
 * stopped. Prints one {@code READY ...} line once it accepts connections, so scripts can wait for it
 * and read the connection details from it.
 */
public final class DemoWorkspaceCommand implements Command {
    private static final String PORT = "--port";
    private static final String SCENARIO = "--scenario";
    private static final String SCENARIO_FILE = "--scenario-file";

    /** Counted down to stop serving; the shutdown hook does it on SIGTERM / Ctrl-C, tests do it directly. */
    private final CountDownLatch stop;

    public DemoWorkspaceCommand() {
        this(new CountDownLatch(1));
    }

    DemoWorkspaceCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    @Override
    public String name() {
        return "demo-workspace";
    }

    @Override
    public String summary() {
        return "serve a local Databricks workspace emulator (no account needed)";
    }

    @Override
    public String usage() {
        return "Usage: retl-setup demo-workspace [--port N] [--scenario NAME | --scenario-file PATH]\n\n"
                + "Serves an emulated Databricks workspace with one SQL warehouse on https://localhost:PORT\n"
                + "(127.0.0.1 only) until stopped with Ctrl-C or SIGTERM. When it accepts connections it prints:\n"
                + "  READY https://localhost:PORT http-path=... client-id=... client-secret=... trust-store=PATH "
                + "trust-store-password=PW admin-token=TOKEN\n"
                + "The credentials, the demo admin's token (valid for this run) and the TLS key are published demo\n"
                + "values; see docs/demo-workspace.md.\n\n"
                + "Options:\n"
                + "  --port N              port to listen on (default 0: any free port)\n"
                + "  --scenario NAME       built-in scenario (default ready): "
                + String.join(", ", Scenario.builtInNames()) + "\n"
                + "  --scenario-file PATH  a scenario JSON file (format in docs/demo-workspace.md)\n";
    }

    @Override
    public int run(List<String> arguments, CliContext context) throws UsageException {
        Args args = Args.parse(arguments, Set.of(PORT, SCENARIO, SCENARIO_FILE), Set.of());
        int port = port(args.value(PORT));
        if (args.has(SCENARIO) && args.has(SCENARIO_FILE)) {
            throw new UsageException("give either --scenario or --scenario-file, not both");
        }
        Scenario scenario;
        if (args.has(SCENARIO_FILE)) {
            try {
                scenario = Scenario.fromFile(Path.of(args.value(SCENARIO_FILE)));
            } catch (InvalidScenarioException e) {
                context.err().println("retl-setup demo-workspace: " + e.getMessage());
                return 1;
            }
        } else {
            String name = args.has(SCENARIO) ? args.value(SCENARIO) : "ready";
            if (!Scenario.builtInNames().contains(name)) {
                throw new UsageException("unknown scenario '" + name + "'; choose one of "
                        + String.join(", ", Scenario.builtInNames()));
            }
            scenario = Scenario.builtIn(name);
        }
        DemoWorkspace workspace;
        try {
            workspace = DemoWorkspace.start(scenario, port);
        } catch (IOException e) {
            context.err().println("retl-setup demo-workspace: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> {
            workspace.close();
            stop.countDown();
        }, "demo-workspace-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        context.out().println(readyLine(workspace));
        context.out().flush();
        context.err().println("Scenario '" + scenario.name() + "': " + scenario.description());
        context.err().println("Serving until Ctrl-C.");
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workspace.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; nothing to undo.
            }
        }
        return 0;
    }

    static String readyLine(DemoWorkspace workspace) {
        return "READY " + workspace.url()
                + " http-path=" + workspace.httpPath()
                + " client-id=" + workspace.clientId()
                + " client-secret=" + workspace.clientSecret()
                + " trust-store=" + workspace.trustStorePath()
                + " trust-store-password=" + workspace.trustStorePassword()
                + " admin-token=" + workspace.adminToken();
    }

    private static int port(String value) throws UsageException {
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be between 0 and 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number, not " + value);
        }
    }
}
