package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.request;
import static dev.retlsetup.check.DemoRuns.result;
import static dev.retlsetup.check.DemoRuns.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Copy for my admin": one message that stands on its own and never carries a secret. */
class AdminMessageTest {
    private static final String SECRET = "dose0123456789abcdef0123456789abcdef";

    @Test
    void namesTheSourceWhatWasTriedWhatCameBackAndTheExactSql() {
        try (DemoWorkspace ws = DemoRuns.start("missing-use-schema")) {
            ConnectionTestRequest req = request(ws);
            ConnectionTestReport report = run(req);
            CheckResult failed = result(report, "schema:main.marketing");
            SourceSettings settings = req.validation().settings();
            String text = AdminMessage.text(failed, settings, report.principal());

            assertTrue(text.contains("Workspace: " + ws.host()), text);
            assertTrue(text.contains("SQL warehouse: " + settings.warehouseId() + " (HTTP path " + ws.httpPath() + ")"), text);
            assertTrue(text.contains("Service principal (application ID): " + DemoRuns.CLIENT_ID), text);
            assertTrue(text.contains("Catalog: main"), text);
            assertTrue(text.contains("What failed: “Schema main.marketing can be read”: The service principal may not open the schema main.marketing"), text);
            assertTrue(text.contains("What was tried:\n  SHOW TABLES IN main.marketing"), text);
            assertTrue(text.contains("User does not have USE SCHEMA on Schema ’main.marketing’")
                    || text.contains("User does not have USE SCHEMA on Schema 'main.marketing'"), text);
            assertTrue(text.contains("What to do:\n  1. "), text);
            assertTrue(text.contains("  GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + DemoRuns.CLIENT_ID + "`;"), text);
            assertFalse(text.contains(ws.clientSecret()), text);
        }
    }

    @Test
    void theSecretIsMaskedWhereverItAppears() {
        SourceSettings settings = SourceValidator.validate(new SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                "/sql/1.0/warehouses/abcdef0123456789", "443", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", SECRET, "main",
                "marketing"), true).settings();
        String leaky = "sent client_secret " + SECRET + " and Bearer eyJhbGciOi.eyJzdWIiOi.c2ln";
        CheckResult result = new CheckResult("oauth", "Service principal can sign in", CheckStatus.FAILED, 12,
                "Sign-in refused", leaky, leaky, "It says " + SECRET, Category.INVALID_CLIENT,
                new Remediation(List.of("Replace " + SECRET), List.of(), List.of()));
        String text = AdminMessage.text(result, settings, null);
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("0123456789abcdef0123"), text);
        assertFalse(text.contains("eyJzdWIiOi"), text);
        assertTrue(text.contains("Service principal (application ID): 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"), text);
        assertTrue(text.contains("SQL warehouse: abcdef0123456789"), text);
    }
}
