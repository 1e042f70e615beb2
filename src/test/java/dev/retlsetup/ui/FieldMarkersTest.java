package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An empty form does not open covered in red: a field's marker appears after its first edit or once left. */
@ExtendWith(ApplicationExtension.class)
class FieldMarkersTest {
    private WizardViewModel model;

    @Start
    void start(Stage stage) {
        model = new WizardViewModel(new SourceForm(), Background.forApp(javafx.application.Platform::runLater),
                TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.show();
    }

    private static Optional<ValidationMessage> marker(FxRobot robot, String query) {
        return FieldSupport.shownOn(robot.lookup(query).queryAs(TextField.class));
    }

    @Test
    void anEmptyRequiredFieldShowsNoMarkerBeforeAnythingWasTyped(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.form().validation().findingsFor(Field.HOST).isEmpty(), "the empty host is a finding");
        assertEquals(Optional.empty(), marker(robot, "#hostField"));
        assertFalse(robot.lookup("#hostMessage").queryAs(Label.class).isVisible());
    }

    @Test
    void theMarkerAppearsOnceTheFieldIsLeftEmpty(FxRobot robot) {
        robot.clickOn("#hostField");
        assertEquals(Optional.empty(), marker(robot, "#hostField"), "still nothing while the field has the focus");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#hostField").queryAs(TextField.class).isFocused());
        assertEquals(Severity.ERROR, marker(robot, "#hostField").orElseThrow().getSeverity());
    }

    @Test
    void theMarkerAppearsAfterTheFirstEditEvenWhenTheFieldIsEmptiedAgain(FxRobot robot) {
        robot.clickOn("#hostField").write("d");
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#hostField").queryAs(TextField.class).isFocused());
        assertEquals("", model.form().field(Field.HOST).get());
        assertEquals(Severity.ERROR, marker(robot, "#hostField").orElseThrow().getSeverity());
    }

    @Test
    void theFieldsOfTheNextPageStartWithoutMarkersToo(FxRobot robot) {
        robot.clickOn("#hostField").write("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardStep.WAREHOUSE, model.current());
        assertFalse(model.form().validation().findingsFor(Field.SCHEMAS).isEmpty(), "the schemas are missing");
        assertEquals(Optional.empty(), marker(robot, "#schemasField"));
        assertFalse(robot.lookup("#schemasMessage").queryAs(Label.class).isVisible());
        robot.clickOn("#schemasField").write("a");
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Severity.ERROR, marker(robot, "#schemasField").orElseThrow().getSeverity(),
                "emptied after an edit, the missing schemas are now said");
    }
}
