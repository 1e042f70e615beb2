package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialect and the privilege model without the network: fast, and precise about error texts. */
class SqlEngineTest {
    private static final String SP = DemoCredentials.CLIENT_ID;

    private static SqlEngine engine(String scenario) {
        ScenarioSpec spec = Scenario.builtIn(scenario).spec();
        String catalog = spec.defaultCatalog() == null ? "main" : spec.defaultCatalog();
        return new SqlEngine(Metastore.of(spec, SP), SP, catalog);
    }

    private static QueryResult run(SqlEngine engine, String sql) throws SqlError {
        return engine.execute(sql, new SqlSession(engine.defaultCatalog(), "default"));
    }

    private static String error(SqlEngine engine, String sql) {
        return assertThrows(SqlError.class, () -> run(engine, sql), sql).getMessage();
    }

    @Test
    void selectOneAndSessionFunctions() throws SqlError {
        SqlEngine engine = engine("ready");
        assertEquals(List.of(List.of(1)), run(engine, "SELECT 1").rows());
        assertEquals(List.of(List.of(SP, "main", "default")),
                run(engine, "select current_user(), current_catalog(), current_schema()").rows());
    }

    @Test
    void limitZeroReturnsColumnsButNoRows() throws SqlError {
        QueryResult result = run(engine("ready"), "SELECT * FROM main.marketing.users LIMIT 0");
        assertEquals(9, result.columns().size());
        assertEquals(List.of(), result.rows());
    }

    @Test
    void backtickedNamesAndChosenColumns() throws SqlError {
        QueryResult result = run(engine("ready"), "SELECT `email`, plan FROM `main`.`marketing`.`users` LIMIT 2;");
        assertEquals(List.of("email", "plan"), result.columns().stream().map(Metastore.Column::name).toList());
        assertEquals(List.of("ada.lovelace@example.com", "enterprise"), result.rows().get(0));
    }

