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
    void mistypedHostOptionSuggestsHost() {
        assertEquals(2, run("validate", "--hots", "dbc-a1b2c3d4-e5f6.cloud.databricks.com"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown option --hots; did you mean --host?"), text);
    }

    @Test
    void everyOptionOfEveryCommandIsSuggestedWhenMistyped() {
        for (Command command : new Cli(new PrintStream(out), new PrintStream(err), new ByteArrayInputStream(new byte[0]),
                Map.of()).commands()) {
            java.util.regex.Matcher options = java.util.regex.Pattern.compile("(?<![\\w-])--[a-z][a-z-]+")
                    .matcher(command.usage());
            java.util.Set<String> seen = new java.util.TreeSet<>();
            while (options.find()) {
                seen.add(options.group());
            }
            seen.remove("--help");
            assertTrue(!seen.isEmpty() || command.name().equals("none"), command.name() + " documents its options");
            for (String option : seen) {
                // One letter doubled: a typo one edit away from the option.
                String typo = option.substring(0, 4) + option.charAt(3) + option.substring(4);
                err.reset();
                assertEquals(2, run(command.name(), typo, "x"), command.name() + " " + typo);
                String text = err.toString(StandardCharsets.UTF_8);
                assertTrue(text.contains("did you mean " + option + "?"), command.name() + " " + typo + ": " + text);
            }
        }
    }

    @Test
    void farFromEveryOptionSuggestsNothing() {
        assertEquals(2, run("validate", "--frobnicate-everything", "x"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown option --frobnicate-everything"), text);
        assertTrue(!text.contains("did you mean"), text);
    }

    @Test
    void mistypedCommandSuggestsTheCommand() {
        assertEquals(2, run("valdiate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("did you mean validate?"));
    }

    @Test
    void suggestionsStayWithinASmallEditDistance() {
        assertEquals(1, Suggestions.distance("hots", "host"));
        assertEquals(java.util.Optional.of("--host"), Suggestions.closest("--hots", java.util.List.of("--host", "--port")));
        assertEquals(java.util.Optional.empty(), Suggestions.closest("--xyz", java.util.List.of("--host", "--port")));
    }

    @Test
    void argsAcceptSeparateAndInlineValues() throws UsageException {
        Args args = Args.parse(java.util.List.of("--host=a.example", "--json"), java.util.Set.of("--host"),
                java.util.Set.of("--json"));
        assertEquals("a.example", args.value("--host"));
        assertTrue(args.has("--json"));
    }
}
