package dev.retlsetup.store;

import java.nio.file.Path;

/**
 * Saving or reading the app's files failed. The message is written for the user (what failed, where, and
 * what to do), never contains a secret, and is fit to show as is; the caller keeps what the user typed.
 */
public class StoreException extends Exception {
    private final transient Path path;

    public StoreException(String message, Path path) {
        super(message);
        this.path = path;
    }

    public StoreException(String message, Path path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file or folder concerned, or {@code null}. */
    public Path path() {
        return path;
    }
}
