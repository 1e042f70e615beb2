package dev.retlsetup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model is a plain record the store can write as JSON with its source. */
class ModelRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundTripsThroughJson() throws Exception {
        Model model = new Model("active users", "SELECT * FROM marketing.users", "user_id",
                new Model.LastCheck("2025-06-01T10:00:00Z", false, List.of("key"),
                        "user_id is not unique", 12L));
        String text = JSON.writeValueAsString(model);
        assertEquals(model, JSON.readValue(text, Model.class));
        assertFalse(text.toLowerCase().contains("secret"));
    }

    @Test
    void lastCheckNamesTheFailedChecks() {
        CheckResult passed = new CheckResult("tables", "t", CheckStatus.PASSED, 1, "ok", null, null, null, null, null);
        CheckResult failed = new CheckResult("key", "k", CheckStatus.FAILED, 1, "not unique", null, null, null, null,
                null);
        ModelReport report = new ModelReport(Instant.EPOCH, List.of(passed, failed), List.of(), List.of(), null,
                new KeyStats("id", 3, 2, 0, List.of(new KeyStats.Duplicate("1", 2))), List.of(), "sp", false);
        Model.LastCheck check = Model.LastCheck.of(report);
        assertFalse(check.ready());
        assertEquals(List.of("key"), check.failed());
        assertEquals("not unique", check.summary());
        assertEquals(3L, check.rows());
    }

    @Test
    void copyForSegmentHasTheQueryAndTheIdentifier() {
        String text = new Model("m", "SELECT 1 AS id\n", "id", null).forSegment();
        assertTrue(text.contains("Unique Identifier: id"));
        assertTrue(text.contains("SELECT 1 AS id"));
    }
}
