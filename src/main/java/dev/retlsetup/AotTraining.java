package dev.retlsetup;

import dev.retlsetup.cli.Cli;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The packaging build's training run for the JDK 25 AOT cache ({@code -Dretl.aot.training=true}, see
 * packaging/jpackage/AotCache.java). A cache holds what one process loaded, linked and profiled, so this
 * process does what a user does first: a command-line {@code test} against the demo workspace (the
 * driver, the tester, TLS, OAuth, Thrift; served in-process, as the wizard's demo does), then the wizard
 * appears and the app exits on its first frame. A failed test fails the training, so a cache is never
 * made from a run that went wrong.
 */
final class AotTraining {
    static final String PROPERTY = "retl.aot.training";

    private AotTraining() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Runs {@code retl-setup test} against a demo workspace in this process; exits the JVM if it fails. */
    static void runDemoTest() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (DemoWorkspace workspace = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
             PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            String[] args = {"test", "--host", workspace.host(), "--port", String.valueOf(workspace.port()),
                "--http-path", workspace.httpPath(), "--client-id", workspace.clientId(), "--catalog", "main",
                "--schemas", "main.marketing", "--trust-store", workspace.trustStorePath().toString(),
                "--trust-store-password", workspace.trustStorePassword()};
            // The demo's published secret, through the environment as for any user (never an argument).
            code = new Cli(out, out, Map.of("DATABRICKS_CLIENT_SECRET", workspace.clientSecret())).run(args);
        } catch (IOException | RuntimeException e) {
            System.err.println("AOT training: the demo workspace did not start: " + e);
            System.exit(1);
            return;
        }
        if (code != 0) {
            System.err.println("AOT training: the test against the demo workspace failed (exit " + code + "):");
            System.err.println(output.toString(StandardCharsets.UTF_8));
            System.exit(1);
        }
    }
}
