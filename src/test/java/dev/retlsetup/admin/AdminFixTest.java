package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plans, applies and re-tests against demo workspaces, with the real driver as admin and as the principal. */
public class AdminFixTest {
    private static final String SP = "`5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036`";
    private static final String CLIENT_ID = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // One SQL and one API step here, with the live results; EveryFailingScenarioTest covers every scenario.
        "missing-select|main|main.marketing|GRANT SELECT ON SCHEMA main.marketing TO " + SP + ";",
        "no-warehouse-access|main|main.marketing|PATCH /api/2.0/permissions/warehouses/8f3c2a91d4e07b56 "
            + "{\"access_control_list\":[{\"service_principal_name\":\"" + CLIENT_ID + "\",\"permission_level\":\"CAN_USE\"}]}",
    })
    void failedScenarioPassesAfterTheAdminAppliesExactlyThePlan(String scenario, String catalog, String schemas,
                                                                 String expectedStep) throws Exception {
        try (DemoWorkspace ws = AdminDemo.start(scenario)) {
            ConnectionTestRequest request = AdminDemo.request(ws, catalog, schemas);
            ConnectionTestReport failed = AdminDemo.test(request);
            assertFalse(failed.ok(), scenario + " fails before the fix");
            AdminFix fix = AdminDemo.fix(request, ws);
            FixPlan plan = fix.plan(failed, false);
            assertEquals(List.of(expectedStep), plan.steps().stream().map(FixStep::what).toList());
            assertTrue(plan.notFixable().isEmpty(), plan.notFixable().toString());
            assertTrue(plan.steps().get(0).fixes().contains("failed"), plan.steps().get(0).fixes());
            assertTrue(ws.adminChanges().isEmpty(), "planning changes nothing: " + ws.adminChanges());

            List<String> live = new ArrayList<>();
            FixOutcome outcome = fix.apply(plan.confirm(), new FixListener() {
                @Override
                public void started(FixStep step) {
                    live.add("started " + step.what());
                }

                @Override
                public void finished(FixStep step, StepStatus status, String detail) {
                    live.add(status + " " + step.what() + detail);
                }
            });
            assertTrue(outcome.complete(), outcome.failure());
            assertEquals(List.of("started " + expectedStep, "APPLIED " + expectedStep), live);
            List<String> apiSteps = plan.steps().stream().filter(s -> s.kind() == FixStep.Kind.API)
                    .map(s -> s.what().substring(0, s.what().indexOf(' ', 6))).toList();
            assertEquals(apiSteps, ws.adminChanges(), "only the API calls the plan showed ran");

            ConnectionTestReport retest = fix.retest(plan, dev.retlsetup.check.ConnectionTestListener.NONE);
            assertTrue(retest.ok(), "re-test as the service principal: " + retest.failed());
            assertTrue(retest.checks().stream().map(c -> c.id()).toList().containsAll(plan.retestChecks()));
            assertTrue(AdminDemo.test(request).complete(), "a full test passes afterwards");
        }
    }

    @Test
    void managedSchemaCanBePreCreatedInsteadOfGrantingCreateSchema() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("missing-create")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            AdminFix fix = AdminDemo.fix(request, ws);
            FixPlan plan = fix.plan(AdminDemo.test(request), true);
            assertEquals(List.of("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;",
                    "GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO " + SP + ";"),
                    plan.steps().stream().map(FixStep::what).toList());
            assertTrue(fix.apply(plan.confirm(), FixListener.NONE).complete());
            assertTrue(fix.retest(plan, dev.retlsetup.check.ConnectionTestListener.NONE).ok());
        }
    }

    @Test
    void aFailingStepStopsThePlanAndSaysWhatWasApplied() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("missing-select")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            AdminFix fix = AdminDemo.fix(request, ws);
            FixPlan plan = new FixPlan(List.of(
                    FixStep.sql("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + SP + ";", "first"),
                    FixStep.sql("GRANT SELECT ON SCHEMA main.no_such_schema TO " + SP + ";", "second"),
                    FixStep.sql("GRANT SELECT ON SCHEMA main.marketing TO " + SP + ";", "third")),
                    List.of(), Set.of("schema:main.marketing"));
            FixOutcome outcome = fix.apply(plan.confirm(), FixListener.NONE);
            assertEquals(List.of(StepStatus.APPLIED, StepStatus.FAILED, StepStatus.SKIPPED), outcome.statuses());
            assertEquals(List.of(plan.steps().get(0)), outcome.applied());
            assertTrue(outcome.failure().startsWith("Step 2 failed"), outcome.failure());
            assertTrue(outcome.failure().contains("SCHEMA_NOT_FOUND"), outcome.failure());
            assertFalse(fix.retest(plan, dev.retlsetup.check.ConnectionTestListener.NONE).ok(),
                    "the third step was not run, so SELECT is still missing");
        }
    }

    @Test
    void refusesToApplyForSomeoneWhoIsNotAnAdmin() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("missing-select")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            AdminFix fix = new AdminFix(request, AdminToken.of(principalToken(ws)));
            FixPlan plan = fix.plan(AdminDemo.test(request), false);
            assertFalse(fix.whoSignedIn().admin());
            AdminApiException e = assertThrows(AdminApiException.class, () -> fix.apply(plan.confirm(), FixListener.NONE));
            assertTrue(e.getMessage().contains("is not a workspace admin"), e.getMessage());
            assertFalse(AdminDemo.test(request).ok(), "nothing changed");
        }
    }

    @Test
    void refusesAUserWhoSignedInInTheBrowserButIsNotAnAdmin() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("missing-select")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            TestBrowser browser = new TestBrowser(ws.clientSslContext(), "allow-not-admin", UnaryOperator.identity());
            AdminToken token = new U2mSignIn(ws.clientSslContext(), browser).signIn(ws.url(), Duration.ofSeconds(30));
            AdminFix fix = new AdminFix(request, token);
            AdminIdentity who = fix.whoSignedIn();
            assertEquals("Demo Analyst (analyst@example.com)", who.label());
            assertFalse(who.admin());
            FixPlan plan = fix.plan(AdminDemo.test(request), false);
            AdminApiException e = assertThrows(AdminApiException.class, () -> fix.apply(plan.confirm(), FixListener.NONE));
            assertEquals("Demo Analyst (analyst@example.com) is not a workspace admin (not in the admins group), so "
                    + "nothing was changed.", e.getMessage());
            assertTrue(ws.adminChanges().isEmpty());
            assertFalse(AdminDemo.test(request).ok(), "nothing changed");
        }
    }

    @Test
    void aCancelledApplySkipsTheRemainingSteps() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("missing-select")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            AdminFix fix = AdminDemo.fix(request, ws);
            FixPlan plan = new FixPlan(List.of(
                    FixStep.sql("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + SP + ";", "first"),
                    FixStep.sql("GRANT SELECT ON SCHEMA main.marketing TO " + SP + ";", "second")),
                    List.of(), Set.of("schema:main.marketing"));
            FixOutcome outcome = fix.apply(plan.confirm(), new FixListener() {
                @Override
                public void finished(FixStep step, StepStatus status, String detail) {
                    fix.cancel();
                }
            });
            assertEquals(List.of(StepStatus.APPLIED, StepStatus.SKIPPED), outcome.statuses());
            assertTrue(outcome.failure().contains("Cancelled"), outcome.failure());
        }
    }

    @Test
    void whatNoGrantFixesIsSaidNotPlanned() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("expired-secret")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            FixPlan plan = AdminDemo.fix(request, ws).plan(AdminDemo.test(request), false);
            assertTrue(plan.nothingToApply());
            assertTrue(plan.notFixable().get(0).contains("has expired"), plan.notFixable().toString());
        }
        try (DemoWorkspace ws = AdminDemo.start("no-principal")) {
            ConnectionTestRequest request = AdminDemo.request(ws);
            FixPlan plan = AdminDemo.fix(request, ws).plan(AdminDemo.test(request), false);
            assertTrue(plan.nothingToApply());
            assertTrue(plan.notFixable().get(0).contains("set it up from scratch"), plan.notFixable().toString());
        }
    }

    @Test
    void readsWhenTheSecretInUseExpires() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("secret-expiring")) {
            SecretExpiry expiry = AdminDemo.fix(AdminDemo.request(ws), ws).secretExpiry();
            assertEquals(SecretExpiry.Kind.EXPIRES_SOON, expiry.kind());
            assertTrue(expiry.daysLeft() == 9 || expiry.daysLeft() == 10, "days left " + expiry.daysLeft());
            assertTrue(expiry.warn());
            assertTrue(expiry.message(CLIENT_ID).contains("expires in"), expiry.message(CLIENT_ID));
        }
        try (DemoWorkspace ws = AdminDemo.start("ready")) {
            SecretExpiry expiry = AdminDemo.fix(AdminDemo.request(ws), ws).secretExpiry();
            assertEquals(SecretExpiry.Kind.NO_EXPIRY_KNOWN, expiry.kind());
            assertTrue(expiry.message(CLIENT_ID).contains("No expiry is known"), expiry.message(CLIENT_ID));
        }
    }

    @Test
    void thePrincipalCanReadItsOwnSecretsExpiry() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("secret-expiring")) {
            AdminFix fix = new AdminFix(AdminDemo.request(ws), AdminToken.of(principalToken(ws)));
            assertEquals(SecretExpiry.Kind.EXPIRES_SOON, fix.secretExpiry().kind());
        }
    }

    /** A client-credentials token of the demo's service principal: signed in, but no admin. */
    public static String principalToken(DemoWorkspace ws) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ws.clientSslContext()).build();
        String basic = Base64.getEncoder().encodeToString((ws.clientId() + ":" + ws.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "/oidc/v1/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
