package dev.retlsetup.ui;

import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.ui.controls.CheckRowView;
import dev.retlsetup.ui.controls.CopyableCode;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Test step against the demo workspace: real driver, real HTTPS, live checklist. */
@ExtendWith(ApplicationExtension.class)
class TestPageTest {
    static final String PRINCIPAL = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";

    private WizardViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), AppServices.inTemporaryDirectory());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.show();
    }

    @AfterEach
    void stopDemo() {
        model.demo().shutdown();
    }

    /** Starts a demo scenario from the first page and walks to the Test step. */
    static void openTestStepOnDemo(FxRobot robot, WizardViewModel model, String scenario) throws TimeoutException {
        robot.interact(() -> model.demo().start(scenario));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        robot.interact(() -> {
            while (model.current() != WizardStep.TEST && model.next()) {
                // walk forward: the demo filled every field
            }
        });
        assertEquals(WizardStep.TEST, model.current());
    }

    static void runTest(FxRobot robot, WizardViewModel model) throws TimeoutException {
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST)).hasRunProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void failingRunShowsTheExactGrantInline(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "missing-use-schema");
        runTest(robot, model);
        CheckRowView failed = robot.lookup(".check-state-failed").queryAs(CheckRowView.class);
        assertEquals("schema:main.marketing", failed.row().id());
        assertTrue(failed.isExpanded(), "a failure opens its details");
        CopyableCode fix = robot.from(failed).lookup(".fix-sql").queryAs(CopyableCode.class);
        assertEquals("GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + PRINCIPAL + "`;", fix.getText());
        assertTrue(robot.lookup(".verdict-failed").tryQuery().isPresent());
        assertTrue(robot.lookup("#rerunFailedButton").queryButton().isVisible());
        assertTrue(robot.lookup(".nav-bar .button").match(b -> ((Button) b).isDefaultButton()).queryButton().isDisabled(),
                "Next stays disabled while a check fails");
        assertTrue(robot.lookup(".check-state-passed").queryAll().size() >= 8, "independent checks still ran");
    }

    @Test
    void passingRunSaysWhatItProvedAndUnlocksAdd(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "ready");
        runTest(robot, model);
        Label verdict = robot.lookup(".verdict-passed").queryAs(Label.class);
        assertTrue(verdict.getText().contains("main.marketing"), verdict.getText());
        assertTrue(verdict.getText().contains("Not proven"), verdict.getText());
        var rows = ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST)).rows();
        assertTrue(rows.stream().allMatch(r -> r.state() == CheckRow.State.PASSED));
        assertFalse(robot.lookup(".nav-bar .button").match(b -> ((Button) b).isDefaultButton()).queryButton().isDisabled());
        assertTrue(robot.lookup(".check-time").queryAllAs(Label.class).stream().allMatch(l -> l.getText().endsWith("ms")
                || l.getText().endsWith("s")), "every check shows its time");
    }

    @Test
    void stoppedWarehouseOffersToStartIt(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "stopped-warehouse");
        runTest(robot, model);
        Button start = robot.lookup("#startWarehouseButton").queryButton();
        assertTrue(start.isVisible(), "a stopped warehouse can be started from here");
        assertTrue(robot.lookup(".check-state-failed .check-summary").queryAs(Label.class).getText().contains("STOPPED"));
    }
}
