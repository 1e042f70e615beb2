package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Catalog;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;

/**
 * hive_metastore table access control: USAGE on the schema (called database in its messages) to do
 * anything inside it, SELECT to read, READ_METADATA to see and describe objects, CREATE on the
 * catalog to create schemas and on a schema to create tables. There is no USE CATALOG.
 */
final class LegacyTableAcl extends AccessPolicy {
    LegacyTableAcl(Metastore store, String principal) {
        super(store, principal);
    }

    @Override
    void checkUseCatalog(Catalog catalog) {
        // Legacy ACLs have no catalog-level gate.
    }

    @Override
    void checkUseSchema(Schema schema) throws SqlError {
        if (!has("USAGE", SecurableType.SCHEMA, schema.key())) {
            throw DatabricksErrors.missingLegacyPermission("USAGE", "database `" + schema.name + "`");
        }
    }

    @Override
    void checkSelect(Table table) throws SqlError {
        checkUseSchema(table.schema);
        if (!has("SELECT", SecurableType.TABLE, table.key())) {
            throw DatabricksErrors.missingLegacyPermission("SELECT", tablePhrase(table));
        }
    }

    @Override
    void checkDescribe(Table table) throws SqlError {
        checkUseSchema(table.schema);
        if (!has("READ_METADATA", SecurableType.TABLE, table.key())) {
            throw DatabricksErrors.missingLegacyPermission("READ_METADATA", tablePhrase(table));
        }
    }

    @Override
    void checkCreateSchema(Catalog catalog) throws SqlError {
        if (!has("CREATE", SecurableType.CATALOG, catalog.name)) {
            throw DatabricksErrors.missingLegacyPermission("CREATE", "CATALOG");
        }
    }

    @Override
    void checkCreateTable(Schema schema) throws SqlError {
        checkUseSchema(schema);
        if (!has("CREATE", SecurableType.SCHEMA, schema.key())) {
            throw DatabricksErrors.missingLegacyPermission("CREATE", "database `" + schema.name + "`");
        }
    }

    @Override
    void checkDropTable(Table table) throws SqlError {
        checkUseSchema(table.schema);
        if (!owns(SecurableType.TABLE, table.key())) {
            throw DatabricksErrors.missingLegacyPermission("OWN", tablePhrase(table));
        }
    }

    @Override
    boolean canSee(SecurableType type, String key) {
        if (type == SecurableType.TABLE) {
            return has("READ_METADATA", type, key) || has("SELECT", type, key);
        }
        return holdsAnyOf(Privileges.LEGACY, type, key);
    }

    private static String tablePhrase(Table table) {
        return "table `" + table.schema.name + "`.`" + table.name + "`";
    }
}
