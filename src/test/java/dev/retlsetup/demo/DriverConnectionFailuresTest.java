package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The real driver against scenarios that fail (or slow down) before any SQL runs. */
class DriverConnectionFailuresTest {

    @Test
    void expiredSecretFailsWithInvalidClient() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("expired-secret"), 0)) {
            SQLException e = assertThrows(SQLException.class, () -> DriverSupport.connect(ws).close());
            String chain = DriverSupport.chain(e);
            assertTrue(chain.contains("oauth-m2m auth: Failed to refresh credentials: invalid_client"), chain);
            assertTrue(chain.contains("Unauthenticated: invalid_client"), chain);
            assertTrue(!chain.contains(ws.clientSecret()), "the driver must not echo the secret");
        }
    }

    @Test
    void wrongSecretFailsWithInvalidClient() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> DriverSupport.connect(ws, "", "dose00000000000000000000000000000000").close());
            assertTrue(DriverSupport.chain(e).contains("invalid_client"), DriverSupport.chain(e));
        }
    }

    @Test
    void noWarehouseAccessFailsTheSessionWith403AndTheReason() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-warehouse-access"), 0)) {
            SQLException e = assertThrows(SQLException.class, () -> DriverSupport.connect(ws).close());
            String chain = DriverSupport.chain(e);
            assertTrue(chain.contains("HTTP request failed by code: 403"), chain);
            assertTrue(chain.contains("PERMISSION_DENIED: " + ws.clientId()
                    + " is not authorized to use this SQL Endpoint."), chain);
        }
    }

    @Test
    void ipBlockedWorkspaceFailsDiscoveryWithTheDriversNullPointer() throws Exception {
        // driver.md: the bundled SDK drops the 403 body of discovery; only direct REST calls see it.
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ip-blocked"), 0)) {
            SQLException e = assertThrows(SQLException.class, () -> DriverSupport.connect(ws).close());
            String chain = DriverSupport.chain(e);
            assertTrue(chain.contains("getTokenEndpoint()"), chain);
        }
    }

    @Test
    void stoppedWarehouseStartsOnFirstQueryAndTheDriverWaitsForIt() throws Exception {
        Scenario scenario = Scenario.builtIn("stopped-warehouse").withStartingDelay(Duration.ofMillis(1500));
        try (DemoWorkspace ws = DemoWorkspace.start(scenario, 0)) {
            long started = System.nanoTime();
            try (Connection connection = DriverSupport.connect(ws)) {
                assertEquals(DemoCredentials.CLIENT_ID, DriverSupport.single(connection, "SELECT current_user()"));
            }
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(1500).toNanos());
            assertTrue(ws.thriftCalls().stream().filter("OpenSession"::equals).count() >= 2,
                    "the first OpenSession is answered 503 and retried: " + ws.thriftCalls());
        }
    }

    @Test
    void slowWorkspaceStillWorksJustLater() throws Exception {
        Scenario scenario = Scenario.builtIn("slow").withLatency(Duration.ofMillis(150));
        try (DemoWorkspace ws = DemoWorkspace.start(scenario, 0)) {
            long started = System.nanoTime();
            try (Connection connection = DriverSupport.connect(ws)) {
                assertEquals(1, ((Number) DriverSupport.single(connection, "SELECT 1")).intValue());
            }
            // discovery, token, feature flags, OpenSession, ExecuteStatement: at least five slow answers
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(5 * 150).toNanos());
        }
    }

    @Test
    void unknownWarehouseOnTheHttpPathFailsWithDatabricksNotFoundText() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            String url = DriverSupport.jdbcUrl(ws, "").replace(ws.httpPath(), "/sql/1.0/warehouses/0123456789abcdef");
            Properties credentials = new Properties();
            credentials.put("OAuth2ClientId", ws.clientId());
            credentials.put("OAuth2Secret", ws.clientSecret());
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, credentials).close());
            String chain = DriverSupport.chain(e);
            assertTrue(chain.contains("HTTP request failed by code: 404"), chain);
            assertTrue(chain.contains("Error message: Warehouse '0123456789abcdef' does not exist."), chain);
        }
    }
}
