package dev.retlsetup.ui;

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

    private final AppServices services = AppServices.inTemporaryDirectory();

    private Draft waitForDraft() throws Exception {
        for (int i = 0; i < 50; i++) {
            Draft draft = services.drafts().load();
            if (draft != null) {
                return draft;
            }
            Thread.sleep(100);
        }
        return null;
    }

    @Test
    void savesWhatWasTypedWithoutTheSecretAndResumesOnTheSameStep() throws Exception {
        WizardViewModel wizard = new WizardViewModel(new SourceForm(), Runnable::run, services);
        DraftAutosave autosave = new DraftAutosave(wizard, services.drafts());
        wizard.form().hostProperty().set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        wizard.form().schemasProperty().set("main.marketing");
        wizard.form().secretProperty().set(SECRET);
        wizard.next();
        wizard.next();
        autosave.flush();

        Draft draft = waitForDraft();
        assertNotNull(draft);
        assertEquals("connection", draft.stepId());
        assertTrue(!Files.readString(services.drafts().file()).contains(SECRET), "the draft never holds the secret");

        WizardViewModel next = new WizardViewModel(new SourceForm(), Runnable::run, services);
        next.resume(draft);
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", next.form().hostProperty().get());
        assertEquals(WizardStep.CONNECTION, next.current());
        assertEquals("", next.form().secretProperty().get());
    }

    @Test
    void discardingKeepsNoDraftEvenWithASavePending() throws Exception {
        WizardViewModel wizard = new WizardViewModel(new SourceForm(), Runnable::run, services);
        DraftAutosave autosave = new DraftAutosave(wizard, services.drafts());
        wizard.form().hostProperty().set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        wizard.discardDraft();
        autosave.flush();
        Thread.sleep(300);
        assertNull(services.drafts().load());
    }
}
