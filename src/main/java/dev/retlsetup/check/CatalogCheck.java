package dev.retlsetup.check;

import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.source.Field;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which catalog the source uses and what kind it is (Unity Catalog or the legacy
 * hive_metastore), and whether the principal may use it.
 */
final class CatalogCheck extends BaseCheck {
    static final String ID = "catalog";

    CatalogCheck() {
        super(ID, Messages.CHECK.text("check.catalog.title"), List.of(SessionCheck.ID), Set.of(Field.CATALOG),
                Duration.ofSeconds(30));
    }

    @Override
    public boolean runsStatements() {
        return true;
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        String configured = session.settings().catalog();
        StringBuilder tried = new StringBuilder();
        try {
            String catalog = configured;
            if (catalog == null) {
                tried.append("SELECT current_catalog()");
                List<String> rows = Sql.column(session, "SELECT current_catalog()");
                catalog = rows.isEmpty() ? SourceSettings.HIVE_METASTORE : rows.get(0);
            }
            session.catalog = catalog;
            session.catalogKind = CatalogKind.ofCatalog(catalog);
            String quoted = SqlIdentifiers.quote(catalog);
            String use = "USE CATALOG " + quoted;
            String show = "SHOW SCHEMAS IN " + quoted;
            append(tried, use);
            Sql.execute(session, use);
            append(tried, show);
            session.catalogSchemas = Sql.column(session, show, "databaseName", "namespace");
            int schemas = session.catalogSchemas.size();
            String kind = Messages.CHECK.text(session.catalogKind == CatalogKind.HIVE_METASTORE
                    ? "check.catalog.kind.hive" : "check.catalog.kind.uc");
            String summary = Messages.CHECK.text(configured == null ? "check.catalog.passed.default" : "check.catalog.passed",
                    catalog, kind, schemas);
            if (session.catalogKind == CatalogKind.HIVE_METASTORE) {
                return Outcome.warning(summary, tried.toString(), Messages.CHECK.text("check.catalog.hive.explanation"), null);
            }
            return Outcome.passed(summary, tried.toString());
        } catch (SQLException e) {
            return session.failure(this, Messages.CHECK.text("check.catalog.failed", String.valueOf(session.catalog)),
                    tried.toString(), e);
        }
    }

    private static void append(StringBuilder tried, String sql) {
        if (tried.length() > 0) {
            tried.append('\n');
        }
        tried.append(sql);
    }
}
