package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Regenerates screenshots/ from the real wizard: {@code mvn -Pscreenshots test}. */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class WizardScreenshotsTest {
    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stopDemo() {
        model.demo().shutdown();
    }

    @Test
    void rendersEveryStep(FxRobot robot) {
        SourceForm form = model.form();
        shoot(robot, "01-workspace");
        robot.interact(() -> {
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            model.next();
            form.field(Field.CATALOG).set("main");
            form.field(Field.SCHEMAS).set("marketing, main.sales");
        });
        shoot(robot, "02-sql-warehouse");
        // As a user meets it: the client ID comes two steps later, so the script says where it will come from.
        scrollTo(robot, ".copyable-code");
        shoot(robot, "02b-sql-warehouse-grants");
        robot.interact(() -> {
            form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
            model.next();
        });
        robot.clickOn("#httpPathField").write("sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh");
        shoot(robot, "03-connection-details");
        robot.interact(() -> {
            form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
            model.next();
        });
        robot.clickOn("#secretField .password-field").write("dapi0123456789abcdef0123456789abcdef");
        shoot(robot, "04-credentials");
    }

    @Test
    void rendersAFailingAndAPassingTestOnTheDemoWorkspace(FxRobot robot) throws TimeoutException {
        TestPageTest.openTestStepOnDemo(robot, model, "missing-use-schema");
        TestPageTest.runTest(robot, model);
        scrollTo(robot, ".check-state-failed");
        shoot(robot, "05-test-failing");
        robot.interact(() -> model.goTo(WizardStep.WORKSPACE));
        TestPageTest.openTestStepOnDemo(robot, model, "missing-create");
        TestPageTest.runTest(robot, model);
        scrollTo(robot, ".check-state-failed");
        shoot(robot, "05b-test-missing-create");
        robot.interact(() -> model.goTo(WizardStep.WORKSPACE));
        TestPageTest.openTestStepOnDemo(robot, model, "ready");
        TestPageTest.runTest(robot, model);
        shoot(robot, "06-test-passing");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.addStep().keychainStatusProperty().get() != null);
        robot.interact(() -> model.addStep().createSchemaProperty().set(true));
        shoot(robot, "07-add");
        robot.interact(() -> model.forward(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, "#schemaResult");
        shoot(robot, "09-add-saved");
        robot.clickOn(".sidebar-link");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> stage.getScene().lookup(".source-card") != null);
        shoot(robot, "10-start-page");
        robot.interact(() -> {
            model.goTo(WizardStep.WORKSPACE);
        });
        robot.clickOn("Try the demo workspace");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, "08-demo-workspace");
    }

    @Test
    void rendersTheModelStepWithAPreviewAndAFailingIdentifier(FxRobot robot) throws TimeoutException {
        ModelStepTest.openModelStepOnDemo(robot, model);
        ModelStepTest.check(robot, model, ModelStepTest.USERS, "user_id");
        scrollTo(robot, "#previewHeading");
        shoot(robot, "11-model-preview");
        ModelStepTest.check(robot, model, ModelStepTest.CONTACTS, "contact_id");
        scrollTo(robot, ".check-state-failed");
        shoot(robot, "12-model-key-failing");
    }

    /** Pick instead of paste (issue 14): the Test page's offer, both pickers, and the secret's expiry. */
    @Test
    void rendersThePickersAndTheExpiryWarning(FxRobot robot) throws Exception {
        shootPickers(robot, "");
    }

    /** The same in German, at 1024x700: the longer texts must fit too. */
    @Test
    void rendersThePickersAndTheExpiryWarningInGerman(FxRobot robot) throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            robot.interact(() -> {
                model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater),
                        TestServices.temporary());
                stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
                stage.setWidth(1024);
                stage.setHeight(700);
            });
            WaitForAsyncUtils.waitForFxEvents();
            shootPickers(robot, "de-");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private void shootPickers(FxRobot robot, String prefix) throws Exception {
        robot.interact(() -> model.demo().start("models"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get()
                && !model.demo().startingProperty().get());
        robot.interact(() -> model.form().field(Field.HTTP_PATH).set("/sql/1.0/warehouses/0000000000000000"));
        robot.interact(() -> model.advanceTo(WizardStep.TEST));
        TestPageTest.runTest(robot, model);
        scrollTo(robot, "#offerWarehouseButton");
        shoot(robot, prefix + "13-test-pick-warehouse");
        robot.clickOn("#offerWarehouseButton");
        var warehouses = ((dev.retlsetup.ui.steps.ConnectionStepViewModel) model.step(WizardStep.CONNECTION))
                .picker().list();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !warehouses.items().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((dev.retlsetup.ui.controls.WarehousePicker) stage.getScene().lookup(".warehouse-picker"))
                .table().getSelectionModel().select(0));
        scrollTo(robot, "#httpPathField");
        shoot(robot, prefix + "14-warehouse-picker");
        robot.clickOn(".warehouse-picker .picker-use");
        robot.interact(() -> model.goTo(WizardStep.WAREHOUSE));
        robot.clickOn("#pickCatalogButton");
        var picker = ((dev.retlsetup.ui.steps.WarehouseStepViewModel) model.step(WizardStep.WAREHOUSE)).picker();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !picker.schemas().items().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> ((dev.retlsetup.ui.controls.CatalogPicker) stage.getScene().lookup(".catalog-picker"))
                .schemaList().getSelectionModel().selectIndices(0, 2));
        scrollTo(robot, ".catalog-picker");
        shoot(robot, prefix + "15-catalog-picker");

        robot.interact(() -> model.goTo(WizardStep.WORKSPACE));
        TestPageTest.openTestStepOnDemo(robot, model, "secret-expiring");
        TestPageTest.runTest(robot, model);
        var expiry = ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST)).offers().expiry();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !expiry.textProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        scrollTo(robot, ".expiry-notice");
        shoot(robot, prefix + "16-test-secret-expiring");

        var sources = model.services().sources();
        var input = new dev.retlsetup.source.SourceInput("127.0.0.1", "/sql/1.0/warehouses/8f3c2a91d4e07b56", "443",
                "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "", "main", "main.marketing");
        sources.create(dev.retlsetup.store.SavedSource.of("Marketing (demo, secret expiring)", input,
                dev.retlsetup.store.SecretStorage.none()).withDemoScenario("secret-expiring"));
        sources.create(dev.retlsetup.store.SavedSource.of("Marketing (demo, ready)", input,
                dev.retlsetup.store.SecretStorage.none()).withDemoScenario("ready"));
        robot.clickOn(".sidebar-link");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getScene().lookup(".source-card .expiry-warning") != null
                && stage.getScene().lookup(".source-card .expiry-warning").isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        shoot(robot, prefix + "17-start-page-expiry");
    }

    /** The same pages at the three screen sizes the window must fit, and in German. */
    @Test
    void rendersThePagesAtEachScreenSizeAndInGerman(FxRobot robot) throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        PageTour tour = new PageTour(robot, stage);
        try {
            for (String language : new String[] {"en", "de"}) {
                tour.open(java.util.Locale.forLanguageTag(language));
                tour.walk(page -> {
                    if (language.equals("de")) {
                        tour.resize(1024, 700);
                        shoot(robot, "de-" + page);
                    } else if (page.equals("01-workspace") || page.equals("05-test-failing") || page.equals("07-add")) {
                        for (double[] size : new double[][] {{1280, 860}, {1024, 700}, {800, 600}}) {
                            tour.resize(size[0], size[1]);
                            shoot(robot, String.format(java.util.Locale.ROOT, "size-%.0fx%.0f-%s", size[0], size[1], page));
                        }
                    }
                });
                tour.close();
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /** Scrolls the page so that the first node matching the query is at the top of the view. */
    private void scrollTo(FxRobot robot, String query) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stage.getScene().lookup(".page-scroll");
            Node target = stage.getScene().lookup(query);
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(target.localToScene(target.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (inContent.getMinY() - 120) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(FxRobot robot, String name) {
        Path file = Screenshots.save(robot, stage.getScene(), name);
        assertTrue(Files.exists(file));
    }
}
