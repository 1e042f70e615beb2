package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in demo scenario whose connection test fails: the admin's plan (exactly these steps),
 * applied, and the re-test as the service principal passing; or, where no admin step fixes it, the
 * plan saying what to do instead. A new scenario must be added to one of the tables below.
 */
public class EveryFailingScenarioTest {
    private static final String CLIENT_ID = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";
    private static final String SP = "`" + CLIENT_ID + "`";
    private static final String WAREHOUSE = "8f3c2a91d4e07b56";

    /** Failing scenarios an admin fixes, with the exact plan. */
    public static final Map<String, List<String>> FIXED_BY = Map.of(
            "missing-use-schema", List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + SP + ";"),
            "missing-select", List.of("GRANT SELECT ON SCHEMA main.marketing TO " + SP + ";"),
            "missing-create", List.of("GRANT CREATE SCHEMA ON CATALOG main TO " + SP + ";"),
            "hive-legacy", List.of("GRANT CREATE ON CATALOG hive_metastore TO " + SP + ";"),
            "no-warehouse-access", List.of("PATCH /api/2.0/permissions/warehouses/" + WAREHOUSE
                    + " {\"access_control_list\":[{\"service_principal_name\":\"" + CLIENT_ID
                    + "\",\"permission_level\":\"CAN_USE\"}]}"),
            "missing-sql-entitlement", List.of("PATCH /api/2.0/preview/scim/v2/ServicePrincipals/7044283102918342 "
                    + "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\","
                    + "\"path\":\"entitlements\",\"value\":[{\"value\":\"databricks-sql-access\"}]}]}"),
            "stopped-warehouse", List.of("POST /api/2.0/sql/warehouses/" + WAREHOUSE + "/start {}"));

    /** Failing scenarios no admin step here fixes, with what the plan says to do instead. */
    public static final Map<String, String> SAID_INSTEAD = Map.of(
            "expired-secret", "Every OAuth secret of " + CLIENT_ID + " has expired: generate a new secret for it",
            "ip-blocked", "adds this machine’s address to the workspace’s IP access list",
            "no-principal", "No service principal with the client ID " + CLIENT_ID
                    + " exists in this workspace: set it up from scratch.");

    /** Scenarios whose test passes; "slow" and "large" are left out of the run below (their own tests time them). */
    static final Set<String> PASSING = Set.of("ready", "managed-schema-precreated", "models", "secret-expiring",
            "slow", "large");

    static Stream<String> fixable() {
        return FIXED_BY.keySet().stream().sorted();
    }

    static Stream<String> notFixable() {
        return SAID_INSTEAD.keySet().stream().sorted();
    }

    /** The scenario's demo workspace (a stopped warehouse that starts in half a second). */
    public static DemoWorkspace start(String name) {
        Scenario scenario = Scenario.builtIn(name);
        // The warehouse starts in half a second instead of 15: the plan's start is what is tested, not the wait.
        return AdminDemo.start(name.equals("stopped-warehouse") ? scenario.withStartingDelay(Duration.ofMillis(500))
                : scenario);
    }

    /** The catalog the scenario's test uses. */
    public static String catalog(String name) {
        return name.equals("hive-legacy") ? "hive_metastore" : "main";
    }

    static ConnectionTestRequest request(DemoWorkspace ws, String name) {
        String catalog = catalog(name);
        return AdminDemo.request(ws, catalog, catalog + ".marketing");
    }

    @Test
    void everyBuiltInScenarioIsClassified() {
        Set<String> classified = new HashSet<>(FIXED_BY.keySet());
        classified.addAll(SAID_INSTEAD.keySet());
        classified.addAll(PASSING);
        assertEquals(Set.copyOf(Scenario.builtInNames()), classified);
        assertEquals(FIXED_BY.size() + SAID_INSTEAD.size() + PASSING.size(), classified.size(), "each in one table only");
    }

    @Test
    void theScenariosClassifiedAsPassingPass() {
        for (String name : PASSING) {
            if (name.equals("slow") || name.equals("large")) {
                continue;
            }
            try (DemoWorkspace ws = start(name)) {
                assertTrue(AdminDemo.test(request(ws, name)).ok(), name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixable")
    void theAdminsPlanTakesTheScenarioFromFailedToPassing(String name) throws Exception {
        try (DemoWorkspace ws = start(name)) {
            ConnectionTestRequest request = request(ws, name);
            ConnectionTestReport failed = AdminDemo.test(request);
            assertFalse(failed.ok(), name + " fails before the fix");
            AdminFix fix = AdminDemo.fix(request, ws);
            FixPlan plan = fix.plan(failed, false);
            assertEquals(FIXED_BY.get(name), plan.steps().stream().map(FixStep::what).toList());
            assertTrue(plan.notFixable().isEmpty(), plan.notFixable().toString());
            assertTrue(ws.adminChanges().isEmpty(), "planning changes nothing");

            FixOutcome outcome = fix.apply(plan.confirm(), FixListener.NONE);
            assertTrue(outcome.complete(), outcome.failure());
            ConnectionTestReport retest = fix.retest(plan, ConnectionTestListener.NONE);
            assertTrue(retest.ok(), "re-test as the service principal: " + retest.failed());
            assertTrue(retest.checks().stream().map(c -> c.id()).toList().containsAll(plan.retestChecks()),
                    "the failed checks ran again");
            assertTrue(AdminDemo.test(request.withStartWarehouse(false)).complete(), "a full test passes afterwards");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFixable")
    void thePlanSaysWhatToDoInsteadWhereNoAdminStepFixesIt(String name) throws Exception {
        try (DemoWorkspace ws = start(name)) {
            ConnectionTestRequest request = request(ws, name);
            ConnectionTestReport failed = AdminDemo.test(request);
            assertFalse(failed.ok());
            FixPlan plan = AdminDemo.fix(request, ws).plan(failed, false);
            assertTrue(plan.nothingToApply(), plan.steps().toString());
            assertEquals(1, plan.notFixable().size(), plan.notFixable().toString());
            assertTrue(plan.notFixable().get(0).contains(SAID_INSTEAD.get(name)), plan.notFixable().get(0));
        }
    }
}
