package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Names are checked where they are typed: the duplicate dialog and the Add page never offer a taken name. */
@ExtendWith(ApplicationExtension.class)
class SourceNamesTest {
    private static final SourceInput INPUT = new SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
            "/sql/1.0/warehouses/abcdef0123456789", "443", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main",
            "main.marketing");

    private WizardViewModel model;
    private AppServices services;

    @Start
    void start(Stage stage) {
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

    @Test
    void theDuplicateDialogSaysATakenNameUnderTheFieldAndStaysOpenWithTheTypedName(FxRobot robot) throws Exception {
        services.sources().save(SavedSource.of("Marketing", INPUT, SecretStorage.none()));
        services.sources().save(SavedSource.of("Sales", INPUT, SecretStorage.none()));
        robot.clickOn(".sidebar-link");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").queryAll().size() == 2);
        Button duplicate = robot.lookup(".source-card .button")
                .match(b -> ((Button) b).getText().equals(Messages.UI.text("start.duplicate"))).queryButton();
        robot.clickOn(duplicate);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#duplicateProblem").tryQuery().isPresent());

        TextField name = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        Label problem = robot.lookup("#duplicateProblem").queryAs(Label.class);
        Button ok = robot.lookup(".dialog-pane .button")
                .match(b -> ((Button) b).isDefaultButton()).queryButton();
        String offered = name.getText();
        assertFalse(offered.equalsIgnoreCase("Marketing") || offered.equalsIgnoreCase("Sales"), offered);
        assertFalse(ok.isDisabled(), "the offered name is free");
        assertFalse(problem.isVisible());

        robot.interact(() -> name.setText(""));
        robot.clickOn(name).write("sales");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problem.isVisible(), "the taken name is said under the field");
        assertEquals(Messages.UI.text("add.name.taken", "sales"), problem.getText());
        assertTrue(ok.isDisabled());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(name.getScene().getWindow().isShowing(), "Enter on a taken name does not close the dialog");
        assertEquals("sales", name.getText(), "the typed name is kept");
        assertEquals(2, services.sources().names().size());

        robot.write(" 2025");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(problem.isVisible());
        assertFalse(ok.isDisabled(), "a free name can be used");
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.sources().exists("sales 2025"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".source-card").queryAll().size() == 3);
    }

    @Test
    void theAddPageSuggestsTheNextFreeNumberWhenTheSuggestedNameIsTaken(FxRobot robot) throws Exception {
        String demoName = Messages.UI.text("add.name.demo", "ready");
        services.sources().save(SavedSource.of(demoName, INPUT, SecretStorage.none()));
        services.sources().save(SavedSource.of(Messages.UI.text("add.name.numbered", demoName, 2), INPUT,
                SecretStorage.none()));
        TestPageTest.openTestStepOnDemo(robot, model, "ready");
        TestPageTest.runTest(robot, model);
        robot.interact(model::next);
        assertEquals(WizardStep.ADD, model.current());
        String third = Messages.UI.text("add.name.numbered", demoName, 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> third.equals(model.addStep().sourceNameProperty().get()));
        assertEquals("Demo workspace (ready) (3)", third);
        assertEquals(null, model.addStep().nameProblemProperty().get(), "the suggested name can be saved");
    }
}
