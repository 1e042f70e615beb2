package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.ui.SourceForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step view models, without a toolkit. */
class StepViewModelsTest {
    private final SourceForm form = new SourceForm();

    @Test
    void grantScriptFillsInTypedNamesAndQualifiesSchemas() {
        WarehouseStepViewModel vm = new WarehouseStepViewModel(form);
        form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.field(Field.CATALOG).set("main");
        form.field(Field.SCHEMAS).set("marketing, sales.orders");
        String sql = vm.grantScriptProperty().get();
        assertTrue(sql.contains("GRANT USE CATALOG ON CATALOG main TO `1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`;"), sql);
        assertTrue(sql.contains("GRANT USE CATALOG ON CATALOG sales TO `1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`;"), sql);
        assertTrue(sql.contains("GRANT USE SCHEMA ON SCHEMA main.marketing TO `1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`;"), sql);
        assertTrue(sql.contains("GRANT SELECT ON SCHEMA sales.orders TO `1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`;"), sql);
        assertTrue(sql.contains("GRANT CREATE SCHEMA ON CATALOG main TO"), sql);
        assertTrue(sql.contains("main.__segment_reverse_etl"), sql);
    }

    @Test
    void grantScriptUsesPlaceholdersUntilNamesAreKnown() {
        String sql = new WarehouseStepViewModel(form).grantScriptProperty().get();
        assertTrue(sql.contains("`<service-principal-application-id>`"), sql);
        assertTrue(sql.contains("Can use"), "the warehouse permission is explained: " + sql);
    }

    @Test
    void grantScriptSaysWhereTheClientIdComesFromAndFillsItInOnceKnown() {
        WarehouseStepViewModel vm = new WarehouseStepViewModel(form);
        form.field(Field.SCHEMAS).set("marketing");
        assertTrue(vm.principalNoteProperty().get().contains("Credentials step"), vm.principalNoteProperty().get());
        assertTrue(vm.grantScriptProperty().get().contains("-- Replace <service-principal-application-id> with"),
                vm.grantScriptProperty().get());
        form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        String sql = vm.grantScriptProperty().get();
        assertFalse(sql.contains("<service-principal-application-id>"), sql);
        assertTrue(sql.contains("GRANT USE SCHEMA ON SCHEMA <default-catalog>.marketing TO `1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`;"), sql);
        assertTrue(vm.principalNoteProperty().get().contains("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"),
                vm.principalNoteProperty().get());
    }

    @Test
    void secretIsHiddenByDefault() {
        CredentialsStepViewModel vm = new CredentialsStepViewModel(form);
        assertFalse(vm.secretRevealedProperty().get());
    }

    @Test
    void addSummaryFollowsSegmentsFieldOrderAndMarksTheSecret() {
        AddStepViewModel vm = new AddStepViewModel(form, dev.retlsetup.ui.TestServices.temporary(),
                new javafx.beans.property.SimpleObjectProperty<>(), new javafx.beans.property.SimpleStringProperty(""),
                dev.retlsetup.ui.Background.sameThread());
        assertEquals("add.field.host", vm.summary().get(0).labelKey());
        assertEquals("add.field.port", vm.summary().get(1).labelKey());
        assertEquals("add.field.httpPath", vm.summary().get(2).labelKey());
        assertEquals("add.field.clientId", vm.summary().get(3).labelKey());
        assertTrue(vm.summary().get(4).secret());
        assertEquals("add.field.catalog", vm.summary().get(5).labelKey());
    }

    @Test
    void testStepPlansOneReadCheckPerSchemaAndBlocksUntilARunPasses() {
        TestStepViewModel vm = new TestStepViewModel(form, dev.retlsetup.ui.Background.sameThread(), dev.retlsetup.check.ConnectionTester::new);
        form.field(Field.SCHEMAS).set("main.marketing, main.sales");
        assertEquals(List.of("validation", "dns", "tcp", "tls", "oauth", "warehouse", "session", "identity", "catalog",
                "schema:main.marketing", "schema:main.sales", "managed-schema"),
                vm.rows().stream().map(CheckRow::id).toList());
        assertTrue(vm.rows().stream().allMatch(r -> r.state() == CheckRow.State.PENDING), "nothing is shown as run");
        assertFalse(vm.complete().get());
    }

    @Test
    void invalidSettingsFailTheFirstCheckAndSkipTheNetwork() {
        TestStepViewModel vm = new TestStepViewModel(form, dev.retlsetup.ui.Background.sameThread(), dev.retlsetup.check.ConnectionTester::new);
        form.field(Field.HOST).set("accounts.cloud.databricks.com");
        form.field(Field.SCHEMAS).set("main.marketing");
        vm.runAll();
        assertEquals(CheckRow.State.FAILED, vm.rows().get(0).state());
        assertEquals(CheckRow.State.SKIPPED, vm.rows().get(1).state(), "DNS needs a valid hostname");
        assertTrue(vm.rows().get(1).summaryProperty().get().contains("hostname"), vm.rows().get(1).summaryProperty().get());
        assertFalse(vm.complete().get());
        assertTrue(vm.anyFailedProperty().get());
    }
}
