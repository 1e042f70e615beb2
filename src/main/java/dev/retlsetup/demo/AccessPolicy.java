package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Catalog;
import dev.retlsetup.demo.Metastore.Grant;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;
import java.util.List;
import java.util.Set;

/**
 * The privilege checks a statement needs, per permission model: Unity Catalog for ordinary catalogs,
 * legacy table ACLs for hive_metastore. Each check throws the error Databricks returns when it fails.
 * Checks run outermost object first (catalog, schema, table), as Databricks reports the first gap.
 */
abstract class AccessPolicy {
    protected final Metastore store;
    protected final String principal;

    AccessPolicy(Metastore store, String principal) {
        this.store = store;
        this.principal = principal;
    }

    static AccessPolicy forCatalog(Catalog catalog, Metastore store, String principal) {
        return catalog.legacy() ? new LegacyTableAcl(store, principal) : new UnityCatalogPrivileges(store, principal);
    }

    /** USE CATALOG c, SHOW SCHEMAS IN c. */
    abstract void checkUseCatalog(Catalog catalog) throws SqlError;

    /** USE SCHEMA s, SHOW TABLES IN s. */
    abstract void checkUseSchema(Schema schema) throws SqlError;

    abstract void checkSelect(Table table) throws SqlError;

    abstract void checkDescribe(Table table) throws SqlError;

    abstract void checkCreateSchema(Catalog catalog) throws SqlError;

    abstract void checkCreateTable(Schema schema) throws SqlError;

    abstract void checkDropTable(Table table) throws SqlError;

    /** SHOW CATALOGS / SCHEMAS / TABLES list only objects the principal holds something on. */
    abstract boolean canSee(SecurableType type, String key);

    /** True when a grant to the principal (or to everyone) of {@code privilege} or ALL PRIVILEGES covers the object. */
    protected boolean has(String privilege, SecurableType type, String key) {
        return store.grants().stream().anyMatch(g -> appliesToMe(g)
                && (g.privilege().equals(privilege) || g.privilege().equals(Privileges.ALL))
                && covers(g, type, key)) || owns(type, key);
    }

    /** Any grant among {@code privileges} on the object, an ancestor or (for containers) a descendant. */
    protected boolean holdsAnyOf(Set<String> privileges, SecurableType type, String key) {
        return owns(type, key) || store.grants().stream().anyMatch(g -> appliesToMe(g)
                && (privileges.contains(g.privilege()) || g.privilege().equals(Privileges.ALL))
                && (covers(g, type, key) || g.key().startsWith(key + ".")));
    }

    protected boolean owns(SecurableType type, String key) {
        for (String k : chain(key)) {
            String owner = ownerOf(k);
            if (principal.equals(owner) || (Directory.isAdmin(principal) && DemoAdmin.ADMINS_GROUP.equals(owner))) {
                return true;
            }
        }
        return false;
    }

    private boolean appliesToMe(Grant grant) {
        return grant.principal().equals(principal) || Privileges.EVERYONE.contains(grant.principal());
    }

    /** A grant covers its object and everything inside it. */
    private static boolean covers(Grant grant, SecurableType type, String key) {
        return chain(key).contains(grant.key()) && grant.type().ordinal() <= type.ordinal();
    }

    /** "c.s.t" → [c, c.s, c.s.t]. */
    private static List<String> chain(String key) {
        String[] parts = key.split("\\.");
        String[] keys = new String[parts.length];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(parts[i]);
            keys[i] = b.toString();
        }
        return List.of(keys);
    }

    private String ownerOf(String key) {
        String[] parts = key.split("\\.");
        Catalog catalog = store.catalog(parts[0]).orElse(null);
        if (catalog == null) {
            return null;
        }
        if (parts.length == 1) {
            return catalog.owner;
        }
        Schema schema = catalog.schemas.get(parts[1]);
        if (schema == null) {
            return null;
        }
        if (parts.length == 2) {
            return schema.owner;
        }
        Table table = schema.tables.get(parts[2]);
        return table == null ? null : table.owner;
    }
}
