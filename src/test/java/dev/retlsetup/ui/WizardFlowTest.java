package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.ui.controls.SecretField;
import java.io.IOException;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real wizard window headless (Monocle): forward, back, keyboard, cancel. */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    private SourceForm form;
    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        form = new SourceForm();
        model = new WizardViewModel(form, Background.forApp(javafx.application.Platform::runLater), TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.show();
    }

    private Button next(FxRobot robot) {
        return robot.lookup(".nav-bar .button").match(b -> ((Button) b).isDefaultButton()).queryButton();
    }

    private void type(FxRobot robot, String fieldQuery, String text) {
        robot.clickOn(fieldQuery);
        robot.write(text);
    }

    @Test
    void walksTheWholeWizardForwardAndBackKeepingInput(FxRobot robot) {
        assertTrue(next(robot).isDisabled(), "Next waits for the hostname");
        type(robot, "#hostField", "dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        assertFalse(next(robot).isDisabled());
        robot.clickOn(next(robot));
        assertEquals(WizardStep.WAREHOUSE, model.current());

        type(robot, "#catalogField", "main");
        type(robot, "#schemasField", "marketing");
        robot.clickOn(next(robot));
        assertEquals(WizardStep.CONNECTION, model.current());
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", robot.lookup("#hostValue").queryAs(Label.class).getText());

        type(robot, "#httpPathField", "/sql/1.0/warehouses/abcdef0123456789");
        robot.clickOn(next(robot));
        assertEquals(WizardStep.CREDENTIALS, model.current());

        type(robot, "#clientIdField", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        robot.clickOn(robot.lookup("#secretField .password-field").queryAs(PasswordField.class));
        robot.write("dose0123");
        robot.clickOn(next(robot));
        assertEquals(WizardStep.TEST, model.current());
        assertEquals(11, robot.lookup(".check-row").queryAll().size());
        assertTrue(robot.lookup(".check-summary").queryAll().stream()
                .allMatch(n -> ((Label) n).getText().equals(Messages.UI.text("test.state.PENDING"))), "no fake results");
        assertTrue(next(robot).isDisabled(), "Next waits for a passing test");

        for (int i = 0; i < 4; i++) {
            robot.clickOn(robot.lookup(".nav-bar .button").match(b -> ((Button) b).getText().contains("Back")).queryButton());
        }
        assertEquals(WizardStep.WORKSPACE, model.current());
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", robot.lookup("#hostField").queryAs(TextField.class).getText());
        assertEquals("dose0123", form.field(Field.SECRET).get());
    }

    @Test
    void pastingAJdbcUrlFillsHostPortAndPath(FxRobot robot) {
        robot.interact(() -> {
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            form.field(Field.SCHEMAS).set("main.marketing");
            model.next();
            model.next();
        });
        assertEquals(WizardStep.CONNECTION, model.current());
        String url = "jdbc:databricks://adb-1234567890123456.7.azuredatabricks.net:443/default;transportMode=http;"
                + "ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/0123456789abcdef;";
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(url);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#httpPathField");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("/sql/1.0/warehouses/0123456789abcdef", robot.lookup("#httpPathField").queryAs(TextField.class).getText());
        assertEquals("443", robot.lookup("#portField").queryAs(TextField.class).getText());
        assertEquals("adb-1234567890123456.7.azuredatabricks.net", form.field(Field.HOST).get());
        assertEquals("adb-1234567890123456.7.azuredatabricks.net", robot.lookup("#hostValue").queryAs(Label.class).getText());
        Label notice = robot.lookup("#notice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertTrue(notice.getText().contains("JDBC URL"), notice.getText());
    }

    @Test
    void aClusterPathIsExplainedOnTheFieldAndBlocksNext(FxRobot robot) {
        robot.interact(() -> {
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            form.field(Field.SCHEMAS).set("main.marketing");
            model.next();
            model.next();
        });
        type(robot, "#httpPathField", "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh");
        Label message = robot.lookup("#httpPathMessage").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().toLowerCase().contains("warehouse"), message.getText());
        assertTrue(message.getStyleClass().contains("field-error"));
        assertTrue(next(robot).isDisabled());
    }

    @Test
    void enterMovesOnWhenThePageIsComplete(FxRobot robot) {
        robot.clickOn("#hostField");
        robot.type(KeyCode.ENTER);
        assertEquals(WizardStep.WORKSPACE, model.current(), "Enter does nothing while Next is disabled");
        robot.write("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        robot.type(KeyCode.ENTER);
        assertEquals(WizardStep.WAREHOUSE, model.current());
    }

    @Test
    void secretIsMaskedUntilRevealed(FxRobot robot) {
        robot.interact(() -> {
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            form.field(Field.SCHEMAS).set("main.s");
            form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
            model.next();
            model.next();
            model.next();
        });
        SecretField secret = robot.lookup("#secretField").queryAs(SecretField.class);
        robot.clickOn(secret.maskedInput());
        robot.write("dose-secret");
        assertTrue(secret.maskedInput().isVisible());
        assertFalse(secret.clearInput().isVisible());
        robot.clickOn(secret.revealToggle());
        assertTrue(secret.clearInput().isVisible());
        assertEquals("dose-secret", secret.clearInput().getText());
        robot.clickOn(secret.revealToggle());
        assertFalse(secret.clearInput().isVisible());
    }

    @Test
    void escapeAsksBeforeDiscardingTypedInput(FxRobot robot) {
        type(robot, "#hostField", "dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals(Messages.UI.text("discard.header"), dialog.getHeaderText());
        robot.clickOn(robot.lookup(".dialog-pane .button")
                .match(b -> ((Button) b).getText().contains("Keep")).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "keeping the input leaves the wizard open");
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com", form.field(Field.HOST).get());
    }

    @Test
    void escapeLeavesForTheStartPageAtOnceWhenNothingWasTyped(FxRobot robot) {
        robot.clickOn("#hostField");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Cancel never quits the application");
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "nothing typed: nothing to ask");
        assertTrue(robot.lookup("#newButton").tryQuery().isPresent(), "the start page is shown");
    }

    @Test
    void stepListMarksDoneCurrentAndUpcoming(FxRobot robot) {
        type(robot, "#hostField", "dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        robot.clickOn(next(robot));
        var items = robot.lookup(".step-item").queryAllAs(Label.class).stream().toList();
        assertEquals(WizardStep.values().length, items.size(), "the seven documented steps, the model last");
        assertTrue(items.get(0).getStyleClass().contains("step-done"));
        assertTrue(items.get(1).getStyleClass().contains("step-current"));
        assertTrue(items.get(2).getStyleClass().contains("step-upcoming"));
        assertTrue(items.get(1).getAccessibleText().contains("current"), items.get(1).getAccessibleText());
        robot.clickOn(items.get(0));
        assertEquals(WizardStep.WORKSPACE, model.current(), "a done step can be revisited from the list");
    }

    @Test
    void fieldsHaveAccessibleNamesAndMnemonicLabels(FxRobot robot) {
        TextField host = robot.lookup("#hostField").queryAs(TextField.class);
        assertTrue(host.getAccessibleText().contains("required"));
        Label label = robot.lookup("#hostLabel").queryAs(Label.class);
        assertEquals(host, label.getLabelFor());
        assertTrue(label.isMnemonicParsing());
    }
}
