package dev.retlsetup.ui.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.testing.TestBrowser;
import dev.retlsetup.ui.AdminSession;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import org.junit.jupiter.api.Test;

/** The pickers' view models on the demo, without a toolkit: as the principal, then as the signed-in admin. */
class PickerViewModelsTest {
    private static final String NO_SUCH_PATH = "/sql/1.0/warehouses/0000000000000000";

    private static SourceForm formFor(DemoWorkspace ws) {
        SourceForm form = new SourceForm();
        form.fill(new SourceInput(ws.host(), NO_SUCH_PATH, String.valueOf(ws.port()), ws.clientId(), ws.clientSecret(),
                "main", "main.marketing"));
        form.trustStorePathProperty().set(ws.trustStorePath().toString());
        form.trustStorePasswordProperty().set(ws.trustStorePassword());
        return form;
    }

    @Test
    void principalWithoutCanUseSeesNoWarehouseAndTheSignedInAdminSeesItAndPicksIt() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-warehouse-access"), 0)) {
            SourceForm form = formFor(ws);
            var ssl = form.trust().sslContext();
            AdminSession admin = new AdminSession(Background.sameThread(), uri -> TestBrowser.allowing(ssl).open(uri));
            ListAccess access = new ListAccess(form, admin);
            WarehousePickerViewModel picker = new WarehousePickerViewModel(form, access, Background.sameThread());
            assertTrue(picker.availableProperty().get(), "the principal's credentials are known");
            assertFalse(access.adminSignedIn());

            picker.load();
            assertTrue(picker.list().items().isEmpty());
            String status = picker.list().statusProperty().get();
            assertTrue(status.contains("only warehouses the caller may use") && status.contains("admin"), status);

            admin.signIn(dev.retlsetup.admin.AdminFix.workspaceUrl(form.settings()), () -> ssl, who -> { }, e -> fail(e.getMessage()));
            assertTrue(access.adminSignedIn(), "signed in to this form's workspace");
            picker.load();
            assertEquals(1, picker.list().items().size(), picker.list().statusProperty().get());
            assertTrue(picker.list().statusProperty().get().contains("as the admin Demo Admin"),
                    picker.list().statusProperty().get());
            picker.choose(picker.list().items().get(0));
            assertEquals(ws.httpPath(), form.field(Field.HTTP_PATH).get());
            assertFalse(picker.openProperty().get());
            assertTrue(form.fillNoticeProperty().get().contains(ws.httpPath()), form.fillNoticeProperty().get());
        }
    }

    @Test
    void anotherWorkspaceClosesThePickerAndTheAdminOfTheOldOneNoLongerReads() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            SourceForm form = formFor(ws);
            var ssl = form.trust().sslContext();
            AdminSession admin = new AdminSession(Background.sameThread(), uri -> TestBrowser.allowing(ssl).open(uri));
            ListAccess access = new ListAccess(form, admin);
            WarehousePickerViewModel picker = new WarehousePickerViewModel(form, access, Background.sameThread());
            admin.signIn(dev.retlsetup.admin.AdminFix.workspaceUrl(form.settings()), () -> ssl, who -> { }, e -> fail(e.getMessage()));
            picker.load();
            assertTrue(picker.openProperty().get());
            form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
            assertFalse(picker.openProperty().get(), "another workspace's list does not stay");
            assertTrue(picker.list().items().isEmpty());
            assertFalse(access.adminSignedIn(), "the admin signed in to the demo, not to this workspace");
            form.field(Field.SECRET).set("");
            assertFalse(picker.availableProperty().get(), "no token can read this workspace's lists");
        }
    }

    @Test
    void catalogPickerFillsTheCatalogAndQualifiedSchemas() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("models"), 0)) {
            SourceForm form = formFor(ws);
            form.field(Field.HTTP_PATH).set(ws.httpPath());
            form.field(Field.CATALOG).set("");
            form.field(Field.SCHEMAS).set("");
            AdminSession admin = new AdminSession(Background.sameThread(), uri -> {
                throw new java.io.IOException("no browser here");
            });
            CatalogPickerViewModel picker = new CatalogPickerViewModel(form, new ListAccess(form, admin),
                    Background.sameThread());
            picker.load();
            assertEquals(java.util.List.of("main"), picker.catalogs().items());
            picker.chooseCatalog("main");
            assertEquals("main", form.field(Field.CATALOG).get());
            assertTrue(picker.schemas().items().containsAll(java.util.List.of("sales", "crm")),
                    picker.schemas().items().toString());
            picker.chooseSchemas(java.util.List.of("sales", "crm"));
            assertEquals("main.sales, main.crm", form.field(Field.SCHEMAS).get());
            assertTrue(form.validation().valid(Field.SCHEMAS));
            assertEquals("Schemas filled in: main.sales, main.crm", picker.noteProperty().get());
        }
    }
}
