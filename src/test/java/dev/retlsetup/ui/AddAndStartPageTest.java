package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.store.SavedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** From a passing test on the demo workspace to a saved source on the start page, and back. */
@ExtendWith(ApplicationExtension.class)
class AddAndStartPageTest {
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

    private Button next(FxRobot robot) {
        return robot.lookup(".nav-bar .button").match(b -> ((Button) b).isDefaultButton()).queryButton();
    }

    @Test
    void addSavesTheSourceAndTheStartPageListsItWithItsLastTest(FxRobot robot) throws Exception {
        TestPageTest.openTestStepOnDemo(robot, model, "ready");
        TestPageTest.runTest(robot, model);
        robot.clickOn(next(robot));
        assertEquals(WizardStep.ADD, model.current());
        assertEquals("Demo workspace (ready)", model.addStep().sourceNameProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.addStep().keychainStatusProperty().get() != null);
        assertTrue(robot.lookup("#keychainChoice").queryAs(RadioButton.class).isDisabled(),
                "no credential store here: the choice is disabled and says why");
        assertFalse(robot.lookup("#keychainStatus").queryAs(Label.class).getText().isBlank());
        robot.clickOn("#noneChoice");
        robot.clickOn(next(robot));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("Demo workspace (ready)"));
        assertTrue(next(robot).getText().replace("_", "").contains("add a model"), next(robot).getText());

        robot.clickOn(next(robot));
        assertEquals(WizardStep.MODEL, model.current(), "the model comes after the source, as in Segment");
        assertTrue(next(robot).getText().replace("_", "").contains("Skip"), "the model is optional");
        robot.clickOn(next(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").tryQuery().isPresent());
        Label last = robot.lookup(".source-last").queryAs(Label.class);
        assertTrue(last.getText().startsWith("Last test passed"), last.getText());
        SavedSource saved = services.sources().load("Demo workspace (ready)");
        assertTrue(saved.lastTest().ok());
        try (var files = Files.walk(services.sources().directory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("dose3f9a1c7e5b2d4086a1f3c9e7b5d2a04c"), "no secret in " + file);
            }
        }
    }

    @Test
    void deletingAsksFirst(FxRobot robot) throws Exception {
        services.sources().save(SavedSource.of("Old source", new dev.retlsetup.source.SourceInput(
                "dbc-a1b2c3d4-e5f6.cloud.databricks.com", "/sql/1.0/warehouses/abcdef0123456789", "443",
                "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main", "main.marketing"),
                dev.retlsetup.store.SecretStorage.none()));
        robot.clickOn(".sidebar-link");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").tryQuery().isPresent());
        assertEquals("Never tested", robot.lookup(".source-last").queryAs(Label.class).getText());
        robot.clickOn(robot.lookup(".source-card .button").match(b -> ((Button) b).getText().equals("Delete"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> ((Button) b).getText().contains("Keep"))
                .queryButton());
        assertTrue(services.sources().exists("Old source"), "keeping it keeps it");
        robot.clickOn(robot.lookup(".source-card .button").match(b -> ((Button) b).getText().equals("Delete"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> ((Button) b).getText().contains("Delete"))
                .queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").tryQuery().isEmpty());
        assertFalse(services.sources().exists("Old source"));
    }

    @Test
    void editOpensTheWizardWithTheSavedValues(FxRobot robot) throws Exception {
        services.sources().save(SavedSource.of("Marketing", new dev.retlsetup.source.SourceInput(
                "dbc-a1b2c3d4-e5f6.cloud.databricks.com", "/sql/1.0/warehouses/abcdef0123456789", "443",
                "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main", "main.marketing"),
                dev.retlsetup.store.SecretStorage.none()));
        robot.clickOn(".sidebar-link");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".source-card .button").match(b -> ((Button) b).getText().contains("Edit"))
                .queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hostField").tryQuery().isPresent());
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", model.form().field(Field.HOST).get());
        assertEquals("Marketing", model.addStep().sourceNameProperty().get());
        assertEquals(WizardStep.WORKSPACE, model.current());
        assertTrue(robot.lookup("#pageTitle").queryAs(Label.class).getText().contains("editing \"Marketing\""),
                "the edit screen says which source it edits");
    }

    @Test
    void cancelThenDiscardReturnsToTheStartPageInsteadOfQuitting(FxRobot robot) throws Exception {
        robot.interact(() -> model.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com"));
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> ((Button) b).getText().contains("Discard"))
                .queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#emptyText").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the application is still open");
        assertEquals("", model.form().field(Field.HOST).get());
        assertEquals(null, services.drafts().load());
    }

    @Test
    void closingWithTypedInputOffersToKeepADraft(FxRobot robot) throws Exception {
        robot.interact(() -> model.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com"));
        boolean[] closed = {false};
        // Not interact(): the close handler shows a dialog and waits for the answer.
        Platform.runLater(() -> {
            javafx.stage.WindowEvent request = new javafx.stage.WindowEvent(stage,
                    javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(request);
            closed[0] = !request.isConsumed();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Button keep = robot.lookup(".dialog-pane .button").match(b -> ((Button) b).getText().contains("Keep a draft"))
                .queryButton();
        assertTrue(keep.isDefaultButton(), "keeping a draft is what Enter does");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> ((Button) b).getText().contains("Stay"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(closed[0], "Stay keeps the window open");
    }
}
