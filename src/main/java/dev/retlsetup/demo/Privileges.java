package dev.retlsetup.demo;

import java.util.Set;

/** The privilege names each permission model accepts, and the group names that mean "everyone". */
final class Privileges {
    static final String ALL = "ALL PRIVILEGES";
    static final Set<String> UNITY_CATALOG = Set.of(
            "USE CATALOG", "USE SCHEMA", "SELECT", "MODIFY", "CREATE SCHEMA", "CREATE TABLE", "MANAGE", "BROWSE",
            "EXECUTE", "CREATE FUNCTION", "CREATE VOLUME", "READ VOLUME", "WRITE VOLUME",
            "CREATE MATERIALIZED VIEW", "APPLY TAG", ALL);
    /** hive_metastore table ACLs. */
    static final Set<String> LEGACY = Set.of("USAGE", "SELECT", "READ_METADATA", "CREATE", "MODIFY", ALL);
    /** A grant to one of these applies to every principal. */
    static final Set<String> EVERYONE = Set.of("account users", "users");
    static final String LEGACY_CATALOG = "hive_metastore";

    private Privileges() {
    }

    static boolean isLegacy(String catalog) {
        return LEGACY_CATALOG.equals(catalog);
    }
}
