package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Catalog;
import dev.retlsetup.demo.Metastore.Schema;
import dev.retlsetup.demo.Metastore.Table;
import dev.retlsetup.demo.SqlStatement.Name;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GRANT}: the grantor must own the object (admins own what the {@code admins} group owns) or
 * hold MANAGE on it; the privileges must exist in the catalog's permission model. The grant then
 * changes what the grantee may do on its next statement.
 */
final class GrantStatement {
    /** Name resolution and policies as the engine does them, so errors read the same. */
    interface Resolver {
        AccessPolicy policy(Catalog catalog);

        Catalog catalog(String name) throws SqlError;

        Schema schema(Name name, SqlSession session) throws SqlError;

        Table table(Name name, SqlSession session) throws SqlError;
    }

    private GrantStatement() {
    }

    static QueryResult run(SqlStatement.Grant grant, Metastore store, Resolver resolver, SqlSession session,
                           String grantor) throws SqlError {
        Catalog catalog;
        String key;
        String phrase;
        switch (grant.type()) {
            case CATALOG -> {
                catalog = resolver.catalog(grant.object().last());
                key = catalog.name;
                phrase = "CATALOG";
            }
            case SCHEMA -> {
                Schema schema = resolver.schema(grant.object(), session);
                catalog = schema.catalog;
                key = schema.key();
                phrase = "database `" + schema.name + "`";
            }
            default -> {
                Table table = resolver.table(grant.object(), session);
                catalog = table.schema.catalog;
                key = table.key();
                phrase = "table `" + table.schema.name + "`.`" + table.name + "`";
            }
        }
        Set<String> known = catalog.legacy() ? Privileges.LEGACY : Privileges.UNITY_CATALOG;
        for (String privilege : grant.privileges()) {
            if (!known.contains(privilege)) {
                throw new SqlError("INVALID_PARAMETER_VALUE", "22023", "org.apache.spark.sql.AnalysisException",
                        "[INVALID_PARAMETER_VALUE] Privilege " + privilege + " is not valid for "
                                + grant.type().displayName() + " '" + key + "'. SQLSTATE: 22023");
            }
        }
        AccessPolicy policy = resolver.policy(catalog);
        if (!policy.owns(grant.type(), key) && !policy.has("MANAGE", grant.type(), key)) {
            throw catalog.legacy() ? DatabricksErrors.missingLegacyPermission("OWN", phrase)
                    : DatabricksErrors.missingPrivilege("MANAGE", grant.type(), key);
        }
        String grantee = grant.principal();
        for (String privilege : grant.privileges()) {
            boolean present = store.grants().stream().anyMatch(g -> g.principal().equals(grantee)
                    && g.type() == grant.type() && g.key().equals(key) && g.privilege().equals(privilege));
            if (!present) {
                store.grant(grantee, grant.type(), key, privilege.toUpperCase(Locale.ROOT));
            }
        }
        return QueryResult.empty();
    }
}
