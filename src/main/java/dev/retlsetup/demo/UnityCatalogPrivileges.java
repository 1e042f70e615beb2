package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Catalog;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Unity Catalog: reading a table needs USE CATALOG + USE SCHEMA + SELECT; creating a schema needs
 * USE CATALOG + CREATE SCHEMA; grants on a container are inherited by everything in it; owners hold
 * every privilege on what they own.
 */
final class UnityCatalogPrivileges extends AccessPolicy {
    private static final Set<String> TABLE_VISIBLE = Set.of("SELECT", "MODIFY", "BROWSE", "MANAGE");
    private static final Set<String> ANY = Privileges.UNITY_CATALOG;
    /** Catalog-only privileges (USE CATALOG, CREATE SCHEMA) do not reveal the schemas inside. */
    private static final Set<String> SCHEMA_VISIBLE = ANY.stream()
            .filter(p -> !p.equals("USE CATALOG") && !p.equals("CREATE SCHEMA")).collect(Collectors.toSet());

    UnityCatalogPrivileges(Metastore store, String principal) {
        super(store, principal);
    }

    @Override
    void checkUseCatalog(Catalog catalog) throws SqlError {
        require("USE CATALOG", SecurableType.CATALOG, catalog.name);
    }

    @Override
    void checkUseSchema(Schema schema) throws SqlError {
        checkUseCatalog(schema.catalog);
        require("USE SCHEMA", SecurableType.SCHEMA, schema.key());
    }

    @Override
    void checkSelect(Table table) throws SqlError {
        checkUseSchema(table.schema);
        require("SELECT", SecurableType.TABLE, table.key());
    }

    @Override
    void checkDescribe(Table table) throws SqlError {
        checkUseSchema(table.schema);
        if (!holdsAnyOf(TABLE_VISIBLE, SecurableType.TABLE, table.key())) {
            throw DatabricksErrors.missingPrivilege("SELECT", SecurableType.TABLE, table.key());
        }
    }

    @Override
    void checkCreateSchema(Catalog catalog) throws SqlError {
        checkUseCatalog(catalog);
        require("CREATE SCHEMA", SecurableType.CATALOG, catalog.name);
    }

    @Override
    void checkCreateTable(Schema schema) throws SqlError {
        checkUseSchema(schema);
        require("CREATE TABLE", SecurableType.SCHEMA, schema.key());
    }

    @Override
    void checkDropTable(Table table) throws SqlError {
        checkUseSchema(table.schema);
        if (!owns(SecurableType.TABLE, table.key()) && !has("MANAGE", SecurableType.TABLE, table.key())) {
            throw DatabricksErrors.notOwner(SecurableType.TABLE, table.key());
        }
    }

    @Override
    boolean canSee(SecurableType type, String key) {
        return holdsAnyOf(switch (type) {
            case CATALOG -> ANY;
            case SCHEMA -> SCHEMA_VISIBLE;
            case TABLE -> TABLE_VISIBLE;
        }, type, key);
    }

    private void require(String privilege, SecurableType type, String key) throws SqlError {
        if (!has(privilege, type, key)) {
            throw DatabricksErrors.missingPrivilege(privilege, type, key);
        }
    }
}
