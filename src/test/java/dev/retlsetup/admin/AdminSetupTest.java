package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.demo.DemoWorkspace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Set it up from scratch" on the no-principal demo workspace: the admin's pickers, the plan with
 * placeholders, applying it with the real IDs, and the connection test as the new service principal
 * (the real driver over real HTTPS).
 */
class AdminSetupTest {
    private static final String NEW_SP = "`" + FixStep.NEW_APPLICATION_ID + "`";

    private static AdminSetup setup(DemoWorkspace ws, String token) throws Exception {
        return new AdminSetup(ws.url(), AdminDemo.trust(ws), AdminToken.of(token));
    }

    private static SetupChoices choices(AdminSetup setup, List<String> readFrom, SetupChoices.ManagedSchema managed)
            throws AdminApiException {
        return new SetupChoices("segment-reverse-etl", setup.warehouses().get(0), "main", readFrom, managed);
    }

    @Test
    void setsUpTheNoPrincipalWorkspaceFromScratchAndTheNewPrincipalPassesTheTest() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            assertTrue(setup.whoSignedIn().admin());

            List<WorkspaceApi.Warehouse> warehouses = setup.warehouses();
            assertEquals(1, warehouses.size());
            WorkspaceApi.Warehouse warehouse = warehouses.get(0);
            assertEquals(ws.warehouseId(), warehouse.id());
            assertEquals(ws.httpPath(), warehouse.httpPath());
            assertEquals("RUNNING", warehouse.state());
            assertTrue(setup.catalogs(warehouse).contains("main"), setup.catalogs(warehouse).toString());
            assertTrue(setup.schemas(warehouse, "main").contains("marketing"), setup.schemas(warehouse, "main").toString());

