package dev.retlsetup.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** What a command may touch of the outside world: streams and environment, injectable in tests. */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
