package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.admin.AdminWindowTesting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The admin windows, in English and German, in every phase a user sees (the plan waiting for the
 * go-ahead, the result; the choices, the plan, the new principal): no text cut, no two buttons on one Alt key.
 */
@ExtendWith(ApplicationExtension.class)
class AdminWindowsLayoutTest {
    private final Locale before = Locale.getDefault();
    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> model.admin().signOut());
        WaitForAsyncUtils.waitForFxEvents();
        model.demo().shutdown();
        Locale.setDefault(before);
    }

    private void open(FxRobot robot, String language) {
        Locale.setDefault(Locale.forLanguageTag(language));
        robot.interact(() -> {
            model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater),
                    AdminWindowTesting.signingIn(() -> model.form(), browser -> { }));
            stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
            stage.setWidth(1024);
            stage.setHeight(700);
            stage.show();
        });
    }

    /** At the window's size and at the size it opens with over an 800x600 wizard. */
    private static void inspect(FxRobot robot, Scene scene, String where, List<String> problems) {
        javafx.stage.Window window = scene.getWindow();
        double width = window.getWidth();
        double height = window.getHeight();
        for (double[] size : new double[][] {{width, height}, {760, 600}}) {
            robot.interact(() -> {
                window.setWidth(size[0]);
                window.setHeight(size[1]);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                LayoutInspector.clippedText(scene).forEach(p -> problems.add(where + " at " + LayoutInspector.size(scene)
                        + ": " + p));
            });
        }
        robot.interact(() -> {
            window.setWidth(width);
            window.setHeight(height);
        });
        LayoutInspector.mnemonicClashes(scene).forEach((letter, nodes) ->
                problems.add(where + ": Alt+" + Character.toUpperCase(letter) + " is " + nodes));
    }

    private static void press(FxRobot robot, Scene scene, String id) {
        robot.interact(() -> robot.from(scene.getRoot()).lookup(id).queryButton().fire());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theFixWindowFitsInEveryPhase(String language, FxRobot robot) throws TimeoutException {
        open(robot, language);
        TestPageTest.openTestStepOnDemo(robot, model, "missing-create");
        TestPageTest.runTest(robot, model);
        press(robot, stage.getScene(), "#fixAsAdminButton");
        WaitForAsyncUtils.waitForFxEvents();
        Scene fix = AdminWindowTesting.window("adminfix.title");
        List<String> problems = new ArrayList<>();
        inspect(robot, fix, language + " fix, signed out", problems);
        press(robot, fix, "#signInButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(fix.getRoot()).lookup(".plan-row")
                .tryQuery().isPresent());
        press(robot, fix, "#applyButton");
        WaitForAsyncUtils.waitForFxEvents();
        inspect(robot, fix, language + " fix, the plan", problems);
        press(robot, fix, "#confirmButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(fix.getRoot()).lookup(".verdict-passed")
                .tryQuery().isPresent());
        inspect(robot, fix, language + " fix, the result", problems);
        robot.interact(() -> ((Stage) fix.getWindow()).close());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void theSetUpWindowFitsInEveryPhase(String language, FxRobot robot) throws TimeoutException {
        open(robot, language);
        robot.interact(() -> model.demo().start("no-principal"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, stage.getScene(), "#adminSetupButton");
        WaitForAsyncUtils.waitForFxEvents();
        Scene setup = AdminWindowTesting.window("adminsetup.title");
        List<String> problems = new ArrayList<>();
        inspect(robot, stage.getScene(), language + " workspace page", problems);
        press(robot, setup, "#signInButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.from(setup.getRoot()).lookup(".check-box")
                .tryQuery().isPresent());
        inspect(robot, setup, language + " set-up, the choices", problems);
        press(robot, setup, "#reviewButton");
        WaitForAsyncUtils.waitForFxEvents();
        inspect(robot, setup, language + " set-up, the plan", problems);
        press(robot, setup, "#confirmButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.from(setup.getRoot()).lookup("#useButton").query()
                .isVisible());
        inspect(robot, setup, language + " set-up, the new principal", problems);
        robot.interact(() -> ((Stage) setup.getWindow()).close());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
