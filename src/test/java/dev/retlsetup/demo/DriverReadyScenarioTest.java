package dev.retlsetup.demo;

import static dev.retlsetup.demo.DriverSupport.execute;
import static dev.retlsetup.demo.DriverSupport.failure;
import static dev.retlsetup.demo.DriverSupport.rows;
import static dev.retlsetup.demo.DriverSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real driver against the "ready" scenario: everything a connection test and a model preview do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverReadyScenarioTest {
    private DemoWorkspace workspace;
    private Connection connection;

    @BeforeAll
    void start() throws Exception {
        workspace = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
        connection = DriverSupport.connect(workspace);
    }

    @AfterAll
    void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        workspace.close();
    }

    @Test
    void selectOneReturnsOne() throws SQLException {
        assertEquals(1, ((Number) single(connection, "SELECT 1")).intValue());
    }

    @Test
    void currentUserIsTheServicePrincipalsApplicationId() throws SQLException {
        assertEquals(DemoCredentials.CLIENT_ID, single(connection, "SELECT current_user()"));
    }

    @Test
    void currentCatalogIsTheWorkspaceDefault() throws SQLException {
        assertEquals("main", single(connection, "SELECT current_catalog()"));
    }

    @Test
    void connCatalogAndConnSchemaSetTheSessionNamespace() throws SQLException {
        try (Connection other = DriverSupport.connect(workspace, ";ConnCatalog=main;ConnSchema=marketing",
                workspace.clientSecret())) {
            assertEquals(List.of(List.of("main", "marketing")),
                    rows(other, "SELECT current_catalog(), current_schema()"));
            assertEquals(2, rows(other, "SELECT user_id FROM users LIMIT 2").size());
        }
    }

    @Test
    void showCatalogsSchemasAndTablesListWhatIsGranted() throws SQLException {
        assertEquals(List.of(List.of("main")), rows(connection, "SHOW CATALOGS"));
        // Other tests here may have created __segment_reverse_etl already.
        assertTrue(rows(connection, "SHOW SCHEMAS IN main").contains(List.of("marketing")));
        assertEquals(List.of(List.of("marketing", "users", false)), rows(connection, "SHOW TABLES IN main.marketing"));
    }

    @Test
    void limitZeroReturnsTheColumnsAndNoRows() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM main.marketing.users LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals(9, meta.getColumnCount());
            assertEquals("user_id", meta.getColumnName(1));
            assertEquals(Types.BIGINT, meta.getColumnType(1));
            assertEquals(Types.VARCHAR, meta.getColumnType(2));
            assertFalse(rs.next());
        }
    }

    @Test
    void previewRowsArriveTypedWithNulls() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM `main`.`marketing`.`users` LIMIT 10")) {
            int count = 0;
            while (rs.next()) {
                count++;
                if (count == 1) {
                    assertEquals(1001L, rs.getLong("user_id"));
                    assertEquals("ada.lovelace@example.com", rs.getString("email"));
                    assertEquals(18250.5, rs.getDouble("lifetime_value"));
                    assertTrue(rs.getBoolean("is_subscribed"));
                    assertEquals("2023-02-14", rs.getDate("signup_date").toString());
                    assertEquals(Timestamp.valueOf("2025-06-01 09:15:00"), rs.getTimestamp("updated_at"));
                }
                if (count == 7) {
                    assertNull(rs.getTimestamp("updated_at"));
                }
                if (count == 10) {
                    assertNull(rs.getString("first_name"));
                    assertNull(rs.getObject("lifetime_value"));
                }
            }
            assertEquals(10, count);
        }
    }

    @Test
    void describeShowsColumnNamesAndTypes() throws SQLException {
        List<List<Object>> columns = rows(connection, "DESCRIBE TABLE main.marketing.users");
        assertEquals(List.of("user_id", "bigint"), columns.get(0).subList(0, 2));
        assertEquals(9, columns.size());
    }

    @Test
    void managedSchemaAndProbeTableCanBeCreatedAndDropped() throws SQLException {
        execute(connection, "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl");
        execute(connection, "CREATE TABLE main.__segment_reverse_etl.retl_probe (id BIGINT, note STRING)");
        assertEquals(List.of(List.of("__segment_reverse_etl", "retl_probe", false)),
                rows(connection, "SHOW TABLES IN main.__segment_reverse_etl"));
        execute(connection, "DROP TABLE IF EXISTS main.__segment_reverse_etl.retl_probe");
        assertEquals(List.of(), rows(connection, "SHOW TABLES IN main.__segment_reverse_etl"));
    }

    @Test
    void showGrantsForThePrincipalListsItsDirectGrants() throws SQLException {
        List<List<Object>> grants = rows(connection,
                "SHOW GRANTS `" + DemoCredentials.CLIENT_ID + "` ON SCHEMA main.marketing");
        assertEquals(List.of(DemoCredentials.CLIENT_ID, "USE SCHEMA", "SCHEMA", "main.marketing"), grants.get(0));
    }

    @Test
    void unknownTableSurfacesDatabricksTextAndSqlState() {
        SQLException e = failure(connection, "SELECT * FROM main.marketing.customerz");
        assertEquals("42P01", e.getSQLState());
        assertTrue(e.getMessage().contains("[TABLE_OR_VIEW_NOT_FOUND] The table or view "
                + "`main`.`marketing`.`customerz` cannot be found."), e.getMessage());
    }

    @Test
    void unknownCatalogAndSchemaSurfaceTheirErrorClasses() {
        assertTrue(failure(connection, "SHOW SCHEMAS IN nope").getMessage()
                .contains("[NO_SUCH_CATALOG_EXCEPTION] Catalog 'nope' was not found."));
        SQLException schema = failure(connection, "SHOW TABLES IN main.nope");
        assertEquals("42704", schema.getSQLState());
        assertTrue(schema.getMessage().contains("[SCHEMA_NOT_FOUND] The schema `main`.`nope` cannot be found."));
    }

    @Test
    void unsupportedSqlIsAParseSyntaxError() {
        SQLException e = failure(connection, "VACUUM main.marketing.users");
        assertEquals("42601", e.getSQLState());
        assertTrue(e.getMessage().contains("[PARSE_SYNTAX_ERROR] Syntax error at or near 'VACUUM'"), e.getMessage());
    }

    @Test
    void failedStatementIsWrappedAsLiveWarehousesDo() {
        SQLException e = failure(connection, "SELECT * FROM main.marketing.customerz");
        assertEquals(1003, e.getErrorCode());
        assertTrue(e.getMessage().startsWith("Operation failed with error: [no error details from server] for statement"),
                e.getMessage());
        assertTrue(e.getMessage().contains("errorMessage:org.apache.hive.service.cli.HiveSQLException: Error running "
                + "query: [TABLE_OR_VIEW_NOT_FOUND] org.apache.spark.sql.catalyst.ExtendedAnalysisException: "), e.getMessage());
        assertTrue(e.getMessage().contains("displayMessage:[TABLE_OR_VIEW_NOT_FOUND]"), e.getMessage());
    }

    @Test
    void aResultDeliveredWholeClosesItsOperationOnTheServerAsDatabricksDoes() throws SQLException {
        int before = workspace.thriftCalls().size();
        try (Connection other = DriverSupport.connect(workspace)) {
            single(other, "SELECT 1");
        }
        List<String> calls = workspace.thriftCalls();
        // The direct results carry closeOperation, so the driver sends no CloseOperation of its own.
        assertEquals(List.of("OpenSession", "ExecuteStatement", "CloseSession"), calls.subList(before, calls.size()));
    }
}
