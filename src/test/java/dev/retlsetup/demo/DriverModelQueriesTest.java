package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model queries run for real on the demo's SQL engine, through the real driver, under the privilege checks. */
class DriverModelQueriesTest {
    private static DemoWorkspace ws;
    private static Connection connection;

    @BeforeAll
    static void start() throws IOException, SQLException {
        ws = DemoWorkspace.start(Scenario.builtIn("models"), 0);
        connection = DriverSupport.connect(ws);
    }

    @AfterAll
    static void stop() throws SQLException {
        connection.close();
        ws.close();
    }

    @Test
    void joinsFiltersGroupByAndAggregatesRun() throws SQLException {
        List<List<Object>> rows = DriverSupport.rows(connection, """
                SELECT u.user_id, COUNT(DISTINCT o.status) AS statuses, count_if(o.amount > 300) AS big_orders,
                       SUM(o.amount) AS total
                FROM main.marketing.users u
                JOIN `main`.`sales`.orders o ON o.user_id = u.user_id
                WHERE u.plan <> 'free' -- comment with FROM main.finance.invoices
                GROUP BY u.user_id
                ORDER BY u.user_id""");
        assertEquals(List.of(1001L, 1L, 2L, 1550.5), rows.get(0));
        assertEquals(5, rows.size());
    }

    @Test
    void cteSubqueryAndQualifyRun() throws SQLException {
        List<List<Object>> rows = DriverSupport.rows(connection, """
                WITH ranked AS (SELECT * FROM crm.contacts WHERE contact_id IS NOT NULL)
                SELECT contact_id, email FROM ranked
                WHERE contact_id IN (SELECT contact_id FROM main.crm.contacts WHERE source = "hubspot")
                QUALIFY ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY updated_at DESC) = 1
                ORDER BY contact_id""");
        assertEquals(List.of(List.of(501L, "ada@example.org"), List.of(502L, "grace.hopper@example.com"),
                List.of(503L, "alan.turing@example.com"), List.of(505L, "edsger.dijkstra@example.com")), rows);
    }

    @Test
    void firstUnreadableTableAnswersWithDatabricksErrorOnePerStatement() {
        SQLException e = DriverSupport.failure(connection, """
                SELECT * FROM main.hr.salaries s JOIN main.finance.invoices i ON i.user_id = s.user_id""");
        assertTrue(e.getMessage().contains("User does not have SELECT on Table 'main.hr.salaries'"), e.getMessage());
        assertFalse(e.getMessage().contains("finance"), e.getMessage());
        SQLException second = DriverSupport.failure(connection, "SELECT COUNT(*) FROM main.finance.invoices");
        assertTrue(second.getMessage().contains("User does not have USE SCHEMA on Schema 'main.finance'"),
                second.getMessage());
    }

    @Test
    void aViewNeedsSelectOnTheViewOnly() throws SQLException {
        List<List<Object>> rows = DriverSupport.rows(connection,
                "SELECT user_id, invoiced FROM main.reporting.customer_value WHERE user_id = 1001");
        assertEquals(List.of(List.of(1001L, 1550.5)), rows);
        assertEquals(8, DriverSupport.rows(connection, "SELECT * FROM main.reporting.customer_value LIMIT 100").size());
    }

    @Test
    void describeQueryListsTheColumnsWithDatabricksTypes() throws SQLException {
        List<List<Object>> rows = DriverSupport.rows(connection,
                "DESCRIBE QUERY SELECT user_id, email, updated_at, 1.5 * 2 AS x FROM main.marketing.users");
        assertEquals(List.of("user_id", "bigint"), rows.get(0).subList(0, 2));
        assertEquals(List.of("email", "string"), rows.get(1).subList(0, 2));
        assertEquals(List.of("updated_at", "timestamp"), rows.get(2).subList(0, 2));
        assertEquals(4, rows.size());
    }

    @Test
    void limitBeyondAnIntIsASqlErrorNotABrokenAnswer() throws SQLException {
        SQLException simple = DriverSupport.failure(connection, "SELECT * FROM main.marketing.users LIMIT 99999999999999999999");
        assertTrue(simple.getMessage().contains("[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE]"), simple.getMessage());
        SQLException query = DriverSupport.failure(connection,
                "SELECT plan, COUNT(*) FROM main.marketing.users GROUP BY plan LIMIT 99999999999999999999");
        assertTrue(query.getMessage().contains("\"DECIMAL(20,0)\""), query.getMessage());
        assertEquals(1, DriverSupport.rows(connection, "SELECT 1").size(), "the session still works");
    }

    @Test
    void unknownColumnsAndFunctionsFailWithDatabricksErrorClasses() {
        assertTrue(DriverSupport.failure(connection, "SELECT nope FROM main.marketing.users WHERE plan = 'pro'")
                .getMessage().contains("[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION]"));
        assertTrue(DriverSupport.failure(connection, "SELECT no_such_fn(email) FROM main.marketing.users WHERE 1 = 1")
                .getMessage().contains("[UNRESOLVED_ROUTINE] Cannot resolve routine `no_such_fn`"));
    }

    @Test
    void aRunningStatementIsCancelledOnTheWarehouse() throws Exception {
        try (DemoWorkspace large = DemoWorkspace.start(Scenario.builtIn("large").withGeneratedRows(200_000), 0);
             Connection c = DriverSupport.connect(large); Statement statement = c.createStatement()) {
            // A cross join far too big to finish: only a cancel on the warehouse ends it.
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return statement.executeQuery("SELECT COUNT(*) FROM main.events.page_views a "
                            + "JOIN main.events.page_views b ON a.user_id <> b.user_id");
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(800);
            long started = System.nanoTime();
            statement.cancel();
            Object outcome = run.get(20, TimeUnit.SECONDS);
            assertTrue(outcome instanceof SQLException, String.valueOf(outcome));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 10_000);
            assertTrue(large.thriftCalls().contains("CancelOperation"), large.thriftCalls().toString());
        }
    }
}
