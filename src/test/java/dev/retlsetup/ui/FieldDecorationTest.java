package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The icon on a field and the message under it say the same thing: both read the form's one verdict. */
@ExtendWith(ApplicationExtension.class)
class FieldDecorationTest {
    private WizardViewModel model;

    @Start
    void start(Stage stage) {
        model = new WizardViewModel(new SourceForm(), Background.forApp(javafx.application.Platform::runLater),
                TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.show();
    }

    @Test
    void aPortInTheHostThatDisagreesWithThePortFieldIsAnErrorOnTheHostIconAndMessageAlike(FxRobot robot) {
        robot.interact(() -> model.form().field(Field.PORT).set("443"));
        robot.clickOn("#hostField").write("dbc-a1b2c3d4-e5f6.cloud.databricks.com:8443");
        WaitForAsyncUtils.waitForFxEvents();

        Optional<ValidationMessage> icon = FieldSupport.shownOn(robot.lookup("#hostField").queryAs(TextField.class));
        String message = robot.lookup("#hostMessage").queryAs(Label.class).getText();
        assertTrue(icon.isPresent(), "the host field shows the conflict");
        assertEquals(Severity.ERROR, icon.get().getSeverity());
        String finding = model.form().validation().findingsFor(Field.HOST).get(0).message();
        assertTrue(icon.get().getText().startsWith(finding), icon.get().getText());
        assertTrue(message.startsWith(finding), message);
        assertFalse(model.canGoNextProperty().get());
    }

    @Test
    void theHiveMetastoreNoteIsSaidOnceOnTheCatalogAndNotOnTheSchemas(FxRobot robot) {
        robot.clickOn("#hostField").write("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        robot.interact(model::next);
        robot.clickOn("#catalogField").write("hive_metastore");
        robot.clickOn("#schemasField").write("hive_metastore.sales");
        WaitForAsyncUtils.waitForFxEvents();

        TextField schemas = robot.lookup("#schemasField").queryAs(TextField.class);
        assertEquals(Optional.empty(), FieldSupport.shownOn(schemas), "the schemas icon says nothing the form does not");
        assertFalse(robot.lookup("#schemasMessage").queryAs(Label.class).isVisible());
        Optional<ValidationMessage> catalog = FieldSupport.shownOn(robot.lookup("#catalogField").queryAs(TextField.class));
        assertEquals(Severity.WARNING, catalog.orElseThrow().getSeverity());
    }
}