            SetupChoices choices = choices(setup, List.of("main.marketing"), SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
            FixPlan plan = setup.plan(choices);
            assertEquals(List.of(
                    "POST /api/2.0/preview/scim/v2/ServicePrincipals {\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:"
                            + "ServicePrincipal\"],\"displayName\":\"segment-reverse-etl\",\"active\":true,"
                            + "\"entitlements\":[{\"value\":\"databricks-sql-access\"}]}",
                    "POST /api/2.0/accounts/servicePrincipals/" + FixStep.NEW_SCIM_ID + "/credentials/secrets {}",
                    "PATCH /api/2.0/permissions/warehouses/" + ws.warehouseId() + " {\"access_control_list\":[{"
                            + "\"service_principal_name\":\"" + FixStep.NEW_APPLICATION_ID
                            + "\",\"permission_level\":\"CAN_USE\"}]}",
                    "GRANT USE CATALOG ON CATALOG main TO " + NEW_SP + ";",
                    "GRANT USE SCHEMA ON SCHEMA main.marketing TO " + NEW_SP + ";",
                    "GRANT SELECT ON SCHEMA main.marketing TO " + NEW_SP + ";",
                    "GRANT CREATE SCHEMA ON CATALOG main TO " + NEW_SP + ";"),
                    plan.steps().stream().map(FixStep::what).toList());
            assertFalse(plan.steps().get(0).hasPlaceholder());
            assertTrue(plan.steps().stream().skip(1).allMatch(FixStep::hasPlaceholder));
            assertTrue(ws.adminChanges().isEmpty(), "planning and the pickers change nothing: " + ws.adminChanges());

            List<String> started = new ArrayList<>();
            List<StepStatus> finished = new ArrayList<>();
            SetupResult result = setup.apply(plan.confirm(), choices, new FixListener() {
                @Override
                public void started(FixStep step, String what) {
                    started.add(what);
                }

                @Override
                public void finished(FixStep step, StepStatus status, String detail) {
                    finished.add(status);
                }
            });
            assertTrue(result.complete(), result.outcome().failure());
            String clientId = result.clientId();
            assertNotNull(clientId);
            assertFalse(clientId.equals(ws.clientId()), "the workspace made a new application ID");
            assertEquals(started, result.outcome().whatRan(), "the listener was shown exactly what ran");
            assertEquals(plan.steps().stream().map(s -> s.what().replace(FixStep.NEW_APPLICATION_ID, clientId)
                    .replace(FixStep.NEW_SCIM_ID, result.scimId())).toList(), started);
            assertTrue(started.stream().noneMatch(t -> t.contains("<")), started.toString());
            assertEquals(List.of(StepStatus.APPLIED, StepStatus.APPLIED, StepStatus.APPLIED, StepStatus.APPLIED,
                    StepStatus.APPLIED, StepStatus.APPLIED, StepStatus.APPLIED), finished);
            assertEquals(List.of("POST /api/2.0/preview/scim/v2/ServicePrincipals",
                    "POST /api/2.0/accounts/servicePrincipals/" + result.scimId() + "/credentials/secrets",
                    "PATCH /api/2.0/permissions/warehouses/" + ws.warehouseId()), ws.adminChanges(),
                    "only the API calls the plan showed ran");

            String secret = result.secret();
            assertNotNull(secret);
            assertNotNull(result.secretExpires());
            assertFalse(result.toString().contains(secret), result.toString());
            assertFalse(result.source().toString().contains(secret), "the form's input prints masked");
            assertEquals(clientId, result.source().clientId());
            assertEquals("main.marketing", result.source().schemas());

            ConnectionTestReport report = setup.test(result, ConnectionTestListener.NONE);
            assertTrue(report.complete(), "the new service principal passes every check: " + report.checks());
            assertEquals(clientId, report.principal());
        }
    }

    @Test
    void preCreatesTheManagedSchemaInsteadOfGrantingCreateSchemaAndReadsAWholeCatalogOrOneTable() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            SetupChoices choices = choices(setup, List.of("main.marketing.users", "main.marketing"),
                    SetupChoices.ManagedSchema.PRECREATE);
            FixPlan plan = setup.plan(choices);
            assertEquals(List.of(
                    "GRANT USE CATALOG ON CATALOG main TO " + NEW_SP + ";",
                    "GRANT USE SCHEMA ON SCHEMA main.marketing TO " + NEW_SP + ";",
                    "GRANT SELECT ON TABLE main.marketing.users TO " + NEW_SP + ";",
                    "GRANT SELECT ON SCHEMA main.marketing TO " + NEW_SP + ";",
                    "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;",
                    "GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO " + NEW_SP + ";"),
                    plan.steps().stream().skip(3).map(FixStep::what).toList(), "each statement once, in order");
            SetupResult result = setup.apply(plan.confirm(), choices, FixListener.NONE);
            assertTrue(result.complete(), result.outcome().failure());
            ConnectionTestReport report = setup.test(result, ConnectionTestListener.NONE);
            assertTrue(report.complete(), report.checks().toString());

            FixPlan wholeCatalog = setup.plan(choices(setup, List.of("main"), SetupChoices.ManagedSchema.CREATE_ON_CATALOG));
            assertEquals(List.of(
                    "GRANT USE CATALOG ON CATALOG main TO " + NEW_SP + ";",
                    "GRANT USE SCHEMA ON CATALOG main TO " + NEW_SP + ";",
                    "GRANT SELECT ON CATALOG main TO " + NEW_SP + ";",
                    "GRANT CREATE SCHEMA ON CATALOG main TO " + NEW_SP + ";"),
                    wholeCatalog.steps().stream().skip(3).map(FixStep::what).toList());
        }
    }

    @Test
    void aStepFailingMidwayStopsTheSetUpAndSaysWhatWasAppliedSoFar() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            SetupChoices choices = choices(setup, List.of("main.no_such_schema", "main.marketing"),
                    SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
            FixPlan plan = setup.plan(choices);
            SetupResult result = setup.apply(plan.confirm(), choices, FixListener.NONE);
            assertFalse(result.complete());
            List<StepStatus> statuses = result.outcome().statuses();
            assertEquals(List.of(StepStatus.APPLIED, StepStatus.APPLIED, StepStatus.APPLIED, StepStatus.APPLIED,
                    StepStatus.FAILED), statuses.subList(0, 5));
            assertTrue(statuses.subList(5, statuses.size()).stream().allMatch(s -> s == StepStatus.SKIPPED), statuses.toString());
            String failure = result.outcome().failure();
            assertTrue(failure.startsWith("Step 5 failed (GRANT USE SCHEMA ON SCHEMA main.no_such_schema TO `"
                    + result.clientId() + "`;)"), failure);
            assertTrue(failure.contains("SCHEMA_NOT_FOUND"), failure);
            assertEquals(4, result.outcome().appliedText().size());
            assertTrue(result.outcome().appliedText().get(0).startsWith("POST /api/2.0/preview/scim/v2/ServicePrincipals"));
            assertNotNull(result.clientId(), "the principal was made before the failure and is named");
            assertNull(result.source(), "an incomplete set-up does not fill the form");
            assertThrows(IllegalStateException.class, () -> setup.test(result, ConnectionTestListener.NONE));
        }
    }

    @Test
    void refusesToSetUpForSomeoneWhoIsNotAnAdmin() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("ready")) {
            AdminSetup setup = setup(ws, AdminFixTest.principalToken(ws));
            assertFalse(setup.whoSignedIn().admin());
            SetupChoices choices = choices(setup, List.of("main.marketing"), SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
            AdminApiException e = assertThrows(AdminApiException.class,
                    () -> setup.apply(setup.plan(choices).confirm(), choices, FixListener.NONE));
            assertTrue(e.getMessage().contains("is not a workspace admin"), e.getMessage());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    @Test
    void aCancelledSetUpSkipsWhatHadNotStarted() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            SetupChoices choices = choices(setup, List.of("main.marketing"), SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
            SetupResult result = setup.apply(setup.plan(choices).confirm(), choices, new FixListener() {
                @Override
                public void finished(FixStep step, StepStatus status, String detail) {
                    if (status == StepStatus.APPLIED) {
                        setup.cancel();
                    }
                }
            });
            assertEquals(StepStatus.APPLIED, result.outcome().statuses().get(0));
            assertTrue(result.outcome().statuses().stream().skip(1).allMatch(s -> s == StepStatus.SKIPPED));
            assertTrue(result.outcome().failure().contains("Cancelled"), result.outcome().failure());
            assertEquals(List.of("POST /api/2.0/preview/scim/v2/ServicePrincipals"), ws.adminChanges());
        }
    }

    @Test
    void unusableChoicesAreRefusedWithAMessageBeforeAnythingRuns() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            WorkspaceApi.Warehouse warehouse = setup.warehouses().get(0);
            assertEquals("Give the new service principal a name.", assertThrows(IllegalArgumentException.class,
                    () -> setup.plan(new SetupChoices(" ", warehouse, "main", List.of("main.marketing"), null))).getMessage());
            assertEquals("Pick the warehouse the service principal may use.", assertThrows(IllegalArgumentException.class,
                    () -> setup.plan(new SetupChoices("sp", null, "main", List.of("main.marketing"), null))).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> setup.plan(new SetupChoices("sp", warehouse, "main", List.of(), null))).getMessage()
                    .startsWith("Pick at least one"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> setup.plan(new SetupChoices("sp", warehouse, "main", List.of("a.b.c.d"), null))).getMessage()
                    .contains("“a.b.c.d” is not"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> new AdminSetup("http://" + ws.host(), AdminDemo.trust(ws), AdminToken.of("x"))).getMessage()
                    .contains("https://host[:port]"));
            SetupChoices shown = new SetupChoices("sp", warehouse, "main", List.of("main.marketing"), null);
            SetupChoices other = new SetupChoices("sp", warehouse, "main", List.of("main"), null);
            assertThrows(IllegalArgumentException.class,
                    () -> setup.apply(setup.plan(shown).confirm(), other, FixListener.NONE),
                    "only the plan shown for these choices runs");
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    @Test
    void thePickersSayWhatTheWarehouseAnsweredWhenACatalogDoesNotExist() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            AdminSetup setup = setup(ws, ws.adminToken());
            AdminApiException e = assertThrows(AdminApiException.class,
                    () -> setup.schemas(setup.warehouses().get(0), "no_such_catalog"));
            assertTrue(e.getMessage().contains("no_such_catalog"), e.getMessage());
            assertFalse(e.getMessage().contains(ws.adminToken()));
        }
    }
}
