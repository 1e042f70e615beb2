package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Catalog;
import dev.retlsetup.demo.Metastore.Column;
import dev.retlsetup.demo.Metastore.Grant;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;
import dev.retlsetup.demo.SqlStatement.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the dialect's statements against the {@link Metastore} as the connecting principal, checking
 * privileges with the catalog's {@link AccessPolicy}. Statements are serialized on the metastore
 * (the emulator's load is a handful of statements; correctness beats concurrency here).
 */
final class SqlEngine {
    private final Metastore store;
    private final String defaultPrincipal;
    private final String defaultCatalog;
    private final Queries queries;
    /**
     * Who runs the statement in progress: the session's principal. Set under the metastore's lock,
     * which serializes statements, so one field serves every privilege check of the statement.
     */
    private String principal;

    SqlEngine(Metastore store, String principal, String defaultCatalog) {
        this.store = store;
        this.defaultPrincipal = principal;
        this.principal = principal;
        this.defaultCatalog = defaultCatalog;
        this.queries = new Queries(store, this::readable);
    }

    /** A SELECT of stored rows: checked under the metastore lock, read from the engine after it. */
    private record StoredSelect(String engineSql, List<Column> columns) {
    }

    /**
     * A table the principal may SELECT from (tables and views alike: a view needs SELECT on itself,
     * not on what it reads, as in Unity Catalog), named as written relative to the session.
     */
    private Table readable(List<String> parts, SqlSession session) throws SqlError {
        if (parts.size() > 3) {
            throw DatabricksErrors.tableNotFound(parts.get(0), parts.get(1), String.join(".", parts.subList(2, parts.size())));
        }
        synchronized (store) {
            Table table = table(new Name(parts), session);
            policy(table.schema.catalog).checkSelect(table);
            return table;
        }
    }

    String defaultCatalog() {
        return defaultCatalog;
    }

    QueryResult execute(String sql, SqlSession session) throws SqlError {
        return execute(sql, session, new Execution());
    }

    /**
     * Runs one statement. The hand-written dialect (SHOW, USE, DDL, simple SELECTs) answers first;
     * a query it cannot read (joins, filters, aggregates, CTEs, DESCRIBE QUERY) runs on the SQL
     * engine once every table it names passes the privilege checks.
     */
    QueryResult execute(String sql, SqlSession session, Execution execution) throws SqlError {
        String text = sql.trim();
        String described = Queries.describedQuery(text);
        if (described != null) {
            return queries.describe(described, session);
        }
        SqlStatement statement;
        try {
            statement = SqlParser.parse(text);
        } catch (SqlError e) {
            if (e.errorClass().equals("PARSE_SYNTAX_ERROR") && Queries.isQuery(text)) {
                try {
                    return queries.run(text, session, execution);
                } catch (SqlError queryError) {
                    throw SqlParser.likelierSyntaxError(text, e, queryError);
                }
            }
            throw e;
        }
        if (statement instanceof SqlStatement.SelectFrom s && isView(s.table(), session)) {
            return queries.run(text, session, execution);
        }
        if (statement instanceof SqlStatement.SelectFrom s) {
            StoredSelect select;
            synchronized (store) {
                select = selectFrom(s, session);
            }
            return queries.select(select.engineSql(), select.columns(), execution);
        }
        synchronized (store) {
            principal = session.principal() == null ? defaultPrincipal : session.principal();
            return run(statement, session);
        }
    }

    private boolean isView(Name name, SqlSession session) {
        synchronized (store) {
            try {
                return table(name, session).isView();
            } catch (SqlError e) {
                return false;
            }
        }
    }

    private QueryResult run(SqlStatement statement, SqlSession session) throws SqlError {
        if (statement instanceof SqlStatement.SelectValues s) {
            return selectValues(s, session);
        } else if (statement instanceof SqlStatement.ShowCatalogs) {
            return showCatalogs();
        } else if (statement instanceof SqlStatement.ShowSchemas s) {
            return showSchemas(s, session);
        } else if (statement instanceof SqlStatement.ShowTables s) {
            return showTables(s, session);
        } else if (statement instanceof SqlStatement.UseCatalog s) {
            Catalog catalog = catalog(s.catalog());
            policy(catalog).checkUseCatalog(catalog);
            session.use(catalog.name, "default");
            return QueryResult.empty();
        } else if (statement instanceof SqlStatement.UseSchema s) {
            Schema schema = schema(s.schema(), session);
            policy(schema.catalog).checkUseSchema(schema);
            session.use(schema.catalog.name, schema.name);
            return QueryResult.empty();
        } else if (statement instanceof SqlStatement.Describe s) {
            return describe(s, session);
        } else if (statement instanceof SqlStatement.CreateSchema s) {
            return createSchema(s, session);
        } else if (statement instanceof SqlStatement.CreateTable s) {
            return createTable(s, session);
        } else if (statement instanceof SqlStatement.DropTable s) {
            return dropTable(s, session);
        } else if (statement instanceof SqlStatement.DropSchema s) {
            return dropSchema(s, session);
        } else if (statement instanceof SqlStatement.ShowGrants s) {
            return showGrants(s, session);
        } else if (statement instanceof SqlStatement.Grant s) {
            return GrantStatement.run(s, store, policyResolver(), session, principal);
        } else if (statement instanceof SqlStatement.SetConfig s) {
            return new QueryResult(List.of(QueryResult.column("key", SqlType.STRING),
                    QueryResult.column("value", SqlType.STRING)), List.of(List.of(s.key(), s.value())));
        }
        throw new IllegalStateException("unhandled statement " + statement);
    }

    private QueryResult selectValues(SqlStatement.SelectValues s, SqlSession session) {
        List<Column> columns = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        for (SqlStatement.Value v : s.values()) {
            if (v.function() == null) {
                boolean number = v.literal() instanceof Long;
                long n = number ? (Long) v.literal() : 0;
                boolean fitsInt = number && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
                columns.add(QueryResult.column(v.label(), number ? (fitsInt ? SqlType.INT : SqlType.BIGINT)
                        : SqlType.STRING));
                row.add(fitsInt ? Integer.valueOf((int) n) : v.literal());
            } else {
                columns.add(QueryResult.column(v.label(), SqlType.STRING));
                row.add(switch (v.function()) {
                    case "current_user", "session_user" -> principal;
                    case "current_catalog" -> session.catalog();
                    case "current_schema", "current_database" -> session.schema();
                    default -> "2025.40 (demo workspace)";
                });
            }
        }
        return new QueryResult(columns, List.of(row));
    }

    private StoredSelect selectFrom(SqlStatement.SelectFrom s, SqlSession session) throws SqlError {
        Table table = table(s.table(), session);
        policy(table.schema.catalog).checkSelect(table);
        List<Column> all = table.columns();
        List<Column> columns = new ArrayList<>();
        if (s.columns().isEmpty()) {
            columns.addAll(all);
        } else {
            for (String wanted : s.columns()) {
                int index = columnIndex(table, wanted);
                if (index < 0) {
                    throw DatabricksErrors.unresolvedColumn(wanted, all.stream().map(Column::name).toList());
                }
                columns.add(all.get(index));
            }
        }
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> EngineDatabase.quote(c.name())).toList())
                + " FROM " + EngineDatabase.tableName(table) + (s.limit() == null ? "" : " LIMIT " + s.limit());
        return new StoredSelect(select, columns);
    }

    private static int columnIndex(Table table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private QueryResult showCatalogs() {
        List<List<Object>> rows = new ArrayList<>();
        for (Catalog catalog : store.catalogs()) {
            if (policy(catalog).canSee(SecurableType.CATALOG, catalog.name)) {
                rows.add(List.of(catalog.name));
            }
        }
        return new QueryResult(List.of(QueryResult.column("catalog", SqlType.STRING)), rows);
    }

    private QueryResult showSchemas(SqlStatement.ShowSchemas s, SqlSession session) throws SqlError {
        Catalog catalog = catalog(s.catalog() == null ? session.catalog() : s.catalog());
        AccessPolicy policy = policy(catalog);
        policy.checkUseCatalog(catalog);
        List<List<Object>> rows = new ArrayList<>();
        for (Schema schema : catalog.schemas.values()) {
            if (policy.canSee(SecurableType.SCHEMA, schema.key())) {
                rows.add(List.of(schema.name));
            }
        }
        return new QueryResult(List.of(QueryResult.column("databaseName", SqlType.STRING)), rows);
    }

    private QueryResult showTables(SqlStatement.ShowTables s, SqlSession session) throws SqlError {
        Schema schema = s.schema() == null ? schema(new Name(List.of(session.schema())), session)
                : schema(s.schema(), session);
        AccessPolicy policy = policy(schema.catalog);
        policy.checkUseSchema(schema);
        List<List<Object>> rows = new ArrayList<>();
        for (Table table : schema.tables.values()) {
            if (policy.canSee(SecurableType.TABLE, table.key())) {
                rows.add(List.of(schema.name, table.name, false));
            }
        }
        return new QueryResult(List.of(QueryResult.column("database", SqlType.STRING),
                QueryResult.column("tableName", SqlType.STRING),
                QueryResult.column("isTemporary", SqlType.BOOLEAN)), rows);
    }

    private QueryResult describe(SqlStatement.Describe s, SqlSession session) throws SqlError {
        Table table = table(s.table(), session);
        policy(table.schema.catalog).checkDescribe(table);
        List<List<Object>> rows = new ArrayList<>();
        for (Column column : table.columns()) {
            List<Object> row = new ArrayList<>();
            row.add(column.name());
            row.add(column.type().sqlName());
            row.add(column.comment());
            rows.add(row);
        }
        return new QueryResult(List.of(QueryResult.column("col_name", SqlType.STRING),
                QueryResult.column("data_type", SqlType.STRING),
                QueryResult.column("comment", SqlType.STRING)), rows);
    }

    private QueryResult createSchema(SqlStatement.CreateSchema s, SqlSession session) throws SqlError {
        List<String> parts = s.schema().parts();
        Catalog catalog = catalog(parts.size() == 2 ? parts.get(0) : session.catalog());
        // Checked before existence: CREATE SCHEMA IF NOT EXISTS needs CREATE SCHEMA even when it exists.
        policy(catalog).checkCreateSchema(catalog);
        String name = Metastore.lower(s.schema().last());
        if (catalog.schemas.containsKey(name)) {
            if (s.ifNotExists()) {
                return QueryResult.empty();
            }
            throw DatabricksErrors.schemaAlreadyExists(catalog.name, name);
        }
        Schema schema = new Schema(catalog, name, principal);
        engine(() -> store.engine().createSchema(schema));
        catalog.schemas.put(name, schema);
        return QueryResult.empty();
    }

    private QueryResult createTable(SqlStatement.CreateTable s, SqlSession session) throws SqlError {
        Schema schema = schemaOf(s.table(), session);
        policy(schema.catalog).checkCreateTable(schema);
        String name = Metastore.lower(s.table().last());
        if (schema.tables.containsKey(name)) {
            if (s.ifNotExists()) {
                return QueryResult.empty();
            }
            throw DatabricksErrors.tableAlreadyExists(schema.catalog.name, schema.name, name);
        }
        List<Column> columns = new ArrayList<>();
        for (SqlStatement.ColumnDef def : s.columns()) {
            SqlType type = SqlType.parse(def.type()).orElseThrow(() -> DatabricksErrors.unsupportedDataType(
                    def.type().toUpperCase(Locale.ROOT)));
            columns.add(new Column(Metastore.lower(def.name()), type, null));
        }
        Table table = new Table(schema, name, principal, columns);
        engine(() -> store.engine().createTable(table));
        schema.tables.put(name, table);
        return QueryResult.empty();
    }

    /** A change to the engine's storage that mirrors one to the metastore. */
    private interface EngineChange {
        void apply() throws java.sql.SQLException;
    }

    private void engine(EngineChange change) throws SqlError {
        try {
            change.apply();
        } catch (java.sql.SQLException e) {
            throw DatabricksErrors.engine(e, defaultCatalog, "default");
        }
    }

    /** A lookup that may fail with Databricks' error. */
    private interface Lookup<T> {
        T get() throws SqlError;
    }

    /** The schema for a DROP ... IF EXISTS: null when missing, but a privilege error still surfaces. */
    private static Schema existingSchema(Lookup<Schema> lookup, boolean ifExists) throws SqlError {
        try {
            return lookup.get();
        } catch (SqlError e) {
            if (ifExists && !e.errorClass().equals("INSUFFICIENT_PERMISSIONS")) {
                return null;
            }
            throw e;
        }
    }

    /** The scenario's "the workspace refuses to drop the test's probes" knob. */
    private volatile boolean probeDropsFail;

    void failProbeDrops(boolean fail) {
        probeDropsFail = fail;
    }

    private void refuseProbeDrop(SecurableType type, String key) throws SqlError {
        if (probeDropsFail && key.contains("segment_probe_")) {
            throw DatabricksErrors.notOwner(type, key);
        }
    }

    private QueryResult dropTable(SqlStatement.DropTable s, SqlSession session) throws SqlError {
        Schema schema = existingSchema(() -> schemaOf(s.table(), session), s.ifExists());
        if (schema == null) {
            return QueryResult.empty();
        }
        Table table = schema.tables.get(Metastore.lower(s.table().last()));
        if (table == null) {
            policy(schema.catalog).checkUseSchema(schema);
            if (s.ifExists()) {
                return QueryResult.empty();
            }
            throw DatabricksErrors.tableNotFound(schema.catalog.name, schema.name, Metastore.lower(s.table().last()));
        }
        policy(schema.catalog).checkDropTable(table);
        refuseProbeDrop(SecurableType.TABLE, table.key());
        engine(() -> store.engine().dropTable(table));
        schema.tables.remove(table.name);
        return QueryResult.empty();
    }

    /** Only the owner (for the tester: the principal that created it) may drop a schema. */
    private QueryResult dropSchema(SqlStatement.DropSchema s, SqlSession session) throws SqlError {
        Schema schema = existingSchema(() -> schema(s.schema(), session), s.ifExists());
        if (schema == null) {
            return QueryResult.empty();
        }
        if (!policy(schema.catalog).owns(SecurableType.SCHEMA, schema.key())) {
            throw DatabricksErrors.notOwner(SecurableType.SCHEMA, schema.key());
        }
        refuseProbeDrop(SecurableType.SCHEMA, schema.key());
        engine(() -> store.engine().dropSchema(schema));
        schema.catalog.schemas.remove(schema.name);
        return QueryResult.empty();
    }

    private QueryResult showGrants(SqlStatement.ShowGrants s, SqlSession session) throws SqlError {
        String key = switch (s.type()) {
            case CATALOG -> catalog(s.object().last()).name;
            case SCHEMA -> schema(s.object(), session).key();
            case TABLE -> table(s.object(), session).key();
        };
        List<List<Object>> rows = new ArrayList<>();
        for (Grant grant : store.grants()) {
            if (grant.type() == s.type() && grant.key().equals(key)
                    && (s.principal() == null || grant.principal().equalsIgnoreCase(s.principal()))) {
                rows.add(List.of(grant.principal(), grant.privilege(), s.type().name(), key));
            }
        }
        return new QueryResult(List.of(QueryResult.column("principal", SqlType.STRING),
                QueryResult.column("actionType", SqlType.STRING),
                QueryResult.column("objectType", SqlType.STRING),
                QueryResult.column("objectKey", SqlType.STRING)), rows);
    }

    // --- name resolution: missing objects fail with Databricks' not-found errors ---

    private GrantStatement.Resolver policyResolver() {
        return new GrantStatement.Resolver() {
            @Override
            public AccessPolicy policy(Catalog catalog) {
                return SqlEngine.this.policy(catalog);
            }

            @Override
            public Catalog catalog(String name) throws SqlError {
                return SqlEngine.this.catalog(name);
            }

            @Override
            public Schema schema(Name name, SqlSession session) throws SqlError {
                return SqlEngine.this.schema(name, session);
            }

            @Override
            public Table table(Name name, SqlSession session) throws SqlError {
                return SqlEngine.this.table(name, session);
            }
        };
    }

    private AccessPolicy policy(Catalog catalog) {
        return AccessPolicy.forCatalog(catalog, store, principal);
    }

    private Catalog catalog(String name) throws SqlError {
        return store.catalog(name).orElseThrow(() -> DatabricksErrors.noSuchCatalog(name));
    }

    /** A schema named by 1 part (in the current catalog) or 2 parts. */
    private Schema schema(Name name, SqlSession session) throws SqlError {
        List<String> parts = name.parts();
        Catalog catalog = catalog(parts.size() == 2 ? parts.get(0) : session.catalog());
        String schemaName = Metastore.lower(name.last());
        Schema schema = catalog.schemas.get(schemaName);
        if (schema == null) {
            // Databricks checks USE CATALOG before revealing whether a schema exists.
            policy(catalog).checkUseCatalog(catalog);
            throw DatabricksErrors.schemaNotFound(catalog.name, schemaName);
        }
        return schema;
    }

    /** The schema that holds a 1-, 2- or 3-part table name. */
    private Schema schemaOf(Name table, SqlSession session) throws SqlError {
        List<String> parts = table.parts();
        List<String> schemaParts = switch (parts.size()) {
            case 3 -> parts.subList(0, 2);
            case 2 -> List.of(parts.get(0));
            default -> List.of(session.schema());
        };
        return schema(new Name(schemaParts), session);
    }

    private Table table(Name name, SqlSession session) throws SqlError {
        List<String> parts = name.parts();
        String catalogName = parts.size() == 3 ? parts.get(0) : session.catalog();
        String schemaName = parts.size() >= 2 ? parts.get(parts.size() - 2) : session.schema();
        String tableName = Metastore.lower(name.last());
        Catalog catalog = catalog(catalogName);
        AccessPolicy policy = policy(catalog);
        policy.checkUseCatalog(catalog);
        Schema schema = catalog.schemas.get(Metastore.lower(schemaName));
        if (schema == null) {
            throw DatabricksErrors.tableNotFound(catalog.name, Metastore.lower(schemaName), tableName);
        }
        Table table = schema.tables.get(tableName);
        if (table == null) {
            policy.checkUseSchema(schema);
            throw DatabricksErrors.tableNotFound(catalog.name, schema.name, tableName);
        }
        return table;
    }
}
