package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceCommandTest {
    private static final Pattern READY = Pattern.compile("READY (https://localhost:\\d+) http-path=(/sql/1\\.0/warehouses/"
            + "[0-9a-f]{16}) client-id=([0-9a-f-]{36}) client-secret=(dose[0-9a-f]{32}) trust-store=(\\S+) "
            + "trust-store-password=(\\S+) admin-token=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Map.of());
    }

    private int runCli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new HashMap<>()).run(args);
    }

    @Test
    void printsOneReadyLineServesUntilStoppedAndCleansUp() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        DemoWorkspaceCommand command = new DemoWorkspaceCommand(stop);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return command.run(List.of("--scenario", "ready"), context());
            } catch (UsageException e) {
                throw new IllegalStateException(e);
            }
        });
        String line = awaitLine();
        Matcher ready = READY.matcher(line);
        assertTrue(ready.matches(), line);
        Path trustStore = Path.of(ready.group(5));
        assertTrue(Files.exists(trustStore));

        HttpClient client = HttpClient.newBuilder().sslContext(trusting(trustStore, ready.group(6))).build();
        HttpResponse<String> discovery = client.send(HttpRequest.newBuilder(
                URI.create(ready.group(1) + "/oidc/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode());
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(ready.group(1)
                        + "/api/2.0/preview/scim/v2/Me")).header("Authorization", "Bearer " + ready.group(7)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"userName\":\"admin@example.com\"") && me.body().contains("\"display\":\"admins\""),
                "the published admin token signs in as the demo admin: " + me.body());

        stop.countDown();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(trustStore), "the truststore temp file is deleted on shutdown");
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count(), "exactly one line on stdout");
    }

    @Test
    void unknownScenarioIsAUsageErrorListingTheNames() {
        assertEquals(2, runCli("demo-workspace", "--scenario", "nope"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown scenario 'nope'; choose one of ready, missing-use-schema"), text);
    }

    @Test
    void badScenarioFileFailsWithExit1AndSaysWhy() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ \"name\": ");
        assertEquals(1, runCli("demo-workspace", "--scenario-file", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("scenario file " + file + " is not a valid scenario"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scenarioAndScenarioFileTogetherIsAUsageError() {
        assertEquals(2, runCli("demo-workspace", "--scenario", "ready", "--scenario-file", "x.json"));
    }

    @Test
    void portMustBeANumberInRange() {
        assertEquals(2, runCli("demo-workspace", "--port", "http"));
        assertEquals(2, runCli("demo-workspace", "--port", "70000"));
    }

    @Test
    void helpListsTheCommandAndItsScenarios() {
        assertEquals(0, runCli("demo-workspace", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("hive-legacy"));
        out.reset();
        assertEquals(0, runCli("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("demo-workspace"));
    }

    private String awaitLine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.contains("\n")) {
                return text.substring(0, text.indexOf('\n')).stripTrailing();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no READY line; stderr: " + err.toString(StandardCharsets.UTF_8));
    }

    private static SSLContext trusting(Path trustStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(trustStore.toFile())) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
