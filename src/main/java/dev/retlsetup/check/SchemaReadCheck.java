package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.SqlIdentifiers;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Read access to one schema the models query: list its tables (USE CATALOG + USE SCHEMA), then
 * read a table's columns with LIMIT 0 (SELECT), fetching no rows.
 */
final class SchemaReadCheck extends BaseCheck {
    static final String PREFIX = "schema:";
    private final String schema;

    SchemaReadCheck(String schema) {
        super(PREFIX + schema, Messages.CHECK.text("check.schema.title", schema), List.of(CatalogCheck.ID), Set.of(),
                Duration.ofSeconds(60));
        this.schema = schema;
    }

    /** After the identity check too: an empty listing is explained with the principal it found. */
    @Override
    public List<String> waitsFor() {
        return List.of(CatalogCheck.ID, IdentityCheck.ID);
    }

    /** {@code schema} or {@code catalog.schema}, qualified with the run's catalog when needed. */
    String qualified(ConnectionTestRun session) {
        List<String> parts = SqlIdentifiers.parts(schema);
        return parts.size() >= 2 ? SqlIdentifiers.qualified(parts.toArray(String[]::new))
                : SqlIdentifiers.qualified(session.catalog, parts.get(0));
    }

    /**
     * Databricks hides tables the principal holds no privilege on, so an empty listing usually
     * means SELECT is missing. Only when SELECT is granted on the schema or catalog is the schema
     * really empty.
     */
    private static Outcome emptyListing(ConnectionTestRun session, String name, String tried) {
        String principal = session.principal() != null ? session.principal() : session.settings().clientId();
        String sp = SqlIdentifiers.always(principal);
        String catalog = SqlIdentifiers.parts(name).get(0);
        String grantsOnSchema = "SHOW GRANTS " + sp + " ON SCHEMA " + name;
        String grantsOnCatalog = "SHOW GRANTS " + sp + " ON CATALOG " + SqlIdentifiers.quote(catalog);
        String triedAll = tried + "\n" + grantsOnSchema + "\n" + grantsOnCatalog;
        boolean selectGranted;
        try {
            selectGranted = grantsSelect(session, grantsOnSchema) || grantsSelect(session, grantsOnCatalog);
        } catch (SQLException e) {
            selectGranted = false;
        }
        if (selectGranted) {
            return Outcome.warning(Messages.CHECK.text("check.schema.empty", name), triedAll,
                    Messages.CHECK.text("check.schema.empty.explanation"),
                    new Remediation(List.of(Messages.CHECK.text("check.schema.empty.step", name)), List.of()));
        }
        // Phrased as Databricks words a missing grant, so the remediation writer picks the right dialect.
        var diagnosis = session.classifier().classify("User does not have SELECT on Schema '" + name + "'.");
        return Outcome.failed(Messages.CHECK.text("check.schema.hidden", name), triedAll, diagnosis)
                .withRaw(Messages.CHECK.text("check.schema.hidden.raw", name, principal))
                .withExplanation(Messages.CHECK.text("check.schema.hidden.explanation", name));
    }

    private static boolean grantsSelect(ConnectionTestRun session, String sql) throws SQLException {
        return Sql.column(session, sql, "ActionType", "action_type", "privilege").stream()
                .anyMatch(p -> p != null && (p.equalsIgnoreCase("SELECT") || p.equalsIgnoreCase("ALL PRIVILEGES")));
    }

    @Override
    public boolean runsStatements() {
        return true;
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        String name = qualified(session);
        String show = "SHOW TABLES IN " + name;
        String tried = show;
        try {
            List<String> tables = Sql.column(session, show, "tableName");
            if (tables.isEmpty()) {
                return emptyListing(session, name, tried);
            }
            String table = name + "." + SqlIdentifiers.quote(tables.get(0));
            String select = "SELECT * FROM " + table + " LIMIT 0";
            tried = tried + "\n" + select;
            int columns = Sql.columnCount(session, select);
            return Outcome.passed(Messages.CHECK.text("check.schema.passed", name, tables.size(), tables.get(0), columns), tried);
        } catch (SQLException e) {
            return session.failure(this, Messages.CHECK.text("check.schema.failed", name), tried, e);
        }
    }
}
