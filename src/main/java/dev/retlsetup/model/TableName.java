package dev.retlsetup.model;

import dev.retlsetup.diagnose.SqlIdentifiers;
import java.util.List;
import java.util.Locale;

/**
 * A table or view a model reads, fully qualified and lower case, as Databricks shows names
 * ({@code main.sales.orders}).
 */
public record TableName(String catalog, String schema, String table) {
    public TableName {
        catalog = catalog.toLowerCase(Locale.ROOT);
        schema = schema.toLowerCase(Locale.ROOT);
        table = table.toLowerCase(Locale.ROOT);
    }

    /**
     * Resolves a name as written: one part is a table in {@code catalog}'s schema {@code default},
     * two parts are schema.table in {@code catalog}, three are complete. That is how a Databricks
     * session opened on a catalog (with schema {@code default}) reads them.
     */
    public static TableName resolve(List<String> parts, String catalog) {
        return switch (parts.size()) {
            case 1 -> new TableName(catalog, "default", parts.get(0));
            case 2 -> new TableName(catalog, parts.get(0), parts.get(1));
            case 3 -> new TableName(parts.get(0), parts.get(1), parts.get(2));
            default -> throw new IllegalArgumentException("a table name has 1 to 3 parts: " + parts);
        };
    }

    /** {@code catalog.schema.table}. */
    public String fullName() {
        return catalog + "." + schema + "." + table;
    }

    /** The name for SQL, each part quoted when it needs it. */
    public String quoted() {
        return SqlIdentifiers.qualified(catalog, schema, table);
    }

    @Override
    public String toString() {
        return fullName();
    }
}
