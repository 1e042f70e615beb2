package dev.retlsetup.admin;

import dev.retlsetup.check.HeaderLogs;
import dev.retlsetup.check.JdbcUrl;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.SourceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs statements on the chosen warehouse as the admin, through the real driver with token
 * authentication ({@code AuthMech=3}, user {@code token}, the access token as password). The token
 * travels as a connection property, never in the URL, so no exception text that quotes the URL
 * can carry it. One connection serves a whole plan; {@link #cancel()} stops the statement in flight.
 */
final class AdminSql implements AutoCloseable {
    private final SourceSettings warehouse;
    private final TrustConfig trust;
    private final AdminToken token;
    private final Duration limit;
    private Connection connection;
    private volatile Statement current;
    private volatile boolean cancelled;

    static {
        // Before any URL for the admin's session exists (url() included): no header logger sees the token.
        HeaderLogs.silence();
    }

    AdminSql(SourceSettings warehouse, TrustConfig trust, AdminToken token, Duration limit) {
        this.warehouse = warehouse;
        this.trust = trust;
        this.token = token;
        this.limit = limit;
    }

    static String url(SourceSettings settings, Duration limit) {
        long seconds = Math.max(1, limit.toSeconds());
        return "jdbc:databricks://" + settings.host() + ":" + settings.port()
                + "/default;transportMode=http;ssl=1;AuthMech=3;httpPath=" + settings.httpPath()
                + ";UseThriftClient=1;socketTimeout=" + seconds + ";TemporarilyUnavailableRetryTimeout=" + seconds
                + ";RateLimitRetryTimeout=" + seconds;
    }

    /** The admin's token as the session's password (never in the URL), and the trust. */
    static Properties properties(AdminToken token, TrustConfig trust) {
        Properties properties = new Properties();
        properties.setProperty("UID", "token");
        properties.setProperty("PWD", token.value());
        JdbcUrl.addTrust(properties, trust);
        return properties;
    }

    void execute(String sql) throws SQLException {
        run(sql, false);
    }

    /** The first column of every row a query answers, in order (SHOW CATALOGS, SHOW SCHEMAS IN c). */
    List<String> firstColumn(String sql) throws SQLException {
        return run(sql, true);
    }

    private List<String> run(String sql, boolean read) throws SQLException {
        if (cancelled) {
            throw new SQLException("cancelled");
        }
        if (connection == null) {
            connection = DriverManager.getConnection(url(warehouse, limit), properties(token, trust));
        }
        try (Statement statement = connection.createStatement()) {
            current = statement;
            statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
            List<String> values = new ArrayList<>();
            if (statement.execute(sql) && read) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            }
            return values;
        } finally {
            current = null;
        }
    }

    void cancel() {
        cancelled = true;
        Statement statement = current;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement ended meanwhile
            }
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a session that the server already dropped
            }
            connection = null;
        }
    }
}
