package dev.retlsetup.check;

import static dev.retlsetup.check.DemoRuns.ids;
import static dev.retlsetup.check.DemoRuns.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The path users run: a real workspace is reached on port 443 with no {@code OAuthDiscoveryURL},
 * so the driver finds OIDC discovery at the host's standard path
 * ({@code https://HOST/oidc/.well-known/oauth-authorization-server}) on its own. The demo runs on
 * 127.0.0.1:443 and the tester gives the driver exactly the URL a real user gets. Binding 443
 * needs root (or CAP_NET_BIND_SERVICE): CI runs as root; elsewhere the test is skipped, saying why.
 */
class ConnectionTesterOnPort443Test {

    @Test
    @Timeout(60)
    void readyWorkspaceOnPort443PassesWithTheUrlARealUserGets() {
        DemoWorkspace ws;
        try {
            ws = DemoWorkspace.start(Scenario.builtIn("ready"), 443);
        } catch (IOException e) {
            String reason = "skipped: cannot listen on 127.0.0.1:443 here (" + e.getMessage()
                    + "); run as root or with CAP_NET_BIND_SERVICE to run the port-443 path";
            System.out.println(getClass().getSimpleName() + " " + reason);
            Assumptions.abort(reason);
            return;
        }
        try (ws) {
            assertEquals(443, ws.port());
            SourceInput input = DemoRuns.input(ws);
            ConnectionTestReport report = DemoRuns.run(DemoRuns.request(input, DemoRuns.trust(ws)));

            assertTrue(report.ok(), () -> ids(report) + " " + result(report, "session").detail());
            assertTrue(report.complete(), () -> ids(report).toString());

            SourceSettings settings = new SourceSettings(ws.host(), ws.httpPath(), 443, ws.clientId(),
                    ws.clientSecret(), "main", java.util.List.of("main.marketing"));
            String url = JdbcUrl.url(settings, new SessionCheck().timeout());
            assertFalse(url.contains("OAuthDiscoveryURL"), url);
            assertTrue(url.contains(";UseThriftClient=1"), url);
            // The session signs in with the run's token: the sign-in check made the OAuth exchange once.
            String tokenUrl = JdbcUrl.withToken(settings, new SessionCheck().timeout());
            assertTrue(result(report, "session").tried().contains(tokenUrl), result(report, "session").tried());
            assertTrue(ws.thriftCalls().contains("OpenSession"), ws.thriftCalls()::toString);
            DemoRuns.assertNoSecret(report, ws.clientSecret());
        }
    }

    @Test
    void urlPinsThriftAndBoundsTheDriversWaitsOnEveryPort() {
        for (String port : new String[] {"443", "8443"}) {
            SourceSettings settings = new SourceSettings("dbc-1234abcd-5678.cloud.databricks.com",
                    "/sql/1.0/warehouses/0123456789abcdef", Integer.parseInt(port),
                    "1b2c3d4e-0000-4000-8000-000000000001", "s3cr3t-value", null, null);
            String url = JdbcUrl.url(settings, Duration.ofSeconds(90));
            assertTrue(url.contains(";UseThriftClient=1"), url);
            assertTrue(url.contains(";socketTimeout=90"), url);
            assertTrue(url.contains(";TemporarilyUnavailableRetryTimeout=90"), url);
            assertTrue(url.contains(";RateLimitRetryTimeout=90"), url);
            assertEquals(!port.equals("443"), url.contains(";OAuthDiscoveryURL=https://"
                    + "dbc-1234abcd-5678.cloud.databricks.com:" + port + "/oidc/.well-known/oauth-authorization-server"), url);
            assertFalse(url.contains("s3cr3t-value"), "no secret in the URL: " + url);
        }
    }

    @Test
    void theTestersOwnSessionSendsNoDriverTelemetryWhileTheUsersUrlIsLeftAsIs() {
        SourceSettings settings = new SourceSettings("dbc-1234abcd-5678.cloud.databricks.com",
                "/sql/1.0/warehouses/0123456789abcdef", 443, "1b2c3d4e-0000-4000-8000-000000000001", "s3cr3t-value",
                null, null);
        String probe = JdbcUrl.withToken(settings, Duration.ofSeconds(90));
        assertTrue(probe.contains(";EnableTelemetry=0"), probe);
        assertTrue(probe.contains(";Auth_Flow=0") && probe.contains(";UseThriftClient=1"), probe);
        String url = JdbcUrl.url(settings, Duration.ofSeconds(90));
        assertFalse(url.contains("EnableTelemetry"), url);
    }
}
