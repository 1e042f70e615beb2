package dev.retlsetup.source;

import java.nio.file.Path;

/**
 * A {@code ~/.databrickscfg} that cannot be used: missing, unreadable, malformed, or without the profile
 * asked for. The message names the file (and line) and is fit to show as is; it never quotes a line of
 * the file, since lines may hold secrets.
 */
public final class ConfigFileException extends Exception {
    private final transient Path file;
    private final int line;

    public ConfigFileException(String message, Path file, int line) {
        super(message);
        this.file = file;
        this.line = line;
    }

    /** The file, or {@code null} when the text did not come from a file. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
