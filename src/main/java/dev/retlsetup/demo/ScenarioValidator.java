package dev.retlsetup.demo;

import dev.retlsetup.demo.ScenarioSpec.CatalogSpec;
import dev.retlsetup.demo.ScenarioSpec.ColumnSpec;
import dev.retlsetup.demo.ScenarioSpec.GrantSpec;
import dev.retlsetup.demo.ScenarioSpec.SchemaSpec;
import dev.retlsetup.demo.ScenarioSpec.TableSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a parsed scenario for the mistakes JSON cannot catch (unknown types, rows of the wrong
 * width, grants on objects that do not exist), so a bad file fails at load with a precise message
 * instead of confusing the emulator later.
 */
final class ScenarioValidator {
    private static final Set<String> STATES = Set.of("STARTING", "RUNNING", "STOPPING", "STOPPED", "DELETING", "DELETED");

    private ScenarioValidator() {
    }

    static void validate(ScenarioSpec spec) {
        require(spec.name() != null && !spec.name().isBlank(), "\"name\" is required");
        require(STATES.contains(spec.warehouse().state()), "warehouse.state must be one of " + STATES
                + ", not " + spec.warehouse().state());
        require(spec.warehouse().startingDelayMillis() >= 0, "warehouse.startingDelayMillis must be >= 0");
        require(spec.behaviour().latencyMillis() >= 0, "behaviour.latencyMillis must be >= 0");
        Set<String> objects = new HashSet<>();
        for (CatalogSpec catalog : spec.catalogs()) {
            String c = identifier(catalog.name(), "catalog");
            require(objects.add("CATALOG " + c), "catalog " + c + " is listed twice");
            for (SchemaSpec schema : catalog.schemas()) {
                String s = c + "." + identifier(schema.name(), "schema in " + c);
                require(objects.add("SCHEMA " + s), "schema " + s + " is listed twice");
                for (TableSpec table : schema.tables()) {
                    String t = s + "." + identifier(table.name(), "table in " + s);
                    require(objects.add("TABLE " + t), "table " + t + " is listed twice");
                    validateTable(t, table);
                }
            }
        }
        if (spec.defaultCatalog() != null) {
            require(objects.contains("CATALOG " + spec.defaultCatalog().toLowerCase(Locale.ROOT)),
                    "defaultCatalog " + spec.defaultCatalog() + " is not one of the catalogs");
        }
        for (GrantSpec grant : spec.grants()) {
            validateGrant(grant, objects);
        }
    }

    private static void validateTable(String name, TableSpec table) {
        if (table.view() != null) {
            require(!table.view().isBlank(), "view " + name + " needs a query in \"view\"");
            require(table.columns().isEmpty() && table.rows().isEmpty() && table.generate() == null,
                    "view " + name + " takes its columns from its query: give no columns, rows or generate");
            return;
        }
        require(!table.columns().isEmpty(), "table " + name + " has no columns");
        if (table.generate() != null) {
            require(table.generate().rows() >= 0 && table.generate().rows() <= 50_000_000L,
                    "generate.rows of " + name + " must be between 0 and 50000000");
            require(table.generate().values().size() == table.columns().size(), "generate.values of " + name
                    + " needs one expression per column (" + table.columns().size() + ")");
        }
        Set<String> names = new HashSet<>();
        for (ColumnSpec column : table.columns()) {
            String c = identifier(column.name(), "column of " + name);
            require(names.add(c), "column " + c + " of " + name + " is listed twice");
            require(column.type() != null && SqlType.parse(column.type()).isPresent(),
                    "column " + c + " of " + name + " has unknown type " + column.type()
                            + " (use STRING, INT, BIGINT, DOUBLE, BOOLEAN, DATE or TIMESTAMP)");
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            require(row != null && row.size() == table.columns().size(), "row " + (r + 1) + " of " + name
                    + " has " + (row == null ? 0 : row.size()) + " values, expected " + table.columns().size());
            for (int i = 0; i < row.size(); i++) {
                ColumnSpec column = table.columns().get(i);
                try {
                    SqlType.parse(column.type()).orElseThrow().coerce(row.get(i));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("row " + (r + 1) + " of " + name + ": value " + row.get(i)
                            + " does not fit column " + column.name() + " " + column.type());
                }
            }
        }
    }

    private static void validateGrant(GrantSpec grant, Set<String> objects) {
        require(grant.on() != null, "a grant needs \"on\", e.g. \"SCHEMA main.marketing\"");
        String[] parts = grant.on().trim().split("\\s+", 2);
        require(parts.length == 2, "grant on \"" + grant.on() + "\" must be TYPE NAME, e.g. \"SCHEMA main.marketing\"");
        SecurableType type;
        try {
            type = SecurableType.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grant on \"" + grant.on() + "\": type must be CATALOG, SCHEMA or TABLE");
        }
        String key = parts[1].toLowerCase(Locale.ROOT);
        require(objects.contains(type + " " + key), "grant on \"" + grant.on() + "\": no such " + type);
        require(!grant.privileges().isEmpty(), "grant on \"" + grant.on() + "\" lists no privileges");
        boolean legacy = Privileges.isLegacy(key.split("\\.")[0]);
        Set<String> allowed = legacy ? Privileges.LEGACY : Privileges.UNITY_CATALOG;
        for (String privilege : grant.privileges()) {
            require(allowed.contains(privilege.toUpperCase(Locale.ROOT)), "grant on \"" + grant.on() + "\": "
                    + privilege + " is not a " + (legacy ? "hive_metastore table ACL" : "Unity Catalog")
                    + " privilege; use one of " + new java.util.TreeSet<>(allowed));
        }
    }

    private static String identifier(String name, String what) {
        require(name != null && !name.isBlank() && !name.contains(".") && !name.contains("`"),
                what + " needs a name without dots or backticks");
        return name.toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
