package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.BuildInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of());
        return cli.run(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertEquals(0, run("--version"));
        assertEquals("retl-setup " + BuildInfo.version(), out.toString(StandardCharsets.UTF_8).trim());
        assertTrue(BuildInfo.version().matches("\\d+\\.\\d+\\.\\d+.*"), "version is filtered from the pom");
    }

    @Test
    void helpPrintsUsageToStdout() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage:"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownArgumentExitsTwoWithUsageOnStderr() {
        assertEquals(2, run("--frobnicate"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown argument '--frobnicate'"), text);
        assertTrue(text.contains("Usage:"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void argsRejectUndeclaredOptionsAndMissingValues() {
        java.util.Set<String> values = java.util.Set.of("--host");
        java.util.Set<String> flags = java.util.Set.of("--json");
        UsageException unknown = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> Args.parse(java.util.List.of("--hots", "x"), values, flags));
        assertTrue(unknown.getMessage().contains("--hots"));
        org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> Args.parse(java.util.List.of("--host"), values, flags));
    }

    @Test
    void argsAcceptSeparateAndInlineValues() throws UsageException {
        Args args = Args.parse(java.util.List.of("--host=a.example", "--json"), java.util.Set.of("--host"),
                java.util.Set.of("--json"));
        assertEquals("a.example", args.value("--host"));
        assertTrue(args.has("--json"));
    }
}
