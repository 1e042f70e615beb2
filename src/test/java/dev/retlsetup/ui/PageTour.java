package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.store.SecretStorage;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the real window through every page a user meets, in one language, and hands each to a visitor:
 * the first page empty and on the demo, each step, a failing and a passing test, Add before and after saving,
 * and the start page with a saved source and a draft.
 */
final class PageTour {
    /** What is done on each page (look at it at several sizes, take screenshots…). */
    interface Visitor {
        void visit(String page) throws Exception;
    }

    private final FxRobot robot;
    private final Stage stage;
    private WizardViewModel model;
    private AppServices services;

    PageTour(FxRobot robot, Stage stage) {
        this.robot = robot;
        this.stage = stage;
    }

    WizardViewModel model() {
        return model;
    }

    /** A fresh window in {@code locale} (the bundles follow the default locale, as in the app). */
    void open(Locale locale) {
        Locale.setDefault(locale);
        services = TestServices.temporary();
        robot.interact(() -> {
            model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), services);
            stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void close() {
        if (model != null) {
            model.demo().shutdown();
        }
    }

    void walk(Visitor visitor) throws Exception {
        visitor.visit("01-workspace");
        SourceForm form = model.form();
        robot.interact(() -> {
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            model.next();
            form.field(Field.CATALOG).set("main");
            form.field(Field.SCHEMAS).set("marketing, main.sales");
            form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        });
        visitor.visit("02-sql-warehouse");
        robot.interact(() -> {
            model.next();
            form.field(Field.HTTP_PATH).set("sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh");
        });
        visitor.visit("03-connection-details");
        robot.interact(() -> {
            form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
            model.next();
            form.field(Field.SECRET).set("dapi0123456789abcdef0123456789abcdef");
        });
        visitor.visit("04-credentials");
        robot.interact(() -> model.goTo(WizardStep.WORKSPACE));
        TestPageTest.openTestStepOnDemo(robot, model, "missing-use-schema");
        runTest();
        scrollTo(".check-state-failed");
        visitor.visit("05-test-failing");
        robot.interact(() -> model.goTo(WizardStep.WORKSPACE));
        visitor.visit("08-demo-workspace");
        // Leave first: starting another scenario over an active demo would not wait for the new one.
        robot.interact(() -> model.demo().leave());
        TestPageTest.openTestStepOnDemo(robot, model, "ready");
        runTest();
        visitor.visit("06-test-passing");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.addStep().keychainStatusProperty().get() != null);
        robot.interact(() -> {
            model.addStep().secretChoiceProperty().set(SecretStorage.Kind.NONE);
            model.addStep().createSchemaProperty().set(true);
        });
        visitor.visit("07-add");
        robot.interact(() -> model.forward(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo("#schemaResult");
        visitor.visit("09-add-saved");
        // A draft beside the saved source: the start page shows both.
        robot.interact(() -> {
            model.startNew();
            form.field(Field.HOST).set("dbc-9f8e7d6c-5b4a.cloud.databricks.com");
        });
        services.drafts().save(model.draft());
        robot.interact(() -> ((javafx.scene.control.Hyperlink) stage.getScene().lookup(".sidebar-link")).fire());
        waitFor(() -> stage.getScene().lookup(".source-card") != null);
        visitor.visit("10-start-page");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs the test with the page's own button (fired, not clicked: the window may be small). */
    private void runTest() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !stage.getScene().lookup("#runButton").isDisabled());
        robot.interact(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#runButton")).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST)).hasRunProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the page so that the first node matching the query is near the top of the view. */
    void scrollTo(String query) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stage.getScene().lookup(".page-scroll");
            Node target = stage.getScene().lookup(query);
            Node content = scroll.getContent();
            var inContent = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (inContent.getMinY() - 120) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Resizes the window (under Monocle the stage is the whole window: no frame). */
    void resize(double width, double height) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, stage.getScene().getWidth(), 1.0);
    }
}