    @Test
    void unknownColumnSuggestsTheRealOnes() {
        String text = error(engine("ready"), "SELECT mail FROM main.marketing.users");
        assertTrue(text.startsWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter "
                + "with name `mail` cannot be resolved. Did you mean one of the following? [`user_id`, `email`"), text);
    }

    @Test
    void unknownSqlIsAParseSyntaxErrorAtTheFirstUnreadableToken() {
        String text = error(engine("ready"), "SELECT * FORM main.marketing.users");
        assertTrue(text.startsWith("[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. SQLSTATE: 42601 (line 1, pos 9)"),
                text);
    }

    @Test
    void selectWithoutUseSchemaNamesTheSchema() {
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE SCHEMA on Schema "
                        + "'main.marketing'. SQLSTATE: 42501",
                error(engine("missing-use-schema"), "SELECT * FROM main.marketing.users LIMIT 0"));
    }

    @Test
    void selectWithoutSelectNamesTheTable() {
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have SELECT on Table "
                        + "'main.marketing.users'. SQLSTATE: 42501",
                error(engine("missing-select"), "SELECT * FROM main.marketing.users LIMIT 0"));
    }

    @Test
    void createSchemaIfNotExistsNeedsCreateSchemaEvenWhenTheSchemaExists() {
        String expected = "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have CREATE SCHEMA on "
                + "Catalog 'main'. SQLSTATE: 42501";
        assertEquals(expected, error(engine("missing-create"), "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl"));
        assertEquals(expected, error(engine("managed-schema-precreated"),
                "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl"));
    }

    @Test
    void allPrivilegesOnAPrecreatedSchemaAllowCreatingAndDroppingOwnTables() throws SqlError {
        SqlEngine engine = engine("managed-schema-precreated");
        run(engine, "CREATE TABLE main.__segment_reverse_etl.probe (id BIGINT, note STRING)");
        assertEquals(List.of(List.of("__segment_reverse_etl", "probe", false)),
                run(engine, "SHOW TABLES IN main.__segment_reverse_etl").rows());
        run(engine, "DROP TABLE main.__segment_reverse_etl.probe");
        assertEquals(List.of(), run(engine, "SHOW TABLES IN main.__segment_reverse_etl").rows());
    }

    @Test
    void createdSchemaBelongsToTheCreatorAndExistingSchemaNeedsIfNotExists() throws SqlError {
        SqlEngine engine = engine("ready");
        run(engine, "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl");
        run(engine, "CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl");
        run(engine, "CREATE TABLE main.__segment_reverse_etl.t (id INT)");
        assertTrue(error(engine, "CREATE SCHEMA main.__segment_reverse_etl")
                .startsWith("[SCHEMA_ALREADY_EXISTS] Cannot create schema `main`.`__segment_reverse_etl` because"));
    }

    @Test
    void droppingATableSomeoneElseOwnsNeedsOwnership() {
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser is not an owner of Table "
                + "'main.marketing.users'. SQLSTATE: 42501", error(engine("ready"), "DROP TABLE main.marketing.users"));
    }

    @Test
    void catalogGrantsAreInheritedBySchemasAndTables() throws SqlError {
        SqlEngine engine = new SqlEngine(Metastore.of(Scenario.fromJson("""
                { "base": "ready", "name": "catalog-wide",
                  "grants": [ { "on": "CATALOG main", "privileges": ["USE CATALOG", "USE SCHEMA", "SELECT"] } ] }""",
                "test").spec(), SP), SP, "main");
        assertEquals(12, run(engine, "SELECT user_id FROM main.marketing.users").rows().size());
    }

    @Test
    void notFoundErrorsUseDatabricksClassesAndStates() {
        SqlEngine engine = engine("ready");
        assertTrue(error(engine, "SELECT * FROM nope.marketing.users").startsWith(
                "[NO_SUCH_CATALOG_EXCEPTION] Catalog 'nope' was not found. Please verify the catalog name"));
        assertTrue(error(engine, "SHOW TABLES IN main.nope").startsWith(
                "[SCHEMA_NOT_FOUND] The schema `main`.`nope` cannot be found."));
        String table = error(engine, "SELECT * FROM main.marketing.customerz");
        assertTrue(table.startsWith("[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`marketing`.`customerz` "
                + "cannot be found."), table);
        assertTrue(table.endsWith("SQLSTATE: 42P01"), table);
    }

    @Test
    void showCommandsListOnlyWhatThePrincipalHoldsSomethingOn() throws SqlError {
        SqlEngine engine = engine("ready");
        assertEquals(List.of(List.of("main")), run(engine, "SHOW CATALOGS").rows());
        assertEquals(List.of(List.of("marketing")), run(engine, "SHOW SCHEMAS IN main").rows());
        assertEquals(List.of(List.of("marketing", "users", false)), run(engine, "SHOW TABLES IN main.marketing").rows());
    }

    @Test
    void showGrantsListsDirectGrantsForOnePrincipal() throws SqlError {
        SqlEngine engine = engine("ready");
        assertEquals(List.of(List.of(SP, "USE SCHEMA", "SCHEMA", "main.marketing"),
                        List.of(SP, "SELECT", "SCHEMA", "main.marketing")),
                run(engine, "SHOW GRANTS `" + SP + "` ON SCHEMA main.marketing").rows());
        assertEquals(3, run(engine, "SHOW GRANTS ON SCHEMA main.marketing").rows().size());
    }

    @Test
    void describeListsColumnsWithSparkTypeNames() throws SqlError {
        List<List<Object>> rows = run(engine("ready"), "DESCRIBE TABLE main.marketing.users").rows();
        assertEquals(List.of("user_id", "bigint", "Unique identifier for Segment"), rows.get(0));
        assertEquals(List.of("updated_at", "timestamp"), rows.get(8).subList(0, 2));
    }

    @Test
    void useCatalogChangesTheCurrentCatalog() throws SqlError {
        SqlEngine engine = engine("ready");
        SqlSession session = new SqlSession("hive_metastore", "default");
        engine.execute("USE CATALOG main", session);
        assertEquals(List.of(List.of("main")), engine.execute("SELECT current_catalog()", session).rows());
        assertEquals(3, engine.execute("SELECT user_id FROM marketing.users LIMIT 3", session).rows().size());
    }

    @Test
    void legacyAclsUseLegacyTexts() throws SqlError {
        SqlEngine engine = engine("hive-legacy");
        assertEquals(3, run(engine, "SELECT * FROM marketing.users").rows().size());
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have permission USAGE on "
                + "database `sales`. SQLSTATE: 42501", error(engine, "SELECT * FROM hive_metastore.sales.orders"));
        assertEquals("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have permission CREATE on "
                + "CATALOG. SQLSTATE: 42501", error(engine, "CREATE SCHEMA IF NOT EXISTS __segment_reverse_etl"));
    }

    @Test
    void legacyCreateOnCatalogLetsThePrincipalCreateAndUseTheManagedSchema() throws SqlError {
        SqlEngine engine = new SqlEngine(Metastore.of(Scenario.fromJson("""
                { "base": "hive-legacy", "name": "granted",
                  "grants": [ { "on": "CATALOG hive_metastore", "privileges": ["CREATE"] },
                              { "on": "SCHEMA hive_metastore.marketing", "privileges": ["USAGE", "SELECT"] } ] }""",
                "test").spec(), SP), SP, "hive_metastore");
        run(engine, "CREATE SCHEMA IF NOT EXISTS __segment_reverse_etl");
        run(engine, "CREATE TABLE __segment_reverse_etl.probe (id INT)");
        run(engine, "DROP TABLE __segment_reverse_etl.probe");
    }
}
