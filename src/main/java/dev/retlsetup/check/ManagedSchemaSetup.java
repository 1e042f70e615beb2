package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.ErrorClassifier;
import dev.retlsetup.diagnose.Explanations;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.RemediationWriter;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.source.SourceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Segment's managed schema, {@code <catalog>.__segment_reverse_etl}, through the real
 * driver, on request from the Add step. Blocking: call it off the UI thread.
 */
public final class ManagedSchemaSetup {
    /** What happened: the statement run, whether it worked, and if not, what it means and the fix. */
    public record Result(String statement, boolean created, String message, String explanation,
            Remediation remediation) {
    }

    private ManagedSchemaSetup() {
    }

    /** The statement that will be run, for showing before the user agrees. */
    public static String statement(String catalog) {
        return "CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.qualified(catalog, SourceSettings.MANAGED_SCHEMA);
    }

    /**
     * @param catalog the catalog to create it in; null means the workspace default (asked of the
     *                warehouse with {@code current_catalog()})
     */
    public static Result create(SourceSettings settings, TrustConfig trust, String catalog) {
        ErrorClassifier classifier = ErrorClassifier.withSecrets(settings.secret() == null ? "" : settings.secret());
        String statement = catalog == null ? statement("<default catalog>") : statement(catalog);
        try {
            Class.forName(SessionCheck.DRIVER);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The Databricks JDBC driver is missing from the class path", e);
        }
        try (Connection connection = DriverManager.getConnection(JdbcUrl.url(settings),
                JdbcUrl.properties(settings, trust)); Statement sql = connection.createStatement()) {
            String target = catalog;
            if (target == null) {
                try (ResultSet rows = sql.executeQuery("SELECT current_catalog()")) {
                    target = rows.next() ? rows.getString(1) : SourceSettings.HIVE_METASTORE;
                }
            }
            statement = statement(target);
            sql.execute(statement);
            return new Result(statement, true, Messages.CHECK.text("managed.created", target + "." + SourceSettings.MANAGED_SCHEMA),
                    null, null);
        } catch (SQLException e) {
            Diagnosis diagnosis = classifier.classify(e);
            Explanations explanations = new Explanations();
            Remediation fix = new RemediationWriter(explanations).write(diagnosis, settings.clientId(),
                    catalog == null ? null : CatalogKind.ofCatalog(catalog), catalog);
            return new Result(statement, false, SecretMasker.mask(diagnosis.rawText(), settings.secret()),
                    explanations.explanation(diagnosis), fix);
        }
    }
}
