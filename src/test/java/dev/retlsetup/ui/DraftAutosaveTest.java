package dev.retlsetup.ui;

import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.store.Draft;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The wizard keeps a draft as the user types (never the secret) and can resume it. */
class DraftAutosaveTest {
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";

    private final AppServices services = TestServices.temporary();

    @Test
    void savesWhatWasTypedWithoutTheSecretAndResumesOnTheSameStep() throws Exception {
        Background background = Background.sameThread();
        WizardViewModel wizard = new WizardViewModel(new SourceForm(), background, services);
        DraftAutosave autosave = new DraftAutosave(wizard, services.drafts());
        wizard.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        wizard.form().field(Field.SCHEMAS).set("main.marketing");
        wizard.form().field(Field.SECRET).set(SECRET);
        wizard.next();
        wizard.next();
        assertNull(services.drafts().load(), "the save waits a moment after the last change");
        background.runDelayed();

        Draft draft = services.drafts().load();
        assertNotNull(draft);
        assertEquals("connection", draft.stepId());
        assertTrue(!Files.readString(services.drafts().file()).contains(SECRET), "the draft never holds the secret");

        WizardViewModel next = new WizardViewModel(new SourceForm(), Background.sameThread(), services);
        next.resume(draft);
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", next.form().field(Field.HOST).get());
        assertEquals(WizardStep.CONNECTION, next.current());
        assertEquals("", next.form().field(Field.SECRET).get());
    }

    @Test
    void discardingKeepsNoDraftEvenWithASavePending() throws Exception {
        Background background = Background.sameThread();
        WizardViewModel wizard = new WizardViewModel(new SourceForm(), background, services);
        new DraftAutosave(wizard, services.drafts());
        wizard.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        wizard.discardDraft();
        background.runDelayed();
        assertNull(services.drafts().load());
    }

    @Test
    void closingWritesThePendingDraftAtOnce() throws Exception {
        WizardViewModel wizard = new WizardViewModel(new SourceForm(), Background.sameThread(), services);
        DraftAutosave autosave = new DraftAutosave(wizard, services.drafts());
        wizard.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        autosave.flush();
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", services.drafts().load().input().host());
    }
}
