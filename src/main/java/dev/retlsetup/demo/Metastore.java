package dev.retlsetup.demo;

import dev.retlsetup.demo.ScenarioSpec.CatalogSpec;
import dev.retlsetup.demo.ScenarioSpec.ColumnSpec;
import dev.retlsetup.demo.ScenarioSpec.GrantSpec;
import dev.retlsetup.demo.ScenarioSpec.SchemaSpec;
import dev.retlsetup.demo.ScenarioSpec.TableSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The running workspace's catalogs, schemas, tables, views and grants: a mutable copy of a
 * scenario's objects that DDL changes, whose rows live in an {@link EngineDatabase}. Names are
 * stored lower-case, as Databricks does. Not thread-safe on its own; {@link SqlEngine} serializes
 * changes.
 */
final class Metastore {
    private final Map<String, Catalog> catalogs = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final EngineDatabase engine;

    private Metastore(EngineDatabase engine) {
        this.engine = engine;
    }

    record Column(String name, SqlType type, String comment) {
    }

    record Grant(String principal, SecurableType type, String key, String privilege) {
    }

    static final class Catalog {
        final String name;
        final String owner;
        final Map<String, Schema> schemas = new LinkedHashMap<>();

        Catalog(String name, String owner) {
            this.name = name;
            this.owner = owner;
        }

        boolean legacy() {
            return Privileges.isLegacy(name);
        }
    }

    static final class Schema {
        final Catalog catalog;
        final String name;
        final String owner;
        final Map<String, Table> tables = new LinkedHashMap<>();

        Schema(Catalog catalog, String name, String owner) {
            this.catalog = catalog;
            this.name = name;
            this.owner = owner;
        }

        String key() {
            return catalog.name + "." + name;
        }
    }

    static final class Table {
        final Schema schema;
        final String name;
        final String owner;
        /** The view's definition as written (Databricks SQL), or null for a table. */
        final String viewSql;
        private List<Column> columns;

        Table(Schema schema, String name, String owner, List<Column> columns) {
            this(schema, name, owner, columns, null);
        }

        Table(Schema schema, String name, String owner, List<Column> columns, String viewSql) {
            this.schema = schema;
            this.name = name;
            this.owner = owner;
            this.columns = List.copyOf(columns);
            this.viewSql = viewSql;
        }

        String key() {
            return schema.key() + "." + name;
        }

        boolean isView() {
            return viewSql != null;
        }

        List<Column> columns() {
            return columns;
        }

        /** A view's columns are known once the engine has compiled it. */
        void columns(List<Column> compiled) {
            this.columns = List.copyOf(compiled);
        }
    }

    /** The scenario's objects, with every table's rows loaded into a new engine database. */
    static Metastore of(ScenarioSpec spec, String principal) {
        Metastore store = new Metastore(EngineDatabase.create());
        try {
            store.load(spec);
        } catch (SQLException | SqlError e) {
            store.close();
            throw new InvalidScenarioException("scenario " + spec.name() + " could not be loaded into the SQL engine: "
                    + e.getMessage(), e);
        }
        for (GrantSpec g : spec.grants()) {
            String[] parts = g.on().trim().split("\\s+", 2);
            String grantee = g.principal() == null ? principal : g.principal();
            for (String privilege : g.privileges()) {
                store.grants.add(new Grant(grantee, SecurableType.parse(parts[0]), lower(parts[1]),
                        privilege.toUpperCase(Locale.ROOT)));
            }
        }
        return store;
    }

    private void load(ScenarioSpec spec) throws SQLException, SqlError {
        List<Table> views = new ArrayList<>();
        for (CatalogSpec c : spec.catalogs()) {
            Catalog catalog = new Catalog(lower(c.name()), c.owner());
            catalogs.put(catalog.name, catalog);
            for (SchemaSpec s : c.schemas()) {
                Schema schema = new Schema(catalog, lower(s.name()), s.owner());
                catalog.schemas.put(schema.name, schema);
                engine.createSchema(schema);
                for (TableSpec t : s.tables()) {
                    if (t.view() != null) {
                        Table view = new Table(schema, lower(t.name()), t.owner(), List.of(), t.view());
                        schema.tables.put(view.name, view);
                        views.add(view);
                        continue;
                    }
                    List<Column> columns = new ArrayList<>();
                    for (ColumnSpec col : t.columns()) {
                        columns.add(new Column(lower(col.name()), SqlType.parse(col.type()).orElseThrow(),
                                col.comment()));
                    }
                    Table table = new Table(schema, lower(t.name()), t.owner(), columns);
                    schema.tables.put(table.name, table);
                    engine.createTable(table);
                    List<List<Object>> rows = new ArrayList<>();
                    for (List<Object> row : t.rows()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) {
                            values.add(columns.get(i).type().coerce(row.get(i)));
                        }
                        rows.add(values);
                    }
                    engine.insert(table, rows);
                    if (t.generate() != null) {
                        engine.generate(table, t.generate().rows(), t.generate().values());
                    }
                }
            }
        }
        // Views last, in file order: a view may read any table (and any earlier view) of the scenario.
        for (Table view : views) {
            String sql = QueryRewriter.rewrite(view.viewSql, parts -> definedObject(view.schema, parts));
            view.columns(engine.createView(view, sql));
        }
    }

    /** A name in a view's definition, relative to the view's own catalog and schema. */
    private Table definedObject(Schema home, List<String> parts) throws SqlError {
        String catalogName = parts.size() == 3 ? lower(parts.get(0)) : home.catalog.name;
        String schemaName = parts.size() >= 2 ? lower(parts.get(parts.size() - 2)) : home.name;
        String tableName = lower(parts.get(parts.size() - 1));
        Catalog catalog = catalogs.get(catalogName);
        Schema schema = catalog == null ? null : catalog.schemas.get(schemaName);
        Table table = schema == null ? null : schema.tables.get(tableName);
        if (table == null) {
            throw DatabricksErrors.tableNotFound(catalogName, schemaName, tableName);
        }
        return table;
    }

    EngineDatabase engine() {
        return engine;
    }

    /** Frees the engine's memory. */
    void close() {
        engine.close();
    }

    Collection<Catalog> catalogs() {
        return catalogs.values();
    }

    Optional<Catalog> catalog(String name) {
        return Optional.ofNullable(catalogs.get(lower(name)));
    }

    List<Grant> grants() {
        return grants;
    }

    void grant(String principal, SecurableType type, String key, String privilege) {
        grants.add(new Grant(principal, type, key, privilege));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
