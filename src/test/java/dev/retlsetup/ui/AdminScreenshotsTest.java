package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.admin.AdminWindowTesting;
import dev.retlsetup.ui.steps.TestStepViewModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The admin fix window for screenshots/: the plan, and the result after applying it (demo workspace). */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class AdminScreenshotsTest {
    private WizardViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        AppServices services = AdminWindowTesting.signingIn(() -> model.form(), browser -> { });
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), services);
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> model.admin().signOut());
        WaitForAsyncUtils.waitForFxEvents();
        model.demo().shutdown();
    }

    @Test
    void rendersThePlanAndTheResultOfAnAdminFix(FxRobot robot) throws TimeoutException {
        TestPageTest.openTestStepOnDemo(robot, model, "missing-create");
        TestPageTest.runTest(robot, model);
        robot.interact(() -> robot.lookup("#fixAsAdminButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Scene fix = AdminWindowTesting.window("adminfix.title");
        robot.clickOn(robot.from(fix.getRoot()).lookup("#signInButton").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(fix.getRoot()).lookup(".plan-row")
                .tryQuery().isPresent());
        robot.clickOn(robot.from(fix.getRoot()).lookup("#applyButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, fix, "20-admin-fix-plan");
        robot.clickOn(robot.from(fix.getRoot()).lookup("#confirmButton").queryButton());
        TestStepViewModel test = (TestStepViewModel) model.step(WizardStep.TEST);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(fix.getRoot()).lookup(".verdict-passed")
                .tryQuery().isPresent() || robot.from(fix.getRoot()).lookup(".verdict-failed").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, fix, "21-admin-fix-result");
        robot.clickOn(robot.from(fix.getRoot()).lookup("#closeButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        Screenshots.save(robot, robot.listWindows().get(0).getScene(), "22-test-after-admin-fix");
        org.junit.jupiter.api.Assertions.assertTrue(test.complete().get(), "the page's re-run passed");
    }

    @Test
    void rendersSettingItUpFromScratch(FxRobot robot) throws TimeoutException {
        robot.interact(() -> model.demo().start("no-principal"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#adminSetupButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Scene setup = AdminWindowTesting.window("adminsetup.title");
        robot.clickOn(robot.from(setup.getRoot()).lookup("#signInButton").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(setup.getRoot()).lookup(".check-box")
                .tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, setup, "23-admin-setup-choose");
        // Below the fold in a short window: pressed as a keyboard user would, without scrolling.
        robot.interact(() -> robot.from(setup.getRoot()).lookup("#reviewButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.from(setup.getRoot()).lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        Screenshots.save(robot, setup, "24-admin-setup-plan");
        robot.interact(() -> robot.from(setup.getRoot()).lookup("#confirmButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(setup.getRoot()).lookup("#useButton").query()
                .isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.from(setup.getRoot()).lookup(".page-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        Screenshots.save(robot, setup, "25-admin-setup-done");
        robot.interact(() -> ((Stage) setup.getWindow()).close());
    }

    @Test
    void rendersTheFixOfATestWhosePrincipalDoesNotExist(FxRobot robot) throws TimeoutException {
        TestPageTest.openTestStepOnDemo(robot, model, "no-principal");
        TestPageTest.runTest(robot, model);
        robot.interact(() -> robot.lookup("#fixAsAdminButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Scene fix = AdminWindowTesting.window("adminfix.title");
        robot.interact(() -> robot.from(fix.getRoot()).lookup("#signInButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(fix.getRoot()).lookup("#setUpButton").query()
                .isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, fix, "26-admin-fix-no-principal");
        robot.interact(() -> ((Stage) fix.getWindow()).close());
    }
}
