package dev.retlsetup.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The user's saved sources: one JSON file per source in {@code <config dir>/sources/}, named after the source
 * ({@link #fileName(String)}), with {@code "version": 1}. Never holds a secret (see {@link SecretStorage}).
 *
 * <ul>
 * <li>Writes are atomic (temporary file, flush, rename) and owner-only; a crash or a full disk leaves the old
 * file intact.</li>
 * <li>Changes are serialized by a lock (in this process and, through a lock file, between processes), so two
 * windows or a window and the command line never corrupt a file; the last save wins.</li>
 * <li>A damaged file is moved aside ({@code <file>.corrupt-<time>}) and reported; the other sources still list.</li>
 * <li>A file written by a newer version of the app is listed as a problem ("saved by a newer version") and never
 * moved, rewritten or deleted: the newer app must still find it.</li>
 * <li>Names are unique ignoring case (the file systems of macOS and Windows ignore case too).</li>
 * </ul>
 */
public final class SourceStore {
    public static final int VERSION = 1;
    public static final String DIRECTORY = "sources";
    public static final int MAX_NAME_LENGTH = 80;
    static final String EXTENSION = ".json";
    static final String LOCK_FILE = ".lock";
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    /** A file that could not be listed, and where it went. */
    public record Problem(Path file, Path backup, String message) {
    }

    /**
     * What {@link #list()} found.
     *
     * @param sources  sorted by name, ignoring case
     * @param problems files that could not be read (moved aside when possible), each with a message for the user
     */
    public record Listing(List<SavedSource> sources, List<Problem> problems) {
        public Listing {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    private final Path directory;
    private final AtomicWriter writer;
    private final Clock clock;

    /** The store in {@code <configDir>/sources}; nothing is created until the first save. */
    public SourceStore(Path configDir) {
        this(configDir, new AtomicWriter(), Clock.systemUTC());
    }

    SourceStore(Path configDir, AtomicWriter writer, Clock clock) {
        this.directory = configDir.resolve(DIRECTORY).toAbsolutePath().normalize();
        this.writer = writer;
        this.clock = clock;
    }

    /** The store in {@link ConfigDirectory#current()}. */
    public static SourceStore atDefaultLocation() {
        return new SourceStore(ConfigDirectory.current());
    }

    /** The folder holding the sources' files. */
    public Path directory() {
        return directory;
    }

    // ------------------------------------------------------------------ names

    /** Why {@code name} cannot name a source, for the form, or {@code null} when it can. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Give the source a name, for example \"Production warehouse\".";
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH) {
            return "Use a shorter name: at most " + MAX_NAME_LENGTH + " characters.";
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            return "The name cannot contain tabs, line breaks or other control characters.";
        }
        return null;
    }

    /**
     * The file name for a source name: the name in lower case with every character other than {@code a-z},
     * {@code 0-9}, {@code -} and {@code _} written as {@code %XX} (UTF-8), so that any name maps to one safe file
     * name on every OS, names differing only in case share a file, and names never collide otherwise. Very long
     * names are shortened and end with a hash.
     */
    public static String fileName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        String safe = out.toString();
        if (WINDOWS_DEVICES.contains(safe)) {
            safe = "%" + String.format("%02X", (int) safe.charAt(0)) + safe.substring(1);
        }
        if (safe.length() > 120) {
            safe = safe.substring(0, 100) + "~" + sha256(key).substring(0, 16);
        }
        return safe + EXTENSION;
    }

    /** The file that holds (or would hold) the source {@code name}. */
    public Path file(String name) {
        return directory.resolve(fileName(name));
    }

    private static String checkedName(String name) throws StoreException {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new StoreException(problem, null);
        }
        return name.strip();
    }

    // ------------------------------------------------------------------ reading

    /** Every readable source, sorted by name; unreadable files are moved aside and reported, not thrown. */
    public Listing list() throws StoreException {
        List<SavedSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Listing(sources, problems);
        }
        List<Path> files = sourceFiles();
        for (Path file : files) {
            try {
                read(file).ifPresent(sources::add);
            } catch (CorruptFileException e) {
                problems.add(new Problem(file, e.backup(), e.getMessage()));
            } catch (StoreException e) {
                problems.add(new Problem(file, null, e.getMessage()));
            }
        }
        sources.sort(Comparator.comparing((SavedSource s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(SavedSource::name));
        return new Listing(sources, problems);
    }

    /** The names of the readable sources, sorted. */
    /** Whether any source file is there at all, without reading one (cheap enough for start-up). */
    public boolean isEmpty() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var files = Files.list(dir)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".json"));
        } catch (IOException e) {
            return false;
        }
    }

    public List<String> names() throws StoreException {
        return list().sources().stream().map(SavedSource::name).toList();
    }

    /**
     * The source {@code name} (ignoring case), or empty when there is none. Its file is normally
     * {@link #file(String)}; a file named otherwise (copied or renamed by hand) is found by the name it holds.
     *
     * @throws CorruptFileException when its file is damaged (it has been moved aside) or from a newer version (it
     *                              is left as it is)
     * @throws StoreException       when the file cannot be read
     */
    public Optional<SavedSource> find(String name) throws StoreException {
        return locate(name).map(Located::source);
    }

    /** A source and the file it was read from. */
    private record Located(Path file, SavedSource source) {
    }

    private Optional<Located> locate(String name) throws StoreException {
        if (nameProblem(name) != null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        Path canonical = file(wanted);
        Optional<SavedSource> direct = read(canonical);
        if (direct.isPresent() && direct.get().name().equalsIgnoreCase(wanted)) {
            return Optional.of(new Located(canonical, direct.get()));
        }
        for (Path other : sourceFiles()) {
            if (other.equals(canonical)) {
                continue;
            }
            Optional<SavedSource> held = readQuietly(other);
            if (held.isPresent() && held.get().name().equalsIgnoreCase(wanted)) {
                return Optional.of(new Located(other, held.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Why no source is named {@code name} although a file for that name exists (it holds another name), for the
     * user; empty when there is nothing to explain.
     */
    public Optional<String> notFoundHint(String name) {
        if (nameProblem(name) != null) {
            return Optional.empty();
        }
        Path canonical = file(name);
        return readQuietly(canonical).filter(s -> !s.name().equalsIgnoreCase(name.strip()))
                .map(s -> "The file " + canonical + " holds the saved source named \"" + s.name() + "\", not \""
                        + name.strip() + "\". Use that name.");
    }

    /** Reads a file without moving it or failing: empty when it is missing, unreadable, damaged or newer. */
    private Optional<SavedSource> readQuietly(Path file) {
        try {
            return Optional.of(StoreJson.source(StoreJson.parse(Files.readAllBytes(file), VERSION)));
        } catch (IOException | SecurityException | StoreJson.Malformed | StoreJson.Future e) {
            return Optional.empty();
        }
    }

    private List<Path> sourceFiles() throws StoreException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + EXTENSION)) {
            for (Path file : stream) {
                if (!AtomicWriter.isTemporary(file) && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException | SecurityException e) {
            throw new StoreException("Could not read the saved sources in " + directory + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".", directory, e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    /** The source {@code name}; a missing one is a {@link StoreException} naming it. */
    public SavedSource load(String name) throws StoreException {
        return find(name).orElseThrow(() -> missing(name));
    }

    private StoreException missing(String name) {
        String hint = notFoundHint(name == null ? "" : name).map(h -> " " + h).orElse("");
        return new StoreException("There is no saved source named \"" + (name == null ? "" : name.strip()) + "\"."
                + hint, file(name == null ? "" : name));
    }

    /** True when a source named {@code name} (ignoring case) exists. */
    public boolean exists(String name) {
        return nameProblem(name) == null && Files.isRegularFile(file(name));
    }

    private Optional<SavedSource> read(Path file) throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            throw new StoreException("Could not read the saved source " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".", file, e);
        }
        try {
            return Optional.of(StoreJson.source(StoreJson.parse(bytes, VERSION)));
        } catch (StoreJson.Future e) {
            // Never moved nor rewritten: the newer app that wrote it must still find it where it left it.
            throw new CorruptFileException(newerVersion(file, e.version) + " Update the app to use it; this version "
                    + "leaves the file as it is.", file, null, true);
        } catch (StoreJson.Malformed e) {
            Path backup = AtomicWriter.moveAside(file, "corrupt", clock);
            throw new CorruptFileException("The saved source in " + file.getFileName() + " is damaged ("
                    + e.getMessage() + ") and could not be opened. " + kept(file, backup)
                    + " Add the source again.", file, backup, false);
        }
    }

    private static String newerVersion(Path file, int version) {
        return "The saved source in " + file.getFileName() + " was saved by a newer version of this app (file "
                + "version " + version + "; this version reads " + VERSION + ").";
    }

    /** A refusal to change a file a newer version wrote. */
    private static StoreException refuseNewer(CorruptFileException e) {
        return new StoreException(e.getMessage().replace(" Update the app to use it; this version leaves the file "
                + "as it is.", "") + " This version does not change or replace it: update the app, or choose "
                + "another name.", e.path());
    }

    private static String kept(Path file, Path backup) {
        return backup == null ? "The file was left in place: " + file + "."
                : "The file was kept as " + backup + ".";
    }

    // ------------------------------------------------------------------ writing

    /**
     * Saves a new source; fails when one with that name (ignoring case) exists.
     *
     * @return the source as saved (with its timestamps)
     */
    public SavedSource create(SavedSource source) throws StoreException {
        String name = checkedName(source.name());
        return locked(() -> {
            Optional<SavedSource> existing = findQuietly(name);
            if (existing.isPresent()) {
                throw taken(existing.get().name());
            }
            return write(source.withName(name), null);
        });
    }

    /** Saves {@code source}, replacing the one with its name; keeps its creation time. */
    public SavedSource save(SavedSource source) throws StoreException {
        String name = checkedName(source.name());
        return locked(() -> {
            Optional<Located> previous = locateForChange(name);
            SavedSource saved = write(source.withName(name), previous.map(Located::source).orElse(null));
            if (previous.isPresent() && !previous.get().file().equals(file(name))) {
                // It lived in a file named otherwise: now it has its own, and only one copy is listed.
                deleteFile(previous.get().file());
            }
            return saved;
        });
    }

    /** Stores the outcome of a test run on the source {@code name}. */
    public SavedSource recordTest(String name, ConnectionTestSummary summary) throws StoreException {
        return locked(() -> {
            Located existing = locateForChange(name).orElseThrow(() -> missing(name));
            return write(existing.source().withLastTest(summary), existing.source(), existing.file());
        });
    }

    /** Renames {@code from} to {@code to} (a change of case only is allowed); the secret is not touched. */
    public SavedSource rename(String from, String to) throws StoreException {
        String target = checkedName(to);
        return locked(() -> {
            Located located = locateForChange(from).orElseThrow(() -> missing(from));
            SavedSource existing = located.source();
            boolean sameFile = located.file().equals(file(target));
            if (!sameFile) {
                Optional<SavedSource> other = findQuietly(target);
                if (other.isPresent()) {
                    throw taken(other.get().name());
                }
            }
            SavedSource renamed = write(existing.withName(target), existing);
            if (!sameFile) {
                // Written first, deleted second: a crash in between leaves two copies, never none.
                deleteFile(located.file());
            }
            return renamed;
        });
    }

    /**
     * Copies {@code from} as {@code to}, without the last test result. A secret in the credential store gets a new
     * entry reference (the caller copies the secret, see {@link SecretVaults#copy}); a {@code ~/.databrickscfg}
     * profile is shared.
     */
    public SavedSource duplicate(String from, String to) throws StoreException {
        String target = checkedName(to);
        return locked(() -> {
            SavedSource existing = load(from);
            Optional<SavedSource> other = findQuietly(target);
            if (other.isPresent()) {
                throw taken(other.get().name());
            }
            SecretStorage storage = existing.secretStorage().kind() == SecretStorage.Kind.KEYCHAIN
                    ? SecretStorage.keychain() : existing.secretStorage();
            return write(existing.withName(target).withSecretStorage(storage).withLastTest(null), null);
        });
    }

    /** Deletes the source {@code name}; false when there was none. The secret is not touched. */
    public boolean delete(String name) throws StoreException {
        if (nameProblem(name) != null) {
            return false;
        }
        return locked(() -> {
            Optional<Located> found = locateForChange(name);
            return deleteFile(found.map(Located::file).orElse(file(name)));
        });
    }

    private boolean deleteFile(Path file) throws StoreException {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            throw AtomicWriter.failure("store.action.delete", file, e);
        }
    }

    /** Like {@link #locate}, for a change: a damaged file frees the name; a newer version's file is refused. */
    private Optional<Located> locateForChange(String name) throws StoreException {
        try {
            return locate(name);
        } catch (CorruptFileException e) {
            if (e.futureVersion()) {
                throw refuseNewer(e);
            }
            return Optional.empty(); // moved aside: the name is free again
        }
    }

    private Optional<SavedSource> findQuietly(String name) throws StoreException {
        try {
            return find(name);
        } catch (CorruptFileException e) {
            if (e.futureVersion()) {
                throw refuseNewer(e);
            }
            return Optional.empty(); // moved aside: the name is free again
        }
    }

    private SavedSource write(SavedSource source, SavedSource previous) throws StoreException {
        return write(source, previous, file(source.name()));
    }

    private SavedSource write(SavedSource source, SavedSource previous, Path target) throws StoreException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant created = previous != null && previous.created() != null ? previous.created()
                : source.created() != null ? source.created() : now;
        SavedSource saved = source.withTimes(created, now);
        writer.write(target, StoreJson.bytes(StoreJson.source(saved)));
        return saved;
    }

    private static StoreException taken(String existing) {
        return new StoreException("A saved source named \"" + existing + "\" already exists. Choose another name.",
                null);
    }

    // ------------------------------------------------------------------ locking

    private interface Action<T> {
        T run() throws StoreException;
    }

    /**
     * Runs {@code action} holding this directory's lock: a {@link ReentrantLock} for this process and a
     * {@link FileLock} on {@code sources/.lock} for other processes (where the file system supports it).
     */
    private <T> T locked(Action<T> action) throws StoreException {
        AtomicWriter.ensureDirectory(directory.getParent());
        AtomicWriter.ensureDirectory(directory);
        ReentrantLock lock = LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        lock.lock();
        try {
            FileChannel channel = openLockFile();
            FileLock fileLock = null;
            if (channel != null) {
                try {
                    fileLock = channel.lock();
                } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                    // Not supported here (some network file systems): atomic renames still protect the files.
                }
            }
            try {
                return action.run();
            } finally {
                try {
                    if (fileLock != null) {
                        fileLock.release();
                    }
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // closing the channel releases the lock anyway
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private FileChannel openLockFile() throws StoreException {
        Path file = directory.resolve(LOCK_FILE);
        try {
            if (!Files.exists(file) && AtomicWriter.posix(directory)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(AtomicWriter.OWNER_FILE));
                } catch (java.nio.file.FileAlreadyExistsException ignored) {
                    // created by another writer meanwhile
                }
            }
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            if (Files.isWritable(directory)) {
                return null;
            }
            throw AtomicWriter.failure("store.action.saveTo", directory, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
