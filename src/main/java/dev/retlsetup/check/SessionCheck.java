package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Opens a session through the real Databricks JDBC driver. It runs no statement of its own: the
 * identity check's {@code SELECT current_user()}, right after it, is the first statement and proves
 * the session answers; a {@code SELECT 1} here would prove the same one round trip later.
 */
final class SessionCheck extends BaseCheck {
    static final String ID = "session";
    static final String DRIVER = "com.databricks.client.jdbc.Driver";

    SessionCheck() {
        super(ID, Messages.CHECK.text("check.session.title"), List.of(WarehouseCheck.ID),
                Set.of(Field.HOST, Field.PORT, Field.HTTP_PATH, Field.CLIENT_ID, Field.SECRET), Duration.ofSeconds(90));
    }

    @Override
    public Outcome run(ConnectionTestRun session) throws Exception {
        // The sign-in check's token (it always ran and passed before this one): no second OAuth exchange.
        String token = session.accessToken;
        String url = token != null ? JdbcUrl.withToken(session.settings(), timeout()) : JdbcUrl.url(session.settings(), timeout());
        String tried = Messages.CHECK.text("check.session.tried", url);
        Class.forName(DRIVER);
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, token != null
                    ? JdbcUrl.tokenProperties(token, session.request().trust())
                    : JdbcUrl.properties(session.settings(), session.request().trust()));
        } catch (SQLException e) {
            return session.failure(this, Messages.CHECK.text("check.session.failed"), tried, e);
        }
        if (!session.adoptConnection(connection)) {
            // Cancelled or timed out while the driver was connecting: the late session is already closed.
            return Outcome.cancelled(tried);
        }
        String version = connection.getMetaData().getDriverVersion();
        return Outcome.passed(Messages.CHECK.text("check.session.passed", version), tried);
    }
}
