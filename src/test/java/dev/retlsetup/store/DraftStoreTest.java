package dev.retlsetup.store;

import dev.retlsetup.source.Field;
import static dev.retlsetup.store.StoreTestSupport.SECRET;
import static dev.retlsetup.store.StoreTestSupport.assertNoSecretIn;
import static dev.retlsetup.store.StoreTestSupport.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:20:30Z"), ZoneOffset.UTC);

    @TempDir
    Path config;

    @Test
    void draftRoundTripsEveryFieldButTheSecret() throws Exception {
        DraftStore drafts = new DraftStore(config, new AtomicWriter(), CLOCK);
        assertNull(drafts.load(), "no draft yet");
        Draft saved = drafts.save(Draft.of(input(), SecretStorage.Kind.KEYCHAIN, "credentials", "missing-grants",
                "Production", null));
        assertEquals(CLOCK.instant(), saved.savedAt());
        Draft loaded = drafts.load();
        assertEquals(saved, loaded);
        assertEquals(input().withSecret(""), loaded.input());
        assertEquals("credentials", loaded.stepId());
        assertEquals("missing-grants", loaded.demoScenario());
        assertFalse(loaded.isEmpty());
        assertNoSecretIn(config, SECRET);

        assertTrue(drafts.clear());
        assertNull(drafts.load());
        assertFalse(drafts.clear());
    }

    @Test
    void aCorruptDraftIsMovedAsideAndReportedOnce() throws Exception {
        DraftStore drafts = new DraftStore(config, new AtomicWriter(), CLOCK);
        Files.writeString(drafts.file(), "{\"version\": 1, \"fields\": ");
        CorruptFileException e = assertThrows(CorruptFileException.class, drafts::load);
        assertTrue(e.getMessage().startsWith("The unfinished setup could not be resumed"), e.getMessage());
        assertEquals(config.resolve("draft.json.corrupt-20250601-102030"), e.backup());
        assertTrue(Files.exists(e.backup()));
        assertNull(drafts.load(), "moved aside: the next start has no draft");

    }

    @Test
    void aNewerVersionsDraftIsReportedButNeverMovedReplacedOrDeleted() throws Exception {
        DraftStore drafts = new DraftStore(config, new AtomicWriter(), CLOCK);
        Files.writeString(drafts.file(), "{\"version\": 7}");
        CorruptFileException future = assertThrows(CorruptFileException.class, drafts::load);
        assertTrue(future.futureVersion());
        assertTrue(future.getMessage().contains("newer version"), future.getMessage());
        assertNull(future.backup());
        assertThrows(StoreException.class, () -> drafts.save(Draft.of(input(), null, "workspace", null, null, null)));
        assertFalse(drafts.clear());
        assertEquals("{\"version\": 7}", Files.readString(drafts.file()));
        assertFalse(Files.exists(config.resolve("draft.json.future-20250601-102030")));
    }

    @Test
    void aFailedDraftSaveKeepsThePreviousDraft() throws Exception {
        DraftStore drafts = new DraftStore(config);
        drafts.save(Draft.of(input(), null, "workspace", null, null, null));
        byte[] before = Files.readAllBytes(drafts.file());
        DraftStore crashing = new DraftStore(config, new AtomicWriter(temp -> {
            throw new IOException("simulated crash");
        }), CLOCK);
        assertThrows(StoreException.class,
                () -> crashing.save(Draft.of(input().with(Field.HOST, "x"), null, "test", null, null, null)));
        assertArrayEquals(before, Files.readAllBytes(drafts.file()));
        assertNotNull(drafts.load());
    }
}
