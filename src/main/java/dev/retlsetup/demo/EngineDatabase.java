package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Column;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The warehouse's storage and query engine: an in-memory H2 database holding every table's rows.
 * Each Databricks schema is one H2 schema named {@code "catalog.schema"}, each table keeps its
 * lower-case name, so a rewritten query reads like the original. Privileges are not H2's business:
 * the emulator checks them before a statement reaches the engine.
 */
final class EngineDatabase implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final int INSERT_BATCH = 1000;

    private final String url;
    /** Keeps the in-memory database alive until {@link #close()}. */
    private final Connection keeper;

    private EngineDatabase(String url, Connection keeper) {
        this.url = url;
        this.keeper = keeper;
    }

    static EngineDatabase create() {
        // Unquoted names fold to lower case and match case-insensitively, as in Databricks.
        String url = "jdbc:h2:mem:retl-demo-" + IDS.incrementAndGet()
                + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try {
            Connection keeper = DriverManager.getConnection(url);
            try (Statement s = keeper.createStatement()) {
                s.execute("CREATE DOMAIN IF NOT EXISTS string AS VARCHAR");
                s.execute("CREATE AGGREGATE IF NOT EXISTS count_if FOR \"" + CountIf.class.getName() + "\"");
            }
            return new EngineDatabase(url, keeper);
        } catch (SQLException e) {
            throw new IllegalStateException("the demo workspace's SQL engine did not start: " + e.getMessage(), e);
        }
    }

    /** A new connection for one statement; the caller closes it. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String schemaName(Schema schema) {
        return quote(schema.catalog.name + "." + schema.name);
    }

    static String tableName(Table table) {
        return schemaName(table.schema) + "." + quote(table.name);
    }

    void createSchema(Schema schema) throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS " + schemaName(schema));
    }

    void dropSchema(Schema schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schemaName(schema) + " CASCADE");
    }

    void createTable(Table table) throws SQLException {
        String columns = table.columns().stream().map(c -> quote(c.name()) + " " + c.type().engineType())
                .collect(Collectors.joining(", "));
        execute("CREATE TABLE " + tableName(table) + " (" + columns + ")");
    }

    void dropTable(Table table) throws SQLException {
        execute((table.isView() ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + tableName(table));
    }

    void insert(Table table, List<List<Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String marks = table.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement insert = keeper.prepareStatement("INSERT INTO " + tableName(table) + " VALUES (" + marks + ")")) {
            int pending = 0;
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    insert.setObject(i + 1, row.get(i));
                }
                insert.addBatch();
                if (++pending == INSERT_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Fills a table with {@code rows} rows computed by one expression per column over {@code x} = 1..rows. */
    void generate(Table table, long rows, List<String> expressions) throws SQLException {
        execute("INSERT INTO " + tableName(table) + " SELECT " + String.join(", ", expressions)
                + " FROM SYSTEM_RANGE(1, " + rows + ")");
    }

    /** Creates a view from engine SQL and returns its columns as Databricks would type them. */
    List<Column> createView(Table view, String engineSql) throws SQLException {
        execute("CREATE VIEW " + tableName(view) + " AS " + engineSql);
        try (PreparedStatement probe = keeper.prepareStatement("SELECT * FROM " + tableName(view))) {
            return columns(probe.getMetaData());
        }
    }

    static List<Column> columns(ResultSetMetaData meta) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(QueryResult.column(meta.getColumnLabel(i),
                    SqlType.ofEngine(meta.getColumnType(i), meta.getColumnTypeName(i), meta.getPrecision(i),
                            meta.getScale(i))));
        }
        return columns;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = keeper.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        try (Statement statement = keeper.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // Already gone.
        }
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // Nothing more to release.
        }
    }
}
