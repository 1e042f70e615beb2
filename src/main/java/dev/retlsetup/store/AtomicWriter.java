package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Crash-safe file writes shared by the stores: the content goes to a temporary file in the same directory,
 * is flushed to disk, and replaces the target with one atomic rename, so a reader (or the next start after a
 * crash or a full disk) sees either the old file or the new one, never half of one. Files and the app's
 * directories are owner-only where the file system has POSIX permissions.
 */
public final class AtomicWriter {
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final String TEMP_SUFFIX = ".tmp";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Runs between writing the temporary file and renaming it: tests throw here to simulate a crash. */
    interface Interruption {
        void beforeMove(Path temp) throws IOException;
    }

    static final Interruption NONE = temp -> { };

    private final Interruption interruption;

    public AtomicWriter() {
        this(NONE);
    }

    AtomicWriter(Interruption interruption) {
        this.interruption = interruption;
    }

    static boolean posix(Path path) {
        try {
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Creates {@code dir} (and missing parents) when needed; {@code dir} itself is made owner-only
     * ({@code rwx------}) when the app creates it. An existing directory is left as it is.
     */
    static void ensureDirectory(Path dir) throws StoreException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            if (posix(parent == null ? dir : parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                // The umask may have removed bits; the owner must keep all three.
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new StoreException(Text.notAFolder(dir, e.getFile()), dir, e);
            }
        } catch (IOException | SecurityException e) {
            throw failure("store.action.createFolder", dir, e);
        }
    }

    /** Replaces {@code target} with {@code content}, atomically; the file is owner-only. */
    public void write(Path target, byte[] content) throws StoreException {
        write(target, content, OWNER_FILE);
    }

    /**
     * Replaces {@code target} with {@code content}, atomically.
     *
     * @param permissions the POSIX permissions of the new file (ignored where POSIX is not supported)
     */
    void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws StoreException {
        Path dir = target.toAbsolutePath().getParent();
        ensureDirectory(dir);
        Path temp = null;
        try {
            boolean posix = posix(dir);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX, attributes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            interruption.beforeMove(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException | SecurityException e) {
            throw failure("store.action.save", target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException | SecurityException ignored) {
                    // Left behind: readers ignore *.tmp files, and the next write uses another name.
                }
            }
        }
    }

    /** Makes the rename durable (POSIX); not possible on Windows, where opening a directory fails. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Best effort only.
        }
    }

    /** True for the temporary files of unfinished writes, which readers skip. */
    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Moves an unreadable file aside to {@code <name>.<tag>-<yyyyMMdd-HHmmss>} (with {@code -2}, {@code -3}, ...
     * when taken) and returns the new path, or {@code null} when it could not be moved (then it stays).
     */
    static Path moveAside(Path file, String tag, Clock clock) {
        String base = file.getFileName() + "." + tag + "-" + STAMP.format(clock.instant());
        for (int i = 1; i < 1000; i++) {
            Path backup = file.resolveSibling(i == 1 ? base : base + "-" + i);
            if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(file, backup, StandardCopyOption.ATOMIC_MOVE);
                return backup;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: try the next name
            } catch (IOException | SecurityException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A message for the user: what could not be done, where, why in plain words, and what to do.
     *
     * @param actionKey the bundle key of what was being done ({@code store.action.save}, ...)
     */
    static StoreException failure(String actionKey, Path path, Exception e) {
        String reason;
        String what = path.toString();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("No space left") || message.contains("There is not enough space")
                || message.contains("Disk quota exceeded")) {
            reason = Messages.STORE.text("store.reason.diskFull");
        } else if (e instanceof AccessDeniedException || e instanceof SecurityException
                || message.contains("Permission denied") || message.contains("Access is denied")) {
            reason = Messages.STORE.text("store.reason.denied", ConfigDirectory.ENV);
        } else if (message.contains("Read-only file system")) {
            reason = Messages.STORE.text("store.reason.readOnly", ConfigDirectory.ENV);
        } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                || message.contains("Not a directory")) {
            reason = Messages.STORE.text("store.reason.fileInTheWay", ConfigDirectory.ENV);
        } else if (e instanceof NoSuchFileException) {
            reason = Messages.STORE.text("store.reason.noFolder");
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = message.isEmpty() ? e.getClass().getSimpleName() : message;
        }
        return new StoreException(Messages.STORE.text("store.failed", Messages.STORE.text(actionKey), what, reason),
                path, e);
    }

    /** Reusable message pieces. */
    static final class Text {
        private Text() {
        }

        static String notAFolder(Path dir, String blocking) {
            return Messages.STORE.text("store.notAFolder", dir, blocking == null ? dir : blocking, ConfigDirectory.ENV);
        }
    }
}
