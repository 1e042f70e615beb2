package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.admin.WorkspaceApi;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.ui.controls.CatalogPicker;
import dev.retlsetup.ui.controls.WarehousePicker;
import dev.retlsetup.ui.steps.ConnectionStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.WarehouseStepViewModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Pick instead of paste, against the demo workspace: real HTTPS for the warehouses, the real driver for SHOW. */
@ExtendWith(ApplicationExtension.class)
class PickersTest {
    private static final String NO_SUCH_PATH = "/sql/1.0/warehouses/0000000000000000";

    private WizardViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.setHeight(900);
        stage.show();
    }

    @AfterEach
    void stopDemo() {
        model.demo().shutdown();
    }

    private void startDemo(FxRobot robot, String scenario) throws TimeoutException {
        robot.interact(() -> model.demo().start(scenario));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get()
                && !model.demo().startingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void goTo(FxRobot robot, WizardStep step) {
        robot.interact(() -> {
            while (model.current().compareTo(step) < 0 && model.next()) {
                // the demo filled every field
            }
            while (model.current().compareTo(step) > 0 && model.back()) {
                // back to the page
            }
        });
        assertEquals(step, model.current());
    }

    private static void waitUntilLoaded(dev.retlsetup.ui.steps.PickerList<?> list) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !list.loadingProperty().get()
                && (!list.items().isEmpty() || list.failedProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ConnectionStepViewModel connection() {
        return (ConnectionStepViewModel) model.step(WizardStep.CONNECTION);
    }

    @Test
    void warehousePickerShowsTheListAndFillsTheHttpPath(FxRobot robot) throws TimeoutException {
        startDemo(robot, "ready");
        String demoPath = model.form().field(Field.HTTP_PATH).get();
        goTo(robot, WizardStep.CONNECTION);
        robot.interact(() -> model.form().field(Field.HTTP_PATH).set(NO_SUCH_PATH));
        assertTrue(robot.lookup("#pickWarehouseRow").query().isVisible(),
                "the principal's credentials are known: the list is offered");
        robot.clickOn("#pickWarehouseButton");
        waitUntilLoaded(connection().picker().list());
        WarehousePicker picker = robot.lookup(".warehouse-picker").queryAs(WarehousePicker.class);
        TableView<WorkspaceApi.Warehouse> table = picker.table();
        assertEquals(1, table.getItems().size());
        WorkspaceApi.Warehouse shown = table.getItems().get(0);
        assertEquals(demoPath, shown.httpPath());
        assertEquals("RUNNING", shown.state());
        assertEquals(5, table.getColumns().size(), "name, state, size, serverless, HTTP path");
        String status = robot.from(picker).lookup(".picker-status").queryAs(Label.class).getText();
        assertTrue(status.contains("as the service principal " + model.form().field(Field.CLIENT_ID).get()), status);
        assertFalse(status.contains(model.form().field(Field.SECRET).get()), "never the secret");
        robot.clickOn(robot.from(picker).lookup(".picker-use").queryButton());
        assertEquals(demoPath, model.form().field(Field.HTTP_PATH).get());
        assertTrue(model.form().validation().valid(Field.HTTP_PATH), "the form validates the chosen path as if typed");
        assertFalse(picker.isVisible(), "choosing closes the list");
    }

    @Test
    void warehouseNotFoundOnTheTestPageOffersThePickerThatLeadsToTheList(FxRobot robot) throws TimeoutException {
        startDemo(robot, "ready");
        String demoPath = model.form().field(Field.HTTP_PATH).get();
        robot.interact(() -> model.form().field(Field.HTTP_PATH).set(NO_SUCH_PATH));
        goTo(robot, WizardStep.TEST);
        TestPageTest.runTest(robot, model);
        var warehouseRow = ((TestStepViewModel) model.step(WizardStep.TEST)).rows().stream()
                .filter(r -> r.id().equals("warehouse")).findFirst().orElseThrow();
        assertEquals(dev.retlsetup.diagnose.Category.WAREHOUSE_NOT_FOUND, warehouseRow.result().category());
        Button pick = robot.lookup("#offerWarehouseButton").queryButton();
        assertTrue(pick.isVisible(), "WAREHOUSE_NOT_FOUND offers the warehouse list");
        assertFalse(robot.lookup("#offerCatalogButton").queryButton().isVisible());
        robot.clickOn(pick);
        assertEquals(WizardStep.CONNECTION, model.current(), "the page that holds the HTTP path");
        waitUntilLoaded(connection().picker().list());
        WarehousePicker picker = robot.lookup(".warehouse-picker").queryAs(WarehousePicker.class);
        assertTrue(picker.isVisible(), "with the list open");
        assertEquals(NO_SUCH_PATH, model.form().field(Field.HTTP_PATH).get(), "nothing changes before a choice");
        robot.clickOn(robot.from(picker).lookup(".picker-use").queryButton());
        assertEquals(demoPath, model.form().field(Field.HTTP_PATH).get());
        goTo(robot, WizardStep.TEST);
        TestPageTest.runTest(robot, model);
        assertTrue(((TestStepViewModel) model.step(WizardStep.TEST)).lastReportProperty().get().complete(),
                "the picked warehouse passes the test");
    }

    @Test
    void missingCatalogOnTheTestPageOffersTheCatalogPicker(FxRobot robot) throws TimeoutException {
        startDemo(robot, "ready");
        robot.interact(() -> {
            model.form().field(Field.CATALOG).set("no_such_catalog");
            model.form().field(Field.SCHEMAS).set("no_such_catalog.marketing");
        });
        goTo(robot, WizardStep.TEST);
        TestPageTest.runTest(robot, model);
        Button pick = robot.lookup("#offerCatalogButton").queryButton();
        assertTrue(pick.isVisible(), "a missing catalog offers the catalog list");
        robot.clickOn(pick);
        assertEquals(WizardStep.WAREHOUSE, model.current());
        waitUntilLoaded(((WarehouseStepViewModel) model.step(WizardStep.WAREHOUSE)).picker().catalogs());
        CatalogPicker picker = robot.lookup(".catalog-picker").queryAs(CatalogPicker.class);
        assertTrue(picker.catalogList().getItems().contains("main"), picker.catalogList().getItems().toString());
    }

    @Test
    void catalogAndSchemaPickersFillBothFields(FxRobot robot) throws TimeoutException {
        startDemo(robot, "ready");
        robot.interact(() -> {
            model.form().field(Field.CATALOG).set("");
            model.form().field(Field.SCHEMAS).set("");
        });
        goTo(robot, WizardStep.WAREHOUSE);
        robot.clickOn("#pickCatalogButton");
        var vm = ((WarehouseStepViewModel) model.step(WizardStep.WAREHOUSE)).picker();
        waitUntilLoaded(vm.catalogs());
        CatalogPicker picker = robot.lookup(".catalog-picker").queryAs(CatalogPicker.class);
        robot.interact(() -> picker.catalogList().getSelectionModel().select("main"));
        assertEquals("main", model.form().field(Field.CATALOG).get(), "choosing a catalog fills the catalog field");
        waitUntilLoaded(vm.schemas());
        assertTrue(picker.schemaList().getItems().contains("marketing"), picker.schemaList().getItems().toString());
        robot.interact(() -> {
            picker.schemaList().getSelectionModel().clearSelection();
            picker.schemaList().getSelectionModel().select("marketing");
        });
        robot.clickOn(robot.from(picker).lookup(".picker-use").queryButton());
        assertEquals("main.marketing", model.form().field(Field.SCHEMAS).get());
        assertTrue(model.form().validation().valid(Field.SCHEMAS));
        assertFalse(picker.isVisible(), "choosing closes the lists");
    }

    @Test
    void schemaPickerTakesSeveralSchemasAtOnce(FxRobot robot) throws TimeoutException {
        startDemo(robot, "models");
        goTo(robot, WizardStep.WAREHOUSE);
        robot.clickOn("#pickCatalogButton");
        var vm = ((WarehouseStepViewModel) model.step(WizardStep.WAREHOUSE)).picker();
        waitUntilLoaded(vm.catalogs());
        waitUntilLoaded(vm.schemas());
        CatalogPicker picker = robot.lookup(".catalog-picker").queryAs(CatalogPicker.class);
        assertEquals("main", picker.catalogList().getSelectionModel().getSelectedItem(),
                "the catalog already typed is marked, and its schemas listed");
        var names = java.util.List.copyOf(picker.schemaList().getItems());
        assertTrue(names.size() >= 2, names.toString());
        robot.interact(() -> picker.schemaList().getSelectionModel().selectIndices(0, 1));
        robot.clickOn(robot.from(picker).lookup(".picker-use").queryButton());
        assertEquals("main." + names.get(0) + ", main." + names.get(1), model.form().field(Field.SCHEMAS).get());
    }

    @Test
    void aListThatCannotBeReadSaysWhyAndKeepsWhatWasTyped(FxRobot robot) throws TimeoutException {
        startDemo(robot, "ready");
        robot.interact(() -> model.form().field(Field.SECRET).set("dose-not-the-secret-0123456789"));
        goTo(robot, WizardStep.CONNECTION);
        robot.interact(() -> model.form().field(Field.HTTP_PATH).set(NO_SUCH_PATH));
        robot.clickOn("#pickWarehouseButton");
        var list = connection().picker().list();
        waitUntilLoaded(list);
        assertTrue(list.failedProperty().get());
        assertTrue(list.items().isEmpty());
        Label status = robot.lookup(".warehouse-picker .picker-status").queryAs(Label.class);
        assertTrue(status.getText().contains("could not sign in"), status.getText());
        assertFalse(status.getText().contains("dose-not-the-secret-0123456789"), "never the secret");
        assertEquals(NO_SUCH_PATH, model.form().field(Field.HTTP_PATH).get(), "what the user typed stays");
        assertTrue(robot.lookup(".warehouse-picker .picker-reload").queryButton().isVisible(), "and can be tried again");
    }

    @Test
    void noPickerIsOfferedBeforeAnyTokenCanReadTheLists(FxRobot robot) {
        robot.interact(() -> {
            model.form().field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            model.next();
            model.form().field(Field.SCHEMAS).set("main.marketing");
            model.next();
        });
        assertEquals(WizardStep.CONNECTION, model.current());
        assertFalse(robot.lookup("#pickWarehouseRow").query().isVisible(),
                "no admin signed in, no credentials yet: nothing can read the list");
    }

    private dev.retlsetup.ui.steps.SecretExpiryNotice testedExpiry(FxRobot robot, String scenario)
            throws TimeoutException {
        startDemo(robot, scenario);
        goTo(robot, WizardStep.TEST);
        TestPageTest.runTest(robot, model);
        var expiry = ((TestStepViewModel) model.step(WizardStep.TEST)).offers().expiry();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !expiry.textProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return expiry;
    }

    @Test
    void expiryWarningShowsAfterTheTestForTheExpiringSecret(FxRobot robot) throws TimeoutException {
        var expiry = testedExpiry(robot, "secret-expiring");
        assertTrue(expiry.warnProperty().get());
        Label warning = robot.lookup(".expiry-warning").queryAs(Label.class);
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().matches(".*expires in (9|10) days.*"), warning.getText());
        assertFalse(warning.getText().contains(model.form().field(Field.SECRET).get()));
    }

    @Test
    void noExpiryWarningForReady(FxRobot robot) throws TimeoutException {
        var expiry = testedExpiry(robot, "ready");
        assertFalse(expiry.warnProperty().get(), expiry.textProperty().get());
        assertTrue(robot.lookup(".expiry-warning").tryQuery().isEmpty(), "ready: no warning");
        String line = robot.lookup(".expiry-info").queryAs(Label.class).getText();
        assertTrue(line.startsWith("No expiry is known"), "the demo's ready secret never expires, and the page says so: "
                + line);
    }
}
