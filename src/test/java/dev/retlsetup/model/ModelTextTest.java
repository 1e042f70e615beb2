package dev.retlsetup.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import org.junit.jupiter.api.Test;

/** The model checks' words count what they speak of (the bundle-wide rules are MessagesConsistencyTest's). */
class ModelTextTest {
    @Test
    void theTablesSummaryCountsTheTables() {
        assertTrue(Messages.MODEL.text("model.tables.passed", 1, "t").startsWith("The table the model reads is readable"));
        assertTrue(Messages.MODEL.text("model.tables.passed", 3, "t").startsWith("All 3 tables"));
    }
}
