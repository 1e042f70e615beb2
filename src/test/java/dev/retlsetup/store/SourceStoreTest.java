package dev.retlsetup.store;

import dev.retlsetup.source.Field;
import static dev.retlsetup.store.StoreTestSupport.HOST;
import static dev.retlsetup.store.StoreTestSupport.SECRET;
import static dev.retlsetup.store.StoreTestSupport.assertNoSecretIn;
import static dev.retlsetup.store.StoreTestSupport.files;
import static dev.retlsetup.store.StoreTestSupport.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.retlsetup.source.SourceInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceStoreTest {
    @TempDir
    Path config;

    SourceStore store() {
        return new SourceStore(config);
    }

    @Test
    void savedSourcesRoundTripWithoutTheSecret() throws Exception {
        SourceStore store = store();
        SavedSource created = store.create(SavedSource.of("Production", input(), SecretStorage.keychain()));
        assertNotNull(created.created());
        assertEquals(created.created(), created.updated());
        SavedSource loaded = store.load("production");
        assertEquals(created, loaded);
        assertEquals(input().withSecret(""), loaded.input());
        assertEquals("main.sales, main.marketing", loaded.input().schemas());

        ConnectionTestSummary summary = new ConnectionTestSummary(Instant.parse("2025-01-02T03:04:05Z"), true, true, 9, 0, 1, 0,
                "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901");
        SavedSource tested = store.recordTest("PRODUCTION", summary);
        assertEquals(summary, store.load("Production").lastTest());
        assertEquals(created.created(), tested.created());

        store.create(SavedSource.of("staging", input().with(Field.CATALOG, ""), SecretStorage.databricksCfg("retl")));
        store.create(SavedSource.of("Analytics", input(), SecretStorage.none()));
        assertEquals(List.of("Analytics", "Production", "staging"), store.names());
        assertEquals(SecretStorage.databricksCfg("retl"), store.load("staging").secretStorage());
        assertTrue(store.list().problems().isEmpty());

        JsonNode json = StoreJson.MAPPER.readTree(store.file("Production").toFile());
        assertEquals(1, json.get("version").asInt());
        assertEquals(HOST, json.get("settings").get("host").asText());
        assertNoSecretIn(config, SECRET);
    }

    @Test
    void namesAreUniqueIgnoringCaseAndMapToSafeDistinctFileNames() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("Prod", input(), SecretStorage.none()));
        StoreException taken = assertThrows(StoreException.class,
                () -> store.create(SavedSource.of("PROD", input(), SecretStorage.none())));
        assertTrue(taken.getMessage().contains("already exists"), taken.getMessage());

        List<String> names = List.of("a/b", "a%2Fb", "..", ".", "con", "CON", "Café ☕", "x".repeat(80),
                "x".repeat(79) + "y", "C:\\Windows", "a b", "a_b", "a-b");
        Set<String> files = new HashSet<>();
        for (String name : names) {
            String file = SourceStore.fileName(name);
            assertTrue(file.matches("[a-z0-9A-F%_~-]+\\.json"), file);
            assertTrue(file.length() < 200, file);
            files.add(file);
        }
        assertEquals(names.size() - 1, files.size(), "only con/CON share a file");
        assertNotEquals("con.json", SourceStore.fileName("con"));
        for (String name : List.of("a/b", "..", "Café ☕", "x".repeat(80))) {
            store.create(SavedSource.of(name, input(), SecretStorage.none()));
            assertEquals(name, store.load(name).name());
        }
        assertNotNull(SourceStore.nameProblem(" "));
        assertNotNull(SourceStore.nameProblem("a\nb"));
        assertNotNull(SourceStore.nameProblem("x".repeat(81)));
        assertNull(SourceStore.nameProblem("Production (EU)"));
    }

    @Test
    void renameDuplicateAndDelete() throws Exception {
        SourceStore store = store();
        SavedSource original = store.create(SavedSource.of("prod", input(), SecretStorage.keychain("k1"))
                .withLastTest(new ConnectionTestSummary(Instant.now(), true, true, 1, 0, 0, 0, null)));
        SavedSource renamed = store.rename("prod", "Production");
        assertEquals("Production", renamed.name());
        assertEquals(original.created(), renamed.created());
        assertEquals(SecretStorage.keychain("k1"), renamed.secretStorage(), "a rename keeps the secret's entry");
        assertFalse(store.exists("prod"));
        assertEquals(List.of("Production"), store.names());
        // A change of case only.
        assertEquals("PRODUCTION", store.rename("production", "PRODUCTION").name());

        SavedSource copy = store.duplicate("production", "Production copy");
        assertEquals(SecretStorage.Kind.KEYCHAIN, copy.secretStorage().kind());
        assertNotEquals("k1", copy.secretStorage().reference(), "the copy gets its own credential-store entry");
        assertNull(copy.lastTest());
        assertEquals(renamed.input(), copy.input());

        StoreException clash = assertThrows(StoreException.class, () -> store.rename("Production copy", "production"));
        assertTrue(clash.getMessage().contains("already exists"));
        StoreException missing = assertThrows(StoreException.class, () -> store.load("nope"));
        assertTrue(missing.getMessage().contains("no saved source named \"nope\""), missing.getMessage());

        assertTrue(store.delete("production copy"));
        assertFalse(store.delete("production copy"));
        assertEquals(List.of("PRODUCTION"), store.names());
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheOldFileIntact() throws Exception {
        store().create(SavedSource.of("prod", input(), SecretStorage.none()));
        Path file = store().file("prod");
        byte[] before = Files.readAllBytes(file);
        SourceStore crashing = new SourceStore(config, new AtomicWriter(temp -> {
            assertTrue(Files.size(temp) > 0, "the new content was written to the temporary file");
            throw new IOException("simulated crash");
        }), Clock.systemUTC());
        StoreException e = assertThrows(StoreException.class,
                () -> crashing.save(store().load("prod").withSettings(input().with(Field.HOST, "other.cloud.databricks.com"))));
        assertTrue(e.getMessage().contains("simulated crash"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file, file.resolveSibling(SourceStore.LOCK_FILE)).stream().sorted().toList(),
                files(config).stream().sorted().toList(), "no temporary file left behind");
    }

    @Test
    void aTemporaryFileLeftByAKilledProcessIsIgnored() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("prod", input(), SecretStorage.none()));
        // What a process killed between write and rename leaves: a half-written temporary file.
        Files.writeString(store.directory().resolve(".prod.json.123456.tmp"), "{\"version\":1,\"na");
        SourceStore.Listing listing = store.list();
        assertEquals(List.of("prod"), listing.sources().stream().map(SavedSource::name).toList());
        assertTrue(listing.problems().isEmpty());
        store.save(store.load("prod").withSettings(input().with(Field.CATALOG, "other")));
        assertEquals("other", store.load("prod").input().catalog());
    }

    @Test
    void aFullDiskGivesAClearMessageAndKeepsTheOldFile() throws Exception {
        store().create(SavedSource.of("prod", input(), SecretStorage.none()));
        byte[] before = Files.readAllBytes(store().file("prod"));
        SourceStore full = new SourceStore(config, new AtomicWriter(temp -> {
            throw new IOException("No space left on device");
        }), Clock.systemUTC());
        StoreException e = assertThrows(StoreException.class,
                () -> full.save(SavedSource.of("prod", input().with(Field.CATALOG, "x"), SecretStorage.none())));
        assertTrue(e.getMessage().startsWith("Could not save "), e.getMessage());
        assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(store().file("prod")));
    }

    @Test
    void corruptFilesAreMovedAsideNewerOnesStayAndListingContinues() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:20:30Z"), ZoneOffset.UTC);
        SourceStore store = new SourceStore(config, new AtomicWriter(), clock);
        store.create(SavedSource.of("good", input(), SecretStorage.none()));
        Files.writeString(store.directory().resolve("broken.json"), "{ not json");
        Files.writeString(store.directory().resolve("nofields.json"), "{\"version\": 1, \"name\": \"x\"}");
        Files.writeString(store.directory().resolve("newer.json"), "{\"version\": 2, \"name\": \"newer\"}");

        SourceStore.Listing listing = store.list();
        assertEquals(List.of("good"), listing.sources().stream().map(SavedSource::name).toList());
        assertEquals(3, listing.problems().size());
        for (SourceStore.Problem problem : listing.problems()) {
            if (problem.file().endsWith("newer.json")) {
                assertNull(problem.backup(), "a newer version's file is never moved");
                assertTrue(Files.exists(problem.file()));
                continue;
            }
            assertNotNull(problem.backup(), problem.message());
            assertTrue(Files.exists(problem.backup()));
            assertFalse(Files.exists(problem.file()));
            assertTrue(problem.message().contains(problem.backup().toString()), problem.message());
        }
        assertTrue(Files.exists(store.directory().resolve("broken.json.corrupt-20250601-102030")));
        assertTrue(Files.exists(store.directory().resolve("nofields.json.corrupt-20250601-102030")));
        assertFalse(Files.exists(store.directory().resolve("newer.json.future-20250601-102030")));
        String future = listing.problems().stream().filter(p -> p.file().endsWith("newer.json")).findFirst()
                .orElseThrow().message();
        assertTrue(future.contains("saved by a newer version of this app"), future);
        String broken = listing.problems().stream().filter(p -> p.file().endsWith("broken.json")).findFirst()
                .orElseThrow().message();
        assertTrue(broken.contains("is damaged (it is not valid JSON)"), broken);

        // Listing again: the moved files are no longer listed nor reported; the newer one still is.
        assertEquals(1, store.list().problems().size());

        // Loading a damaged source by name reports it and moves it aside too; a second one gets its own backup.
        Files.writeString(store.file("good"), "[]");
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> store.find("good"));
        assertFalse(e.futureVersion());
        assertEquals(store.directory().resolve("good.json.corrupt-20250601-102030"), e.backup());
        assertTrue(store.find("good").isEmpty());
        Files.writeString(store.file("good"), "{}");
        assertThrows(CorruptFileException.class, () -> store.find("good"));
        assertTrue(Files.exists(store.directory().resolve("good.json.corrupt-20250601-102030-2")));
    }

    @Test
    void aNewerVersionsFileIsNeverMovedRewrittenOrDeleted() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("other", input(), SecretStorage.none()));
        Path newer = store.file("Prod");
        byte[] written = "{\"version\": 3, \"name\": \"Prod\", \"somethingNew\": true}\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(newer, written);

        CorruptFileException read = assertThrows(CorruptFileException.class, () -> store.find("prod"));
        assertTrue(read.futureVersion());
        assertNull(read.backup());
        assertTrue(read.getMessage().contains("newer version"), read.getMessage());
        StoreException save = assertThrows(StoreException.class,
                () -> store.save(SavedSource.of("Prod", input(), SecretStorage.none())));
        assertTrue(save.getMessage().contains("does not change or replace it"), save.getMessage());
        assertThrows(StoreException.class, () -> store.create(SavedSource.of("PROD", input(), SecretStorage.none())));
        assertThrows(StoreException.class, () -> store.recordTest("Prod", null));
        assertThrows(StoreException.class, () -> store.delete("Prod"));
        assertThrows(StoreException.class, () -> store.rename("other", "prod"));
        store.list();

        assertArrayEquals(written, Files.readAllBytes(newer), "the newer version's file is untouched");
        try (var names = Files.list(store.directory())) {
            assertTrue(names.noneMatch(f -> f.getFileName().toString().contains(".future-")));
        }
    }

    @Test
    void aSourceWhoseFileIsNamedOtherwiseIsFoundByTheNameItHolds() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("Production", input(), SecretStorage.none()));
        Path copied = store.directory().resolve("prod.json");
        Files.move(store.file("Production"), copied);

        assertEquals("Production", store.load("production").name());
        StoreException wrongName = assertThrows(StoreException.class, () -> store.load("prod"));
        assertTrue(wrongName.getMessage().contains("holds the saved source named \"Production\""),
                wrongName.getMessage());

        ConnectionTestSummary summary = new ConnectionTestSummary(Instant.parse("2025-01-02T03:04:05Z"), false, false,
                3, 1, 0, 5, null);
        store.recordTest("Production", summary);
        assertEquals(summary, store.load("Production").lastTest());
        assertFalse(Files.exists(store.file("Production")), "the result is written where the source lives");
        assertEquals(1, store.list().sources().size());

        store.save(store.load("Production").withSettings(input().with(Field.CATALOG, "sales")));
        assertEquals(List.of(store.file("Production")), files(store.directory()).stream()
                .filter(f -> f.toString().endsWith(".json")).toList(), "saving gives it its own file, once");
    }

    @Test
    void aDemoSourceKeepsItsScenario() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("Demo", input(), SecretStorage.none()).withDemoScenario("missing-select"));
        SavedSource loaded = store.load("demo");
        assertTrue(loaded.isDemo());
        assertEquals("missing-select", loaded.demoScenario());
        assertEquals("missing-select", store.recordTest("Demo", null).demoScenario());
        store.create(SavedSource.of("Real", input(), SecretStorage.none()));
        assertFalse(store.load("Real").isDemo());
        assertFalse(Files.readString(store.file("Real")).contains("demoScenario"));
    }

    @Test
    void filesAndFoldersAreOwnerOnly() throws Exception {
        Path dir = config.resolve("nested/config");
        assumeTrue(AtomicWriter.posix(config));
        SourceStore store = new SourceStore(dir);
        store.create(SavedSource.of("prod", input(), SecretStorage.none()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("prod"))));
        store.save(store.load("prod").withSettings(input().with(Field.CATALOG, "c")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("prod"))));
        DraftStore drafts = new DraftStore(dir);
        drafts.save(Draft.of(input(), null, "workspace", null, null, null));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(drafts.file())));
    }

    @Test
    void concurrentSavesOfTheSameSourceNeverCorruptIt() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("shared", input(), SecretStorage.none()));
        int threads = 6;
        int saves = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                start.await();
                // Each thread has its own store object, as two windows would.
                SourceStore mine = new SourceStore(config);
                for (int i = 0; i < saves; i++) {
                    String catalog = "c" + id + "_" + i;
                    written.add(catalog);
                    mine.save(SavedSource.of("shared", input().with(Field.CATALOG, catalog), SecretStorage.none()));
                    assertTrue(mine.load("shared").input().catalog().startsWith("c"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        SourceStore.Listing listing = store.list();
        assertTrue(listing.problems().isEmpty(), listing.problems().toString());
        assertEquals(1, listing.sources().size());
        assertTrue(written.contains(listing.sources().get(0).input().catalog()));
        assertTrue(files(store.directory()).stream().noneMatch(AtomicWriter::isTemporary));
    }

    @Test
    void concurrentSavesFromTwoProcessesNeverCorruptIt() throws Exception {
        SourceStore store = store();
        store.create(SavedSource.of("shared", input(), SecretStorage.none()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(java, "-cp", classpath, StoreWriterProcess.class.getName(),
                    config.toString(), "p" + p, "40").redirectErrorStream(true).start());
        }
        for (int i = 0; i < 40; i++) {
            store.save(SavedSource.of("shared", input().with(Field.CATALOG, "main_" + i), SecretStorage.none()));
        }
        for (Process process : processes) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "writer process timed out");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
        }
        SourceStore.Listing listing = store.list();
        assertTrue(listing.problems().isEmpty(), listing.problems().toString());
        assertEquals(List.of("shared"), listing.sources().stream().map(SavedSource::name).toList());
        assertTrue(files(store.directory()).stream().noneMatch(AtomicWriter::isTemporary));
    }

    @Test
    void aFileWhereTheFolderShouldBeGivesAClearMessage() throws Exception {
        Path blocker = config.resolve("blocker");
        Files.writeString(blocker, "not a folder");
        SourceStore store = new SourceStore(blocker.resolve("retl-setup"));
        StoreException e = assertThrows(StoreException.class,
                () -> store.create(SavedSource.of("prod", input(), SecretStorage.none())));
        assertTrue(e.getMessage().startsWith("Could not create the folder "), e.getMessage());
        assertTrue(e.getMessage().contains(ConfigDirectory.ENV), e.getMessage());
        assertTrue(store.list().sources().isEmpty(), "listing a missing store is empty, not an error");
    }

    @Test
    void anUnwritableFolderGivesAClearMessage() throws Exception {
        assumeTrue(AtomicWriter.posix(config));
        assumeFalse(StoreTestSupport.isRoot(), "root can write anywhere");
        SourceStore store = store();
        store.create(SavedSource.of("prod", input(), SecretStorage.none()));
        Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString("r-x------"));
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> store.save(SavedSource.of("prod", input().with(Field.CATALOG, "x"), SecretStorage.none())));
            assertTrue(e.getMessage().contains("not allowed to write there"), e.getMessage());
            assertEquals("main", store.load("prod").input().catalog());
        } finally {
            Files.setPosixFilePermissions(store.directory(), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void messagesForWriteFailuresNameTheCauseInPlainWords() {
        Path p = Path.of("/x/sources/prod.json");
        assertTrue(AtomicWriter.failure("save", p, new java.nio.file.AccessDeniedException(p.toString()))
                .getMessage().contains("not allowed to write there"));
        assertTrue(AtomicWriter.failure("save", p, new java.nio.file.FileSystemException(p.toString(), null,
                "Read-only file system")).getMessage().contains("read-only"));
        assertTrue(AtomicWriter.failure("save", p, new IOException("Disk quota exceeded"))
                .getMessage().contains("the disk is full"));
    }

    @Test
    void savedSourceFromInputDropsTheSecret() {
        SavedSource s = SavedSource.of("x", input(), SecretStorage.none());
        assertFalse(s.toString().contains(SECRET));
        assertEquals("", s.input().secret());
        assertEquals(SECRET, s.toInput(SECRET).secret());
        assertEquals(SourceInput.empty().withSecret("s"), SavedSource.of("y", SourceInput.empty(), null).toInput("s"));
    }
}
