package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/** Runs the real {@link ConnectionTester} (real driver, real HTTPS) against demo workspaces. */
final class DemoRuns {
    static final String CLIENT_ID = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";

    private DemoRuns() {
    }

    static DemoWorkspace start(String scenario) {
        return start(Scenario.builtIn(scenario));
    }

    static DemoWorkspace start(Scenario scenario) {
        try {
            return DemoWorkspace.start(scenario, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields as a user would type them for this workspace. */
    static SourceInput input(DemoWorkspace ws, String catalog, String schemas) {
        return new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(), ws.clientSecret(),
                catalog, schemas);
    }

    static SourceInput input(DemoWorkspace ws) {
        return input(ws, "main", "main.marketing");
    }

    static TrustConfig trust(DemoWorkspace ws) {
        return new TrustConfig(ws.trustStorePath(), ws.trustStorePassword());
    }

    static ConnectionTestRequest request(DemoWorkspace ws) {
        return request(input(ws), trust(ws));
    }

    static ConnectionTestRequest request(DemoWorkspace ws, String catalog, String schemas) {
        return request(input(ws, catalog, schemas), trust(ws));
    }

    /** A request for typed settings, validated as the command line does (schemas optional). */
    static ConnectionTestRequest request(SourceInput typed, TrustConfig trust) {
        return ConnectionTestRequest.of(SourceValidator.validate(typed, false), trust);
    }

    static ConnectionTestReport run(ConnectionTestRequest request) {
        return new ConnectionTester().run(request, ConnectionTestListener.NONE);
    }

    static CheckResult result(ConnectionTestReport report, String id) {
        return report.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + ids(report)));
    }

    static List<String> ids(ConnectionTestReport report) {
        return report.checks().stream().map(c -> c.id() + "=" + c.status()).toList();
    }

    /** A port nothing listens on (bound, then released). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every check before {@code id} passed (or warned); {@code id} has this status. */
    static void assertPassedUpTo(ConnectionTestReport report, String id) {
        for (CheckResult check : report.checks()) {
            if (check.id().equals(id)) {
                return;
            }
            assertTrue(check.status() == CheckStatus.PASSED || check.status() == CheckStatus.WARNING,
                    () -> check.id() + " should pass before " + id + ": " + ids(report) + " " + check.detail());
        }
    }

    /** Each check after {@code id} that depends on it (directly or not) is skipped, naming what it waits for. */
    static void assertSkippedWithReason(ConnectionTestReport report, String... ids) {
        for (String id : ids) {
            CheckResult check = result(report, id);
            assertEquals(CheckStatus.SKIPPED, check.status(), () -> id + ": " + ids(report));
            assertNotNull(check.summary());
            assertTrue(check.summary().startsWith("Skipped"), check.summary());
            assertEquals(null, check.category(), id);
            assertEquals(null, check.remediation(), id);
        }
    }

    /** The secret, and the Basic header made from it, appear nowhere in the report or its JSON. */
    static void assertNoSecret(ConnectionTestReport report, String secret) {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        for (CheckResult c : report.checks()) {
            texts.addAll(java.util.Arrays.asList(c.id(), c.title(), c.summary(), c.tried(), c.raw(), c.explanation(),
                    c.detail()));
            if (c.remediation() != null) {
                texts.addAll(c.remediation().steps());
                texts.addAll(c.remediation().sql());
            }
        }
        texts.add(report.principal());
        texts.add(ConnectionTestJson.write(report));
        for (String text : texts) {
            if (text != null) {
                assertFalse(text.contains(secret), () -> "secret leaked in: " + text);
                assertFalse(text.contains(basic), () -> "basic credentials leaked in: " + text);
            }
        }
    }

    /** A fresh driver connection to the workspace, independent of the tester. */
    static Connection connect(DemoWorkspace ws) throws SQLException {
        Properties credentials = new Properties();
        credentials.put("OAuth2ClientId", ws.clientId());
        credentials.put("OAuth2Secret", ws.clientSecret());
        return DriverManager.getConnection(ws.jdbcUrl(), credentials);
    }

    /** The first column of each row. */
    static List<String> column(DemoWorkspace ws, String sql) throws SQLException {
        try (Connection connection = connect(ws); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            int index = 1;
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                String label = rows.getMetaData().getColumnLabel(i);
                if (label.equalsIgnoreCase("databaseName") || label.equalsIgnoreCase("tableName")) {
                    index = i;
                }
            }
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(index));
            }
            return values;
        }
    }
}
