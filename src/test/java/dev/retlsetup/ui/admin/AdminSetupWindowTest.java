package dev.retlsetup.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.WizardApp;
import dev.retlsetup.ui.WizardStep;
import dev.retlsetup.ui.WizardViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.TestVerdict;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Set it up for me" in the real window, from the first page, on the demo workspace without a service principal. */
@ExtendWith(ApplicationExtension.class)
class AdminSetupWindowTest {
    private WizardViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        AppServices services = AdminWindowTesting.signingIn(() -> model.form(), browser -> { });
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), services);
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> model.admin().signOut());
        WaitForAsyncUtils.waitForFxEvents();
        model.demo().shutdown();
    }

    @Test
    void anAdminSetsItUpFromTheFirstPageAndTheWizardTestsTheNewPrincipal(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.demo().start("no-principal"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardStep.WORKSPACE, model.current());
        robot.interact(() -> robot.lookup("#adminSetupButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = AdminWindowTesting.window("adminsetup.title").getRoot();

        robot.clickOn(robot.from(root).lookup("#signInButton").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(root).lookup("#chooseSection").query().isVisible()
                && robot.from(root).lookup(".check-box").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.from(root).lookup("#reviewButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.from(root).lookup(".plan-row").queryAll().size() >= 5, "the whole plan is shown first");
        robot.interact(() -> robot.from(root).lookup("#confirmButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(root).lookup("#useButton").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        PasswordField secret = robot.from(root).lookup("#secretField .password-field").queryAs(PasswordField.class);
        assertTrue(secret.isVisible(), "the new secret is masked until the admin asks to see it");
        assertFalse(secret.getText().isBlank());

        robot.interact(() -> robot.from(root).lookup("#useButton").queryButton().fire());
        TestStepViewModel test = (TestStepViewModel) model.step(WizardStep.TEST);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> test.hasRunProperty().get() && !test.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(root.getScene().getWindow().isShowing(), "the window closed");
        assertEquals(WizardStep.TEST, model.current());
        assertEquals(TestVerdict.PASSED, test.verdictProperty().get());
    }
}
