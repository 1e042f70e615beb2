package dev.retlsetup.demo;

import dev.retlsetup.demo.ScenarioSpec.CatalogSpec;
import dev.retlsetup.demo.ScenarioSpec.ColumnSpec;
import dev.retlsetup.demo.ScenarioSpec.GrantSpec;
import dev.retlsetup.demo.ScenarioSpec.SchemaSpec;
import dev.retlsetup.demo.ScenarioSpec.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The running workspace's catalogs, schemas, tables (with rows) and grants: a mutable copy of a
 * scenario's data that DDL changes. Names are stored lower-case, as Databricks does. Not
 * thread-safe on its own; {@link SqlEngine} serializes access.
 */
final class Metastore {
    private final Map<String, Catalog> catalogs = new LinkedHashMap<>();
    private final List<Grant> grants = new ArrayList<>();

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
        final List<Column> columns;
        final List<List<Object>> rows;

        Table(Schema schema, String name, String owner, List<Column> columns, List<List<Object>> rows) {
            this.schema = schema;
            this.name = name;
            this.owner = owner;
            this.columns = List.copyOf(columns);
            this.rows = new ArrayList<>(rows);
        }

        String key() {
            return schema.key() + "." + name;
        }
    }

    static Metastore of(ScenarioSpec spec, String principal) {
        Metastore store = new Metastore();
        for (CatalogSpec c : spec.catalogs()) {
            Catalog catalog = new Catalog(lower(c.name()), c.owner());
            store.catalogs.put(catalog.name, catalog);
            for (SchemaSpec s : c.schemas()) {
                Schema schema = new Schema(catalog, lower(s.name()), s.owner());
                catalog.schemas.put(schema.name, schema);
                for (TableSpec t : s.tables()) {
                    List<Column> columns = new ArrayList<>();
                    for (ColumnSpec col : t.columns()) {
                        columns.add(new Column(lower(col.name()), SqlType.parse(col.type()).orElseThrow(),
                                col.comment()));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    for (List<Object> row : t.rows()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 0; i < columns.size(); i++) {
                            values.add(columns.get(i).type().coerce(row.get(i)));
                        }
                        rows.add(values);
                    }
                    schema.tables.put(lower(t.name()), new Table(schema, lower(t.name()), t.owner(), columns, rows));
                }
            }
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
