package dev.retlsetup.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.testing.TestBrowser;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.WizardApp;
import dev.retlsetup.ui.WizardStep;
import dev.retlsetup.ui.WizardViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.TestVerdict;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin fix in the real window, against the demo workspace over HTTPS with the real driver: the Test page
 * fails, the admin signs in (the browser step played by an HTTP client), reviews the plan, confirms, watches
 * each step applied, and the page's own re-run as the service principal passes.
 */
@ExtendWith(ApplicationExtension.class)
class AdminFixWindowTest {
    private WizardViewModel model;
    private final AtomicReference<TestBrowser> browser = new AtomicReference<>();

    @Start
    void start(Stage stage) throws IOException {
        // The browser needs the demo's certificate, known once the demo runs: made on first use.
        AppServices services = AdminWindowTesting.signingIn(() -> model.form(), browser::set);
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

    private TestStepViewModel test() {
        return (TestStepViewModel) model.step(WizardStep.TEST);
    }

    private void failOnDemo(FxRobot robot, String scenario) throws TimeoutException {
        robot.interact(() -> model.demo().start(scenario));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        robot.interact(() -> {
            while (model.current() != WizardStep.TEST && model.next()) {
                // the demo filled every field
            }
        });
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> test().hasRunProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get());
    }

    private Window fixWindow() {
        return AdminWindowTesting.window("adminfix.title").getWindow();
    }

    @Test
    void anAdminSignsInReviewsTheExactGrantAppliesItAndTheFailedCheckPassesAsThePrincipal(FxRobot robot)
            throws TimeoutException {
        failOnDemo(robot, "missing-select");
        assertTrue(robot.lookup("#fixAsAdminButton").queryButton().isVisible(), "a failed run offers the admin fix");
        robot.interact(() -> robot.lookup("#fixAsAdminButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Window window = fixWindow();
        assertTrue(robot.from(window.getScene().getRoot()).lookup("#planSection").query().isVisible() == false,
                "nothing is planned before sign-in");

        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#signInButton").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(window.getScene().getRoot())
                .lookup(".plan-row").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        String who = robot.from(window.getScene().getRoot()).lookup("#who").queryAs(Label.class).getText();
        assertTrue(who.contains("a workspace admin"), who);
        List<String> statements = robot.from(window.getScene().getRoot()).lookup(".plan-what").queryAllAs(Label.class)
                .stream().map(Label::getText).toList();
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("GRANT SELECT ON SCHEMA main.marketing TO `"), statements.get(0));
        assertFalse(robot.from(window.getScene().getRoot()).lookup("#confirmBar").query().isVisible(),
                "the first click only asks");

        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#applyButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.from(window.getScene().getRoot()).lookup("#confirmBar").query().isVisible());
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), "nothing ran before the go-ahead");
        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#confirmButton").queryButton());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(window.getScene().getRoot())
                .lookup(".verdict-passed").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, robot.from(window.getScene().getRoot()).lookup(".plan-applied").queryAll().size());
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get(), "the Test page shows the new verdict");
        assertTrue(test().complete().get(), "Next is on: the page's own re-run passed");
        robot.clickOn(robot.from(window.getScene().getRoot()).lookup("#closeButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.isShowing());
    }

    @Test
    void aSecondFixInTheSameWindowNeedsNoSecondSignIn(FxRobot robot) throws TimeoutException {
        failOnDemo(robot, "missing-use-schema");
        robot.interact(() -> robot.lookup("#fixAsAdminButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Window first = fixWindow();
        robot.clickOn(robot.from(first.getScene().getRoot()).lookup("#signInButton").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(first.getScene().getRoot())
                .lookup(".plan-row").tryQuery().isPresent());
        robot.clickOn(robot.from(first.getScene().getRoot()).lookup("#closeButton").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        TestBrowser used = browser.get();

        robot.interact(() -> robot.lookup("#fixAsAdminButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        Window second = fixWindow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(second.getScene().getRoot())
                .lookup(".plan-row").tryQuery().isPresent());
        assertFalse(robot.from(second.getScene().getRoot()).lookup("#signInButton").query().isVisible());
        assertTrue(used == browser.get(), "the browser was not opened again");
        robot.clickOn(robot.from(second.getScene().getRoot()).lookup("#closeButton").queryButton());
    }
}
