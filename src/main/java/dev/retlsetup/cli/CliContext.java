package dev.retlsetup.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** What a command may touch of the outside world: streams and environment, injectable in tests. */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The user's home directory: {@code HOME} (then {@code USERPROFILE}) from {@link #env()}, else the
     * {@code user.home} system property. Tests point it elsewhere through the env map.
     */
    public Path home() {
        for (String name : new String[] {"HOME", "USERPROFILE"}) {
            String value = env(name);
            if (value != null) {
                try {
                    return Path.of(value);
                } catch (InvalidPathException e) {
                    // try the next one
                }
            }
        }
        return Path.of(System.getProperty("user.home", "."));
    }
}
