package dev.retlsetup.demo;

import static dev.retlsetup.demo.DriverSupport.execute;
import static dev.retlsetup.demo.DriverSupport.failure;
import static dev.retlsetup.demo.DriverSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The real driver against each privilege scenario: the exact Databricks text it surfaces. */
class DriverPrivilegeScenariosTest {
    private static final String READ_USERS = "SELECT * FROM main.marketing.users LIMIT 0";
    private static final String CREATE_MANAGED = "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl";

    @Test
    void missingUseSchemaFailsTheReadNamingTheSchema() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-use-schema"), 0);
             Connection connection = DriverSupport.connect(ws)) {
            SQLException e = failure(connection, READ_USERS);
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not "
                    + "have USE SCHEMA on Schema 'main.marketing'. SQLSTATE: 42501"), e.getMessage());
        }
    }

    @Test
    void missingSelectFailsTheReadNamingTheTable() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0);
             Connection connection = DriverSupport.connect(ws)) {
            SQLException e = failure(connection, READ_USERS);
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("does not have SELECT on Table 'main.marketing.users'"), e.getMessage());
            // Listing still works: USE SCHEMA is there.
            assertEquals(1, rows(connection, "SHOW SCHEMAS IN main").size());
        }
    }

    @Test
    void missingCreateFailsTheManagedSchemaNamingTheCatalog() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-create"), 0);
             Connection connection = DriverSupport.connect(ws)) {
            assertEquals(0, rows(connection, READ_USERS).size());
            SQLException e = failure(connection, CREATE_MANAGED);
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("User does not have CREATE SCHEMA on Catalog 'main'. SQLSTATE: 42501"),
                    e.getMessage());
        }
    }

    @Test
    void precreatedManagedSchemaRefusesCreateSchemaButAllowsProbeTables() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("managed-schema-precreated"), 0);
             Connection connection = DriverSupport.connect(ws)) {
            SQLException e = failure(connection, CREATE_MANAGED);
            assertTrue(e.getMessage().contains("does not have CREATE SCHEMA on Catalog 'main'"), e.getMessage());
            execute(connection, "CREATE TABLE main.__segment_reverse_etl.retl_probe (id BIGINT)");
            assertEquals(0, rows(connection, "SELECT * FROM main.__segment_reverse_etl.retl_probe LIMIT 0").size());
            execute(connection, "DROP TABLE main.__segment_reverse_etl.retl_probe");
        }
    }

    @Test
    void hiveLegacyReadsWithLegacyGrantsAndNeedsCreateOnCatalog() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("hive-legacy"), 0);
             Connection connection = DriverSupport.connect(ws)) {
            assertEquals("hive_metastore", DriverSupport.single(connection, "SELECT current_catalog()"));
            assertEquals(3, rows(connection, "SELECT * FROM hive_metastore.marketing.users").size());
            SQLException usage = failure(connection, "SELECT * FROM hive_metastore.sales.orders LIMIT 0");
            assertTrue(usage.getMessage().contains("User does not have permission USAGE on database `sales`"),
                    usage.getMessage());
            SQLException create = failure(connection, "CREATE SCHEMA IF NOT EXISTS hive_metastore.__segment_reverse_etl");
            assertEquals("42501", create.getSQLState());
            assertTrue(create.getMessage().contains("User does not have permission CREATE on CATALOG"),
                    create.getMessage());
        }
    }
}
