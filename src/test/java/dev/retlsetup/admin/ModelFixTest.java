package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.model.ModelListener;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.ModelRequest;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed model check on the models demo workspace: the plan is the GRANTs it named, applied, and the model passes. */
class ModelFixTest {
    private static final String SP = "`5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036`";

    private static ModelRequest request(DemoWorkspace ws, String sql, String key) {
        SourceInput typed = new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(),
                ws.clientSecret(), null, "");
        return new ModelRequest(SourceValidator.validate(typed, false), AdminDemo.trust(ws), sql, key,
                ModelRequest.DEFAULT_PREVIEW, Duration.ofSeconds(30));
    }

    @Test
    void aModelThatCannotReadTwoTablesPassesAfterTheAdminAppliesExactlyTheNamedGrants() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("models")) {
            ModelRequest request = request(ws, """
                    SELECT i.invoice_id, i.amount, s.salary
                    FROM main.finance.invoices i
                    LEFT JOIN (SELECT user_id, MAX(salary) AS salary FROM main.hr.salaries GROUP BY user_id) s
                      ON s.user_id = i.user_id""", "invoice_id");
            ModelReport failed = new ModelChecker().run(request, ModelListener.NONE);
            assertFalse(failed.ok());
            assertEquals(CheckStatus.FAILED, failed.check("tables").status());

            ModelFix fix = new ModelFix(request, AdminToken.of(ws.adminToken()));
            FixPlan plan = fix.plan(failed);
            assertEquals(List.of(
                    "GRANT USE SCHEMA ON SCHEMA main.finance TO " + SP + ";",
                    "GRANT SELECT ON TABLE main.finance.invoices TO " + SP + ";",
                    "GRANT SELECT ON TABLE main.hr.salaries TO " + SP + ";"),
                    plan.steps().stream().map(FixStep::what).toList());
            assertEquals(failed.check("tables").remediation().sql(), plan.steps().stream().map(FixStep::what).toList(),
                    "exactly the GRANTs the model check named");
            assertTrue(plan.steps().get(0).fixes().startsWith("main.finance.invoices cannot be read"),
                    plan.steps().get(0).fixes());
            assertTrue(plan.notFixable().isEmpty(), plan.notFixable().toString());

            FixOutcome outcome = fix.apply(plan.confirm(), FixListener.NONE);
            assertTrue(outcome.complete(), outcome.failure());
            assertEquals(plan.steps().stream().map(FixStep::what).toList(), outcome.whatRan());

            ModelReport again = fix.recheck(ModelListener.NONE);
            assertTrue(again.ok(), "the model passes as the service principal: " + again.checks());
            assertEquals(ws.clientId(), again.principal());
        }
    }

    @Test
    void aModelFailureNoGrantFixesIsSaidNotPlanned() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("models")) {
            ModelRequest request = request(ws, "SELECT * FROM main.crm.contacts", "contact_id");
            ModelReport failed = new ModelChecker().run(request, ModelListener.NONE);
            assertFalse(failed.ok(), "duplicated keys fail the model");
            FixPlan plan = new ModelFix(request, AdminToken.of(ws.adminToken())).plan(failed);
            assertTrue(plan.nothingToApply());
            assertEquals(1, plan.notFixable().size(), plan.notFixable().toString());
            assertTrue(plan.notFixable().get(0).endsWith("Granting read access does not fix this."), plan.notFixable().get(0));
        }
    }

    @Test
    void refusesToApplyTheModelsGrantsForSomeoneWhoIsNotAnAdmin() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("models")) {
            ModelRequest request = request(ws, "SELECT * FROM main.finance.invoices", "invoice_id");
            ModelFix fix = new ModelFix(request, AdminToken.of(AdminFixTest.principalToken(ws)));
            FixPlan plan = fix.plan(new ModelChecker().run(request, ModelListener.NONE));
            assertFalse(plan.nothingToApply());
            assertThrows(AdminApiException.class, () -> fix.apply(plan.confirm(), FixListener.NONE));
            assertFalse(fix.recheck(ModelListener.NONE).ok(), "nothing changed");
        }
    }
}
