package dev.retlsetup.check;

import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.i18n.Messages;
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
                createAndDrop(session, tried, "CREATE TABLE " + probe + " (id INT)", "DROP TABLE IF EXISTS " + probe);
                return Outcome.passed(Messages.CHECK.text("check.managed.writable", session.catalog + "." + SourceSettings.MANAGED_SCHEMA),
                        tried.toString());
            }
            String probe = SqlIdentifiers.qualified(session.catalog, "__segment_probe_" + suffix);
            createAndDrop(session, tried, "CREATE SCHEMA " + probe, "DROP SCHEMA IF EXISTS " + probe);
            return Outcome.passed(Messages.CHECK.text("check.managed.creatable", session.catalog + "." + SourceSettings.MANAGED_SCHEMA),
                    tried.toString());
        } catch (SQLException e) {
            return Outcome.failed(Messages.CHECK.text("check.managed.failed", session.catalog + "." + SourceSettings.MANAGED_SCHEMA),
                    tried.toString(), session.classifier().classify(e));
        }
    }

    private static void createAndDrop(ConnectionTestRun session, StringBuilder tried, String create, String drop)
            throws SQLException {
        // Registered before CREATE: a cancel mid-statement still drops whatever was made.
        session.addCleanup(drop, () -> Sql.cleanUp(session, drop));
        tried.append('\n').append(create);
        Sql.execute(session, create);
        tried.append('\n').append(drop);
        Sql.execute(session, drop);
        session.removeCleanup(drop);
    }
}
