package dev.retlsetup.diagnose;

import dev.retlsetup.source.SourceSettings;
import java.util.List;

/** The GRANT statements, one place for both dialects. Names are quoted by {@link SqlIdentifiers}. */
final class GrantSql {
    private GrantSql() {
    }

    static String grant(String privileges, String securable, String name, String principalQuoted) {
        return "GRANT " + privileges + " ON " + securable + (name == null ? "" : " " + name) + " TO " + principalQuoted + ";";
    }

    /** Quoted catalog, schema or table name from parts. */
    static String name(List<String> parts) {
        return SqlIdentifiers.qualified(parts.toArray(String[]::new));
    }

    static String useCatalog(CatalogKind kind, String catalog, String sp) {
        return kind == CatalogKind.HIVE_METASTORE
                ? grant("USAGE", "CATALOG", SqlIdentifiers.quote(catalog), sp)
                : grant("USE CATALOG", "CATALOG", SqlIdentifiers.quote(catalog), sp);
    }

    static String useSchema(CatalogKind kind, List<String> schema, String sp) {
        return kind == CatalogKind.HIVE_METASTORE
                ? grant("USAGE", "SCHEMA", name(schema), sp)
                : grant("USE SCHEMA", "SCHEMA", name(schema), sp);
    }

    /** SELECT (legacy: SELECT, READ_METADATA) on a TABLE, SCHEMA or CATALOG. */
    static String select(CatalogKind kind, String securable, List<String> parts, String sp) {
        return grant(kind == CatalogKind.HIVE_METASTORE ? "SELECT, READ_METADATA" : "SELECT", securable, name(parts), sp);
    }

    static String createSchema(CatalogKind kind, String catalog, String sp) {
        return kind == CatalogKind.HIVE_METASTORE
                ? grant("CREATE", "CATALOG", SqlIdentifiers.quote(catalog), sp)
                : grant("CREATE SCHEMA", "CATALOG", SqlIdentifiers.quote(catalog), sp);
    }

    static String createManagedSchema(String catalog) {
        return "CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.qualified(catalog, SourceSettings.MANAGED_SCHEMA) + ";";
    }

    static String allOnManagedSchema(String catalog, String sp) {
        return grant("ALL PRIVILEGES", "SCHEMA", SqlIdentifiers.qualified(catalog, SourceSettings.MANAGED_SCHEMA), sp);
    }
}
