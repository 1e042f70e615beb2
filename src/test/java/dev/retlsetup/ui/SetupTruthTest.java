package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.store.ConnectionTestSummary;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.ui.steps.AddStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.TestVerdict;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the wizard shows and keeps is what happened: against the real demo workspace over HTTPS, without a
 * toolkit (every piece of work runs on the test's thread).
 */
class SetupTruthTest {
    private final AppServices services = TestServices.temporary();
    private final Background background = Background.sameThread();
    private final WizardViewModel wizard = new WizardViewModel(new SourceForm(), background, services);

    @AfterEach
    void stopDemo() {
        wizard.shutdown();
    }

    private TestStepViewModel test() {
        return (TestStepViewModel) wizard.step(WizardStep.TEST);
    }

    private SourceForm form() {
        return wizard.form();
    }

    /** A source saved from the demo workspace, with the port of a demo long gone, last tested "passed". */
    private SavedSource savedDemoSource(String name, String scenario) throws Exception {
        ConnectionTestSummary passed = new ConnectionTestSummary(Instant.parse("2025-01-02T03:04:05Z"), true, true, 12,
                0, 0, 0, null);
        return services.sources().create(SavedSource.of(name, new SourceInput("localhost",
                "/sql/1.0/warehouses/5f1c2e3d4b6a7980", "1", "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "", "main",
                "main.marketing"), SecretStorage.none()).withLastTest(passed).withDemoScenario(scenario));
    }

    private void walkToTest() {
        wizard.advanceTo(WizardStep.TEST);
        assertEquals(WizardStep.TEST, wizard.current());
    }

    @Test
    void aFailingRetestOfASavedDemoSourceStartsItsDemoAndIsRecorded() throws Exception {
        SavedSource source = savedDemoSource("Demo", "missing-select");
        wizard.open(source, null, true);

        assertTrue(wizard.demo().activeProperty().get(), "testing a demo source starts its demo");
        assertEquals("missing-select", wizard.demo().scenarioProperty().get());
        assertEquals(WizardStep.TEST, wizard.current());
        assertNotNull(test().lastReportProperty().get());
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), "the demo answered: a real failure");
        ConnectionTestSummary recorded = services.sources().load("Demo").lastTest();
        assertFalse(recorded.ok(), "the card no longer says the last test passed");
        assertTrue(recorded.failed() >= 1);
        assertTrue(recorded.time().isAfter(Instant.parse("2025-01-02T03:04:05Z")));
        assertEquals("missing-select", services.sources().load("Demo").demoScenario());
    }

    @Test
    void aRetestWithChangedSettingsIsNotRecordedOnTheSavedSource() throws Exception {
        SavedSource source = savedDemoSource("Demo", "missing-select");
        wizard.open(source, null, false);
        form().field(Field.SCHEMAS).set("main.sales");
        walkToTest();
        test().runAll();
        assertTrue(services.sources().load("Demo").lastTest().ok(), "another source's result is not this one's");
    }

    @Test
    void aCancelledRunIsNotTestedBlocksNextAndAddSaysSoAndAsks() throws Exception {
        wizard.demo().start("ready");
        walkToTest();
        // Stop the run as soon as its first network check starts, as the user's Cancel would.
        test().rows().addListener((javafx.collections.ListChangeListener<CheckRow>) change -> {
            if (test().rows().stream().anyMatch(r -> r.id().equals("tcp") && r.state() == CheckRow.State.RUNNING)) {
                test().cancel();
            }
        });
        test().runAll();
        ConnectionTestReport report = test().lastReportProperty().get();
        assertTrue(report.cancelled());
        assertEquals(TestVerdict.NOT_TESTED, test().verdictProperty().get());
        assertFalse(test().complete().get(), "a cancelled run does not turn Next on");
        assertFalse(wizard.next());

        AddStepViewModel add = addAfter(report);
        List<String> asked = new ArrayList<>();
        add.setConfirmation((header, content, confirm) -> {
            asked.add(content);
            return false;
        });
        add.sourceNameProperty().set("Cancelled");
        add.secretChoiceProperty().set(SecretStorage.Kind.NONE);
        assertTrue(add.testWarningProperty().get().contains("did not finish"), add.testWarningProperty().get());
        add.leave(() -> { });
        assertEquals(1, asked.size(), "Add asks first");
        assertFalse(services.sources().exists("Cancelled"), "declined: nothing saved");

        add.setConfirmation((header, content, confirm) -> true);
        add.leave(() -> { });
        SavedSource saved = services.sources().load("Cancelled");
        assertNull(saved.lastTest(), "a cancelled run is not a failed test: the source is not tested");
    }

    /** The Add step as the wizard builds it, after the given run. */
    private AddStepViewModel addAfter(ConnectionTestReport report) {
        return new AddStepViewModel(form(), services, new javafx.beans.property.SimpleObjectProperty<>(report),
                wizard.demo().scenarioProperty(), background);
    }

    @Test
    void aStoppedWarehouseDoesNotBlockAddWhichWarnsAndAsks() throws Exception {
        wizard.demo().start("stopped-warehouse");
        walkToTest();
        test().runAll();
        assertEquals(TestVerdict.WAREHOUSE_STOPPED, test().verdictProperty().get());
        assertTrue(test().complete().get(), "declining to start it is allowed: Next goes on to Add");
        assertTrue(wizard.next());
        assertEquals(WizardStep.ADD, wizard.current());

        AddStepViewModel add = wizard.addStep();
        assertTrue(add.testWarningProperty().get().contains("first sync will start it"),
                add.testWarningProperty().get());
        List<String> asked = new ArrayList<>();
        add.setConfirmation((header, content, confirm) -> asked.add(content));
        add.secretChoiceProperty().set(SecretStorage.Kind.NONE);
        wizard.forward(() -> { });
        assertEquals(1, asked.size());
        SavedSource saved = services.sources().load(add.sourceNameProperty().get());
        assertFalse(saved.lastTest().ok(), "what the run found is recorded as it is");
        assertEquals("stopped-warehouse", saved.demoScenario(), "a demo source is labelled as one");
    }

    @Test
    void aPassingRunAddsWithoutAsking() throws Exception {
        wizard.demo().start("ready");
        walkToTest();
        test().runAll();
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get());
        wizard.next();
        AddStepViewModel add = wizard.addStep();
        assertEquals("", add.testWarningProperty().get());
        add.setConfirmation((header, content, confirm) -> {
            throw new AssertionError("a proven connection needs no question");
        });
        add.secretChoiceProperty().set(SecretStorage.Kind.NONE);
        wizard.forward(() -> { });
        assertTrue(add.savedProperty().get());
    }

    @Test
    void aDraftMadeInDemoModeResumesIntoTheDemoAfterAScenarioSwitch() throws Exception {
        DraftAutosave autosave = new DraftAutosave(wizard, services.drafts());
        form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        wizard.demo().start("missing-select");
        wizard.demo().start("ready");
        wizard.next();
        wizard.next();
        autosave.flush();
        Draft draft = services.drafts().load();
        assertEquals("ready", draft.demoScenario(), "the draft records demo mode and its scenario");
        assertEquals("connection", draft.stepId());
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", draft.input().host(),
                "the draft keeps the user's own values, not the demo's");
        wizard.shutdown();

        WizardViewModel next = new WizardViewModel(new SourceForm(), Background.sameThread(), services);
        try {
            next.resume(draft);
            assertTrue(next.demo().activeProperty().get());
            assertEquals("ready", next.demo().scenarioProperty().get());
            assertEquals(WizardStep.CONNECTION, next.current(), "back on the step it was on");
            int port = Integer.parseInt(next.form().field(Field.PORT).get());
            try (Socket alive = new Socket("127.0.0.1", port)) {
                assertTrue(alive.isConnected(), "the port is the running demo's");
            }
            next.demo().leave();
            assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", next.form().field(Field.HOST).get());
        } finally {
            next.shutdown();
        }
    }

    @Test
    void tryingTheDemoAsksFirstAndLeavingItGivesBackTheUsersValues() {
        form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        form().field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form().trustStorePathProperty().set("/etc/corp-ca.p12");
        assertTrue(wizard.demo().wouldReplaceTypedValues(), "typed values: the page asks before the demo fills");
        wizard.demo().start("ready");
        assertEquals("localhost", form().field(Field.HOST).get());
        assertFalse(wizard.demo().wouldReplaceTypedValues(), "switching scenarios replaces only the demo's values");
        wizard.demo().start("missing-select");
        wizard.demo().leave();
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", form().field(Field.HOST).get());
        assertEquals("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", form().field(Field.CLIENT_ID).get());
        assertEquals("/etc/corp-ca.p12", form().trustStorePathProperty().get());
        assertFalse(wizard.demo().wouldReplaceTypedValues() && form().field(Field.HOST).get().isEmpty());
    }

    @Test
    void eachSetupStartsCleanOnTheAddAndTestPages() throws Exception {
        wizard.demo().start("ready");
        walkToTest();
        test().runAll();
        test().noticeProperty().set("Saved /tmp/fix.sql");
        wizard.next();
        AddStepViewModel add = wizard.addStep();
        add.createSchemaProperty().set(true);
        add.schemaResultProperty().set("main.__segment_reverse_etl is ready for Segment.");
        add.actionStatusProperty().set("Report saved to /tmp/report.html");
        add.secretChoiceProperty().set(SecretStorage.Kind.NONE);
        wizard.forward(() -> { });
        assertTrue(add.savedProperty().get());

        wizard.startNew();
        assertFalse(add.createSchemaProperty().get(), "the schema box is not ticked for the next source");
        assertEquals("", add.schemaResultProperty().get());
        assertEquals("", add.actionStatusProperty().get());
        assertEquals("", add.statusProperty().get());
        assertFalse(add.savedProperty().get());
        assertEquals("", test().noticeProperty().get());
        assertNull(test().lastReportProperty().get());
    }

    @Test
    void theTestPagesSavedNoticeGoesWithAScenarioChange() {
        wizard.demo().start("missing-select");
        walkToTest();
        test().runAll();
        test().noticeProperty().set("Saved /tmp/fix.sql");
        wizard.demo().start("ready");
        assertEquals("", test().noticeProperty().get());
    }

    @Test
    void aPasteNoticeGoesOnceTheUserChangesAField() {
        String url = "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;transportMode=http;ssl=1;"
                + "AuthMech=11;httpPath=/sql/1.0/warehouses/abcdef0123456789;";
        String shown = form().paste(Field.HOST, url).orElseThrow();
        form().field(Field.HOST).set(shown);
        assertFalse(form().fillNoticeProperty().get().isEmpty(), "the paste says what it filled");
        form().field(Field.HTTP_PATH).set("/sql/1.0/warehouses/nothex!");
        assertEquals("", form().fillNoticeProperty().get(), "no green notice under the red error");

        form().paste(Field.CLIENT_ID, url).ifPresent(text -> form().field(Field.CLIENT_ID).set(text));
        assertFalse(form().fillNoticeProperty().get().isEmpty(), "the receiving field showing the paste is the paste");
    }

    @Test
    void cancellingAnEditOfASavedSourceAsksOnlyAboutRealChangesAndKeepsTheSource() throws Exception {
        SavedSource source = services.sources().create(SavedSource.of("Marketing", new SourceInput(
                "dbc-a1b2c3d4-e5f6.cloud.databricks.com", "/sql/1.0/warehouses/abcdef0123456789", "",
                "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main", "main.marketing"), SecretStorage.none()));
        wizard.open(source, null, false);
        assertEquals("Marketing", wizard.editingProperty().get(), "the wizard says which source it edits");
        assertFalse(wizard.hasUnsavedInput(), "nothing changed: nothing to lose");
        form().field(Field.CATALOG).set("sales");
        assertTrue(wizard.hasUnsavedInput());
        wizard.discard();
        assertEquals("main", services.sources().load("Marketing").input().catalog(), "the saved source stays");
        assertNull(services.drafts().load());
        wizard.startNew();
        assertEquals("", wizard.editingProperty().get());
    }
}
