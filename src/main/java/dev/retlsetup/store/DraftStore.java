package dev.retlsetup.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The wizard's draft in {@code <config dir>/draft.json} ({@code "version": 2}), written atomically and
 * owner-only. The UI saves it on every change (debounced), offers to resume it on start, and clears it when the
 * source is saved or the user discards it. Safe to call from any thread; calls are serialized.
 */
public final class DraftStore {
    /** 2: the schemas are a list, as in saved sources (version 1 kept them as one text; both are read). */
    public static final int VERSION = 2;
    public static final String FILE_NAME = "draft.json";

    private final Path file;
    private final AtomicWriter writer;
    private final Clock clock;

    public DraftStore(Path configDir) {
        this(configDir, new AtomicWriter(), Clock.systemUTC());
    }

    DraftStore(Path configDir, AtomicWriter writer, Clock clock) {
        this.file = configDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.writer = writer;
        this.clock = clock;
    }

    /** The draft in {@link ConfigDirectory#current()}. */
    public static DraftStore atDefaultLocation() {
        return new DraftStore(ConfigDirectory.current());
    }

    public Path file() {
        return file;
    }

    /** Replaces the draft; {@code savedAt} is set to now when {@code null}. */
    public synchronized Draft save(Draft draft) throws StoreException {
        if (isFromNewerVersion()) {
            throw new StoreException("The unfinished setup in " + file + " was saved by a newer version of this app; "
                    + "this version does not replace it. Update the app, or finish the setup there.", file);
        }
        Draft d = draft.savedAt() != null ? draft : draft.savedAt(clock.instant());
        writer.write(file, StoreJson.bytes(StoreJson.draft(d)));
        return d;
    }

    /**
     * The saved draft, or {@code null} when there is none.
     *
     * @throws CorruptFileException when it is damaged or from a newer version; it has been moved aside, so the
     *                              next call returns {@code null}
     * @throws StoreException       when it cannot be read
     */
    public synchronized Draft load() throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | SecurityException e) {
            throw new StoreException("Could not read the unfinished setup in " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".", file, e);
        }
        try {
            return StoreJson.draft(StoreJson.parse(bytes, VERSION));
        } catch (StoreJson.Future e) {
            // Left where it is: the newer app that wrote it must still find it.
            throw new CorruptFileException("The unfinished setup in " + file + " was saved by a newer version of "
                    + "this app and cannot be resumed here; this version leaves it as it is.", file, null, true);
        } catch (StoreJson.Malformed e) {
            Path backup = AtomicWriter.moveAside(file, "corrupt", clock);
            throw new CorruptFileException("The unfinished setup could not be resumed: its file is damaged ("
                    + e.getMessage() + ")." + kept(backup), file, backup, false);
        }
    }

    /** Deletes the draft; false when there was none, or when a newer version wrote it (that one is left alone). */
    public synchronized boolean clear() throws StoreException {
        if (isFromNewerVersion()) {
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            throw AtomicWriter.failure("store.action.delete", file, e);
        }
    }

    private boolean isFromNewerVersion() {
        try {
            return StoreJson.isFuture(Files.readAllBytes(file), VERSION);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String kept(Path backup) {
        return backup == null ? "" : " It was kept as " + backup + ".";
    }
}
