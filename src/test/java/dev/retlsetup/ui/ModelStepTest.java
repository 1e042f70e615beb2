package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.ui.controls.CheckRow;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Model step against the demo workspace's model data: real driver, the query run as Segment runs it. */
@ExtendWith(ApplicationExtension.class)
class ModelStepTest {
    static final String USERS = "SELECT user_id, email, plan FROM main.marketing.users";
    static final String CONTACTS = "SELECT contact_id, email FROM crm.contacts";

    private WizardViewModel model;
    private AppServices services;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        services = TestServices.temporary();
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), services);
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stopDemo() {
        model.demo().shutdown();
    }

    /** Demo scenario "models", tested and added (secret not kept), then on to the Model step. */
    static void openModelStepOnDemo(FxRobot robot, WizardViewModel model) throws TimeoutException {
        TestPageTest.openTestStepOnDemo(robot, model, "models");
        // The schemas the models read that the principal may read (finance and hr are the model checks' to find).
        robot.interact(() -> model.form().field(dev.retlsetup.source.Field.SCHEMAS).set("main.marketing, main.crm"));
        TestPageTest.runTest(robot, model);
        robot.interact(model::next);
        assertEquals(WizardStep.ADD, model.current(), () -> ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST))
                .rows().stream().map(r -> r.id() + "=" + r.state() + " " + r.summaryProperty().get()).toList().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.addStep().keychainStatusProperty().get() != null);
        robot.interact(() -> model.forward(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        robot.interact(() -> model.forward(() -> { }));
        assertEquals(WizardStep.MODEL, model.current());
    }

    static ModelReport check(FxRobot robot, WizardViewModel model, String sql, String key) throws TimeoutException {
        robot.interact(() -> {
            model.modelStep().sqlProperty().set(sql);
            model.modelStep().keyProperty().set(key);
        });
        assertFalse(robot.lookup("#checkButton").query().isDisabled(), "one query: Check model is on");
        // The page may be scrolled away from the button (after a preview): press it as the keyboard would.
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#checkButton").query()).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.modelStep().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return model.modelStep().reportProperty().get();
    }

    @Test
    void aReadyModelShowsItsPreviewAndIsKeptWithTheSource(FxRobot robot) throws Exception {
        openModelStepOnDemo(robot, model);
        assertTrue(robot.lookup("#offline").queryAs(Label.class).getText().startsWith("Paste or type"));
        robot.interact(() -> model.modelStep().sqlProperty().set(USERS + "; SELECT 1"));
        assertTrue(robot.lookup("#offline").queryAs(Label.class).getText().contains("exactly one query"),
                "two statements are refused before anything runs");
        assertTrue(robot.lookup("#checkButton").query().isDisabled());

        ModelReport report = check(robot, model, USERS, "user_id");
        assertTrue(report.ok(), () -> report.checks().toString());
        assertTrue(model.modelStep().rows().stream().allMatch(r -> r.state() == CheckRow.State.PASSED));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> preview = robot.lookup("#preview").queryAs(TableView.class);
        assertEquals(3, preview.getColumns().size());
        assertTrue(preview.getColumns().get(0).getText().startsWith("user_id\n"), "the column's type under its name");
        assertTrue(preview.getItems().size() > 0 && preview.getItems().size() <= 10);
        assertTrue(model.modelStep().keyChoices().get(0).equals("user_id"), "id-like columns are offered first");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !services.sources().list().sources().isEmpty()
                && !services.sources().list().sources().get(0).models().isEmpty());
        SavedSource saved = services.sources().list().sources().get(0);
        assertEquals("user_id", saved.models().get(0).key());
        assertTrue(saved.models().get(0).lastCheck().ready());
        assertTrue(model.modelStep().forSegment().contains(USERS));
    }

    @Test
    void aDuplicatedIdentifierFailsInPlainWordsWithTheCountsAndAFix(FxRobot robot) throws Exception {
        openModelStepOnDemo(robot, model);
        ModelReport report = check(robot, model, CONTACTS, "contact_id");
        assertFalse(report.ok());
        CheckRow key = model.modelStep().rows().stream().filter(r -> r.id().equals("key")).findFirst().orElseThrow();
        assertEquals(CheckRow.State.FAILED, key.state());
        assertTrue(report.key().duplicates().size() > 0 && report.key().nulls() > 0, report.key().toString());
        assertTrue(key.result().explanation().contains("silently drops"), key.result().explanation());
        assertTrue(String.join("\n", key.result().remediation().sql()).contains("QUALIFY ROW_NUMBER()"));
        assertTrue(robot.lookup("#keyStats").queryAs(Label.class).getText().contains("not unique"));
    }
}
