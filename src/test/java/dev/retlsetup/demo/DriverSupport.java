package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Connects the real databricks-jdbc driver to a demo workspace the way the wizard will: Thrift over
 * HTTP, OAuth M2M with an explicit discovery URL (the driver ignores the port otherwise), and the
 * run's truststore. Never AllowSelfSignedCerts, never driver debug logging.
 */
final class DriverSupport {
    private DriverSupport() {
    }

    static String jdbcUrl(DemoWorkspace ws, String extra) {
        return "jdbc:databricks://" + ws.host() + ":" + ws.port()
                + ";transportMode=http;ssl=1;UseThriftClient=1"
                + ";httpPath=" + ws.httpPath()
                + ";AuthMech=11;Auth_Flow=1"
                + ";OAuthDiscoveryURL=" + ws.url() + "/oidc/.well-known/oauth-authorization-server"
                + ";SSLTrustStore=" + ws.trustStorePath()
                + ";SSLTrustStorePwd=" + ws.trustStorePassword()
                + ";SSLTrustStoreType=PKCS12"
                + extra;
    }

    static Connection connect(DemoWorkspace ws) throws SQLException {
        return connect(ws, "", ws.clientSecret());
    }

    static Connection connect(DemoWorkspace ws, String extra, String secret) throws SQLException {
        Properties credentials = new Properties();
        // Passed as properties, not in the URL, as the wizard does: the URL may end up in messages.
        credentials.put("OAuth2ClientId", ws.clientId());
        credentials.put("OAuth2Secret", secret);
        return DriverManager.getConnection(jdbcUrl(ws, extra), credentials);
    }

    /** All rows of a query, each as a list of column values (getObject). */
    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static Object single(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).get(0).get(0);
    }

    /** The SQLException a statement fails with (DDL and queries alike, via execute). */
    static SQLException failure(Connection connection, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Message of the exception and all its causes, as a classifier would read them. */
    static String chain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
