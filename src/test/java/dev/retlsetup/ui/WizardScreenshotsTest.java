package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Regenerates screenshots/ from the real wizard: {@code mvn -Pscreenshots test}. */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class WizardScreenshotsTest {
    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        model = new WizardViewModel(new SourceForm(), javafx.application.Platform::runLater);
        stage.setScene(WizardApp.createScene(model, Messages.bundle(), stage));
        stage.show();
    }

    @Test
    void rendersEveryStep(FxRobot robot) {
        SourceForm form = model.form();
        shoot(robot, "01-workspace");
        robot.interact(() -> {
            form.hostProperty().set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            model.next();
            form.catalogProperty().set("main");
            form.schemasProperty().set("marketing, main.sales");
            form.clientIdProperty().set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        });
        shoot(robot, "02-sql-warehouse");
        robot.interact(() -> {
            model.next();
            form.httpPathProperty().set("/sql/1.0/warehouses/abcdef0123456789");
        });
        shoot(robot, "03-connection-details");
        robot.interact(() -> {
            model.next();
            form.secretProperty().set("dose0123456789abcdef0123456789abcdef");
        });
        shoot(robot, "04-credentials");
        robot.interact(model::next);
        shoot(robot, "05-test");
        robot.interact(model::next);
        shoot(robot, "06-add");
    }

    private void shoot(FxRobot robot, String name) {
        Path file = Screenshots.save(robot, stage.getScene(), name);
        assertTrue(Files.exists(file));
    }
}
