package dev.retlsetup.check;

import dev.retlsetup.Main;
import dev.retlsetup.source.SourceInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The demo workspace in a child JVM ({@code Main demo-workspace}), so a test can kill it, pause it
 * (SIGSTOP) and resume it (SIGCONT) mid-test as a real workspace or network would fail.
 */
final class DemoProcess implements AutoCloseable {
    private final Process process;
    final int port;
    final String httpPath;
    final String clientId;
    final String secret;
    final Path trustStore;
    final String trustStorePassword;

    private DemoProcess(Process process, String readyLine) {
        this.process = process;
        String[] parts = readyLine.split(" ");
        this.port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
        this.httpPath = value(parts, "http-path");
        this.clientId = value(parts, "client-id");
        this.secret = value(parts, "client-secret");
        this.trustStore = Path.of(value(parts, "trust-store"));
        this.trustStorePassword = value(parts, "trust-store-password");
    }

    /** @param scenario {@code --scenario NAME} or {@code --scenario-file PATH} arguments */
    static DemoProcess start(String... scenario) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "demo-workspace"));
        command.addAll(List.of(scenario));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the demo workspace did not start: " + line);
        }
        return new DemoProcess(process, line);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String value(String[] parts, String key) {
        for (String part : parts) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in the READY line");
    }

    SourceInput input() {
        return new SourceInput("localhost", httpPath, String.valueOf(port), clientId, secret, "main", "main.marketing");
    }

    TrustConfig trust() {
        return new TrustConfig(trustStore, trustStorePassword);
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal by name (KILL, STOP, CONT, INT, TERM) and waits for {@code kill} to deliver it. */
    static void signal(long pid, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void signal(String name) {
        signal(pid(), name);
    }

    /** Kills the workspace and waits until it is gone: nothing answers on its port any more. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The schemas of {@code main}, listed with the real driver on a connection of its own. */
    List<String> schemas() throws SQLException {
        Properties properties = JdbcUrl.properties(dev.retlsetup.source.SourceValidator.validate(input(), false).settings(),
                trust());
        String url = JdbcUrl.url(dev.retlsetup.source.SourceValidator.validate(input(), false).settings());
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW SCHEMAS IN main")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString("databaseName"));
            }
            return names;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            signal(pid(), "CONT");
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            // A workspace killed with SIGKILL could not delete its own trust store; the test cleans up for it.
            java.nio.file.Files.deleteIfExists(trustStore);
        } catch (java.io.IOException e) {
            // Only a temp file: the test's verdict does not depend on it.
        }
    }
}
