package dev.retlsetup.store;

import java.nio.file.Path;

/**
 * A stored file could not be read (not JSON, missing fields) or was written by a newer version of the app.
 * It has been moved aside to {@link #backup()} so that the app keeps working; the message says so.
 */
public final class CorruptFileException extends StoreException {
    private final transient Path backup;
    private final boolean futureVersion;

    public CorruptFileException(String message, Path file, Path backup, boolean futureVersion) {
        super(message, file);
        this.backup = backup;
        this.futureVersion = futureVersion;
    }

    /** Where the unreadable file now is, or {@code null} when it could not be moved. */
    public Path backup() {
        return backup;
    }

    /** True when the file was written by a newer version of the app (not damaged). */
    public boolean futureVersion() {
        return futureVersion;
    }
}
