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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
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
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), TestServices.temporary());
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
        String headline = robot.lookup(".check-state-failed .check-summary").queryAs(Label.class).getText();
        assertTrue(headline.contains("is stopped"), headline);
        assertFalse(headline.contains("STOPPED") || headline.contains("--start-warehouse"), headline);
    }

    @Test
    void everyFailureOffersCopyForMyAdminAndEveryDetailCanBeCopied(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "missing-use-schema");
        String host = model.form().field(dev.retlsetup.source.Field.HOST).get();
        String secret = model.form().field(dev.retlsetup.source.Field.SECRET).get();
        runTest(robot, model);
        CheckRowView failed = robot.lookup(".check-state-failed").queryAs(CheckRowView.class);
        String headline = robot.from(failed).lookup(".check-summary").queryAs(Label.class).getText();
        assertEquals("The service principal may not open the schema main.marketing", headline);
        assertTrue(robot.from(failed).lookup(".check-summary").queryAs(Label.class).getContextMenu() != null,
                "the headline can be copied too");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        // The failed row may sit below the fold (the focus stays on the page's buttons): pressed as the keyboard would.
        robot.interact(() -> robot.from(failed).lookup(".copy-admin-button").queryButton().fire());
        String copied = clipboard(robot);
        assertTrue(copied.contains("Workspace: " + host), copied);
        assertTrue(copied.contains("Service principal (application ID): " + PRINCIPAL), copied);
        assertTrue(copied.contains("GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + PRINCIPAL + "`;"), copied);
        assertFalse(copied.contains(secret), "the secret never reaches the clipboard");
        var sections = robot.from(failed).lookup(".details-section .label").queryAllAs(Label.class);
        assertFalse(sections.isEmpty());
        assertTrue(sections.stream().allMatch(l -> l.getContextMenu() != null
                && l.getContextMenu().getItems().size() == 2), "each detail copies itself or the admin message");
        var answer = sections.stream().filter(l -> l.getText().contains("SQLSTATE")).findFirst().orElseThrow();
        robot.interact(() -> answer.getContextMenu().getItems().get(0).fire());
        assertTrue(clipboard(robot).contains("INSUFFICIENT_PERMISSIONS"), clipboard(robot));
        assertTrue(robot.from(failed).lookup(".label").queryAllAs(Label.class).stream()
                .noneMatch(l -> l.getText() != null && l.getText().contains("text below")), "no pointer to missing text");
    }

    @Test
    void theIpBlockedHeadlineNamesTheIpAccessList(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "ip-blocked");
        runTest(robot, model);
        String headline = robot.lookup(".check-state-failed .check-summary").queryAs(Label.class).getText();
        assertTrue(headline.contains("IP access list"), headline);
        assertFalse(headline.contains("403") || headline.contains("HTTP"), headline);
    }

    @Test
    void aMissingCreateShowsPreCreatingTheSchemaAsACopyableBlock(FxRobot robot) throws TimeoutException {
        openTestStepOnDemo(robot, model, "missing-create");
        runTest(robot, model);
        CheckRowView failed = robot.lookup(".check-state-failed").queryAs(CheckRowView.class);
        CopyableCode alternative = robot.from(failed).lookup(".fix-alternative-sql").queryAs(CopyableCode.class);
        assertEquals("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;\nGRANT ALL PRIVILEGES ON SCHEMA "
                + "main.__segment_reverse_etl TO `" + PRINCIPAL + "`;", alternative.getText());
        String fixFile = ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST))
                .fixScript(failed.row().result());
        assertTrue(fixFile.startsWith("-- Segment Reverse ETL: the fix for the failed check"), fixFile);
        assertTrue(fixFile.contains("\nGRANT CREATE SCHEMA ON CATALOG main TO `" + PRINCIPAL + "`;\n"), fixFile);
        assertTrue(fixFile.contains("\n-- CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;\n"), fixFile);
    }

    @Test
    void theScenarioPickerShowsADescriptionNotTheName(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = robot.lookup("#scenarioChoice").queryAs(ComboBox.class);
        robot.interact(() -> picker.getSelectionModel().select("missing-use-schema"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("missing-use-schema", picker.getValue(), "the value stays the scenario's name");
        String shown = picker.getButtonCell().getText();
        assertEquals(Messages.UI.text("demo.scenario.missing-use-schema"), shown);
        assertFalse(shown.contains("missing-use-schema"), shown);
        for (String name : DemoMode.scenarios()) {
            assertTrue(Messages.UI.has("demo.scenario." + name), "a description for " + name);
        }
    }

    @Test
    void reTestWithoutAKeptSecretAsksForItFocusesItAndTestsOnNext(FxRobot robot) {
        var input = new dev.retlsetup.source.SourceInput("localhost", "/sql/1.0/warehouses/8f3c2a91d4e07b56",
                String.valueOf(freePort()), PRINCIPAL, "", "main", "main.marketing");
        var source = dev.retlsetup.store.SavedSource.of("Marketing", input, dev.retlsetup.store.SecretStorage.none());
        robot.interact(() -> model.open(source, null, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardStep.CREDENTIALS, model.current());
        Label why = robot.lookup(".secret-request").queryAs(Label.class);
        assertTrue(why.isVisible(), "the page says why it stopped here");
        assertTrue(why.getText().contains("“Marketing” is not kept"), why.getText());
        var masked = robot.lookup("#secretField .password-field").queryAs(javafx.scene.control.PasswordField.class);
        assertTrue(masked.isFocused(), "the cursor is in the secret field");
        robot.write("dose0123456789abcdef0123456789abcdef");
        robot.interact(() -> model.forward(() -> { }));
        assertEquals(WizardStep.TEST, model.current());
        var test = (dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST);
        assertTrue(test.runningProperty().get() || test.hasRunProperty().get(), "the test started right away");
        assertFalse(robot.lookup(".secret-request").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    private static String clipboard(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read the clipboard", e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
