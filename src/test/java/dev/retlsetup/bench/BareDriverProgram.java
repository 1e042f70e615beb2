package dev.retlsetup.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * The reference for the whole-process benchmark: a plain JDBC program, run in its own JVM with only
 * the driver jar and this class on the class path, that connects with the URL and properties the
 * tester gives the driver and runs the statements a passing test runs. Imports nothing of the app,
 * so it pays for nothing but the JVM and the driver.
 *
 * <p>Arguments: the JDBC URL, the client id, the trust store, its password, the probe schema's name.
 * The secret comes from {@code DATABRICKS_CLIENT_SECRET}, never from the command line. Prints one
 * line {@code PHASES jvm=.. loaded=.. connected=.. statements=.. closed=..} (milliseconds since the
 * JVM started) on standard error.
 */
public final class BareDriverProgram {
    private BareDriverProgram() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis() - jvmStart;
        String url = args[0];
        Properties properties = properties(args[1], System.getenv("DATABRICKS_CLIENT_SECRET"), args[2], args[3]);
        String probe = args[4];
        Class.forName("com.databricks.client.jdbc.Driver");
        long loadedAt = System.currentTimeMillis() - jvmStart;
        long connectedAt;
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connectedAt = System.currentTimeMillis() - jvmStart;
            statements(connection, probe);
        }
        long closedAt = System.currentTimeMillis() - jvmStart;
        System.err.printf(Locale.ROOT, "PHASES main=%d loaded=%d connected=%d closed=%d%n", mainAt, loadedAt,
                connectedAt, closedAt);
    }

    /** What any program gives the driver: the client credentials and the trust store as it is (PKCS12 with its password). */
    static Properties properties(String clientId, String secret, String trustStore, String trustStorePassword) {
        Properties properties = new Properties();
        properties.setProperty("OAuth2ClientId", clientId);
        properties.setProperty("OAuth2Secret", secret);
        properties.setProperty("SSLTrustStore", trustStore);
        properties.setProperty("SSLTrustStoreType", "PKCS12");
        properties.setProperty("SSLTrustStorePwd", trustStorePassword);
        return properties;
    }

    /**
     * What a passing test does, as the issue names it, in series: {@code SELECT 1}, {@code current_user()},
     * {@code USE CATALOG}, {@code SHOW SCHEMAS}, {@code SHOW TABLES}, {@code SELECT … LIMIT 0}, the
     * probe's {@code CREATE} and {@code DROP}. The in-process benchmark runs the same.
     */
    static void statements(Connection connection, String probe) throws SQLException {
        query(connection, "SELECT 1");
        query(connection, "SELECT current_user()");
        execute(connection, "USE CATALOG main");
        query(connection, "SHOW SCHEMAS IN main");
        query(connection, "SHOW TABLES IN main.marketing");
        query(connection, "SELECT * FROM main.marketing.users LIMIT 0");
        execute(connection, "CREATE SCHEMA " + probe);
        execute(connection, "DROP SCHEMA IF EXISTS " + probe);
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
