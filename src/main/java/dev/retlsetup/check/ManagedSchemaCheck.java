package dev.retlsetup.check;

import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.SqlIdentifiers;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Segment's own schema, {@code __segment_reverse_etl}: when it exists, a probe table is created
 * and dropped in it; when it does not, a probe schema is created and dropped in the catalog to
 * prove Segment may create it. Nothing is left behind, even when the run is cancelled.
 */
final class ManagedSchemaCheck extends BaseCheck {
    static final String ID = "managed-schema";

    ManagedSchemaCheck() {
        super(ID, Messages.CHECK.text("check.managed.title"), List.of(CatalogCheck.ID), Set.of(), Duration.ofSeconds(60));
    }

    /**
     * Right after the catalog check, whose listing says whether the managed schema exists: beside
     * the schema reads, not after them (they share nothing, and the session's HTTP connections are
     * open by then). A cancel or a fault stops the reads and this CREATE alike; the probe's DROP is
     * registered before the CREATE, so the clean-up removes whatever was made.
     */
    @Override
    public List<String> waitsFor() {
        return List.of(CatalogCheck.ID);
    }

    @Override
    public boolean runsStatements() {
        return true;
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        String catalog = SqlIdentifiers.quote(session.catalog);
        String show = "SHOW SCHEMAS IN " + catalog;
        StringBuilder tried = new StringBuilder(show);
        try {
            // The catalog check listed the schemas moments ago; a second listing would prove nothing new.
            java.util.List<String> schemas = session.catalogSchemas != null ? session.catalogSchemas
                    : Sql.column(session, show, "databaseName", "namespace");
            boolean exists = schemas.stream()
                    .anyMatch(s -> SourceSettings.MANAGED_SCHEMA.equalsIgnoreCase(s));
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            if (exists) {
                String probe = SqlIdentifiers.qualified(session.catalog, SourceSettings.MANAGED_SCHEMA, "segment_probe_" + suffix);
                String proven = Messages.CHECK.text("check.managed.writable", session.catalog + "." + SourceSettings.MANAGED_SCHEMA);
                return createAndDrop(session, tried, probe, "CREATE TABLE " + probe + " (id INT)",
                        "DROP TABLE IF EXISTS " + probe, proven);
            }
            String probe = SqlIdentifiers.qualified(session.catalog, "__segment_probe_" + suffix);
            String proven = Messages.CHECK.text("check.managed.creatable", session.catalog + "." + SourceSettings.MANAGED_SCHEMA);
            return createAndDrop(session, tried, probe, "CREATE SCHEMA " + probe, "DROP SCHEMA IF EXISTS " + probe, proven);
        } catch (SQLException e) {
            return session.failure(this, Messages.CHECK.text("check.managed.failed", session.catalog + "." + SourceSettings.MANAGED_SCHEMA),
                    tried.toString(), e);
        }
    }

    /**
     * CREATE proves the capability; the DROP is clean-up. A DROP that fails is a warning naming the
     * probe (the clean-up at the end of the run tries again and reports it if it stays), never a
     * failure of what the CREATE just proved.
     */
    private static Outcome createAndDrop(ConnectionTestRun session, StringBuilder tried, String probe, String create,
            String drop, String proven) throws SQLException {
        // Registered before CREATE: a cancel mid-statement still drops whatever was made.
        session.addCleanup(drop, () -> Sql.cleanUp(session, drop), probe);
        tried.append('\n').append(create);
        Sql.execute(session, create);
        tried.append('\n').append(drop);
        try {
            Sql.execute(session, drop);
        } catch (SQLException e) {
            if (!session.live()) {
                throw e;
            }
            String why = session.classifier().classify(e).rawText();
            return Outcome.warning(Messages.CHECK.text("check.managed.dropFailed", proven, probe, why), tried.toString(),
                    Messages.CHECK.text("check.managed.dropFailed.explanation"),
                    new Remediation(List.of(Messages.CHECK.text("check.managed.dropFailed.step", drop)), List.of(drop)));
        }
        session.removeCleanup(drop);
        return Outcome.passed(proven, tried.toString());
    }
}
