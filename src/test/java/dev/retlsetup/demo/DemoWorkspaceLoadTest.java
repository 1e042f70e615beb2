package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The demo in its own JVM with a {@value #HEAP_CAP} heap, under oversized bodies, 20 stalled clients
 * and 200 parallel token requests at once, while the real driver connects and queries. Prints the
 * figures: peak heap, response times, how long the stalled clients were held.
 */
class DemoWorkspaceLoadTest {
    private static final String HEAP_CAP = "128m";
    private static final long HEAP_CAP_BYTES = 128L * 1024 * 1024;
    private static final long OVERSIZED_BYTES = 300L * 1024 * 1024;
    private static final int STALLED_CLIENTS = 20;
    private static final int TOKEN_REQUESTS = 200;
    private static final int OVERSIZED_UPLOADS = 4;

    @Test
    void survivesOversizedBodiesStalledClientsAndATokenStormWithinItsHeapAndStillAnswers() throws Exception {
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_CAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                DemoLoadTarget.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Socket> stalled = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(demo.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String[] ready = out.readLine().split(" ");
            assertEquals("READY", ready[0]);
            int port = Integer.parseInt(ready[1]);
            Path trustStore = Path.of(ready[2]);
            SSLContext tls = DemoTls.clientContext(trustStore);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            String url = "https://localhost:" + port;

            // Before the load, on a fresh connection each (as every request of the storm): the baseline.
            List<Long> baseline = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpClient fresh = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
                baseline.add(timedTokenRequest(fresh, url).get(30, TimeUnit.SECONDS));
            }

            long loadStarted = System.nanoTime();
            for (int i = 0; i < STALLED_CLIENTS / 2; i++) {
                stalled.add(stalledHandshake(port));
                stalled.add(stalledHeader(tls, port));
            }
            List<Future<Long>> drops = new ArrayList<>();
            for (Socket socket : stalled) {
                drops.add(pool.submit(() -> awaitServerClose(socket, loadStarted)));
            }
            List<Future<Long>> uploads = new ArrayList<>();
            for (int i = 0; i < OVERSIZED_UPLOADS; i++) {
                uploads.add(pool.submit(() -> oversizedUpload(tls, port, false)));
                uploads.add(pool.submit(() -> oversizedUpload(tls, port, true)));
            }
            List<CompletableFuture<Long>> tokens = new ArrayList<>();
            for (int i = 0; i < TOKEN_REQUESTS; i++) {
                tokens.add(timedTokenRequest(http, url));
            }
            // The normal clients, while all of the above is going on: a fresh HTTPS client and the real driver.
            Future<List<Long>> discovery = pool.submit(() -> timedDiscoveries(tls, url));
            long driverStarted = System.nanoTime();
            Object one = driverQuery(port, trustStore);
            long driverMillis = millisSince(driverStarted);
            List<Long> normal = discovery.get(60, TimeUnit.SECONDS);
            List<Long> tokenMillis = new ArrayList<>();
            for (CompletableFuture<Long> token : tokens) {
                tokenMillis.add(token.get(60, TimeUnit.SECONDS));
            }
            long largestUpload = 0;
            for (Future<Long> upload : uploads) {
                largestUpload = Math.max(largestUpload, upload.get(60, TimeUnit.SECONDS));
            }
            int stillHeld = 0;
            long lastDropped = 0;
            for (Future<Long> drop : drops) {
                long dropped = drop.get(60, TimeUnit.SECONDS);
                stillHeld += dropped < 0 ? 1 : 0;
                lastDropped = Math.max(lastDropped, dropped);
            }

            in.println("heap");
            String[] heap = out.readLine().split(" ");
            assertEquals("HEAP", heap[0]);
            long peak = Long.parseLong(heap[1]);
            System.out.printf("demo load test (-Xmx%s): peak heap in use %.1f MB, live after GC %.1f MB, of %.1f MB max; %d stalled clients, "
                            + "%d still held after %d s, the last dropped at %d ms; %d oversized uploads cut off after the client had "
                            + "written at most %d KB (kernel buffers included); a token request alone: median %d ms; "
                            + "%d in parallel: median %d ms, p95 %d ms, max %d ms; driver connect + SELECT 1 under "
                            + "load %d ms; a new HTTPS client's discovery calls under load: median %d ms, max %d ms%n",
                    HEAP_CAP, peak / 1048576.0, Long.parseLong(heap[2]) / 1048576.0, Long.parseLong(heap[3]) / 1048576.0, STALLED_CLIENTS, stillHeld,
                    ServerLimits.REQUEST_SECONDS + 5, lastDropped, uploads.size(), largestUpload / 1024,
                    percentile(baseline, 50), TOKEN_REQUESTS, percentile(tokenMillis, 50), percentile(tokenMillis, 95),
                    percentile(tokenMillis, 100), driverMillis, percentile(normal, 50), percentile(normal, 100));

            assertTrue(demo.isAlive(), "the demo survived (it exits on OutOfMemoryError)");
            assertTrue(peak < HEAP_CAP_BYTES, "peak heap " + peak);
            assertEquals(1, ((Number) one).intValue());
            assertEquals(0, stillHeld, "every stalled client is disconnected by the request timer");
            assertTrue(largestUpload < 16L * 1024 * 1024, "an oversized body is cut early: " + largestUpload);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
            pool.shutdownNow();
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The first bytes of a TLS record, then silence. */
    private static Socket stalledHandshake(int port) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
        socket.getOutputStream().flush();
        return socket;
    }

    /** A finished handshake and half a request header, then silence. */
    private static Socket stalledHeader(SSLContext tls, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        socket.getOutputStream().write(("GET " + OidcEndpoints.DISCOVERY_PATH + " HTTP/1.1\r\nHost: localhost\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Milliseconds from the load's start until the server closed the socket; -1 if it still holds it. */
    private static long awaitServerClose(Socket socket, long loadStarted) {
        try {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(ServerLimits.REQUEST_SECONDS + 5));
            while (socket.getInputStream().read() >= 0) {
                // A TLS alert may come first; the close is what counts.
            }
            return millisSince(loadStarted);
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            return millisSince(loadStarted);
        }
    }

    /** Ten discovery calls, one every 200 ms, on a client that connects only now. */
    private static List<Long> timedDiscoveries(SSLContext tls, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + OidcEndpoints.DISCOVERY_PATH))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            times.add(millisSince(started));
            Thread.sleep(200);
        }
        return times;
    }

    /** Streams up to 300 MB to the unauthenticated token endpoint; returns how much the server took. */
    private static long oversizedUpload(SSLContext tls, int port, boolean chunked) throws IOException {
        try (Socket socket = tls.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + OidcEndpoints.TOKEN_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + OVERSIZED_BYTES + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            byte[] chunkHeader = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < OVERSIZED_BYTES) {
                    if (chunked) {
                        out.write(chunkHeader);
                    }
                    out.write(block);
                    if (chunked) {
                        out.write(new byte[] {'\r', '\n'});
                    }
                    sent += block.length;
                }
            } catch (IOException e) {
                // The server refused the rest and closed the connection: what it was sent so far is the figure.
            }
            return sent;
        }
    }

    private static CompletableFuture<Long> timedTokenRequest(HttpClient http, String url) {
        String basic = Base64.getEncoder().encodeToString((DemoCredentials.CLIENT_ID + ":" + DemoCredentials.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + OidcEndpoints.TOKEN_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis")).build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            assertEquals(200, answer.statusCode(), answer.body());
            return millisSince(started);
        });
    }

    private static Object driverQuery(int port, Path trustStore) throws Exception {
        String url = "jdbc:databricks://localhost:" + port + ";transportMode=http;ssl=1;UseThriftClient=1"
                + ";httpPath=/sql/1.0/warehouses/" + DemoCredentials.WAREHOUSE_ID + ";AuthMech=11;Auth_Flow=1"
                + ";OAuthDiscoveryURL=https://localhost:" + port + OidcEndpoints.DISCOVERY_PATH
                + ";SSLTrustStore=" + trustStore + ";SSLTrustStorePwd=" + DemoTls.TRUST_STORE_PASSWORD
                + ";SSLTrustStoreType=" + DemoTls.TRUST_STORE_TYPE;
        Properties credentials = new Properties();
        credentials.put("OAuth2ClientId", DemoCredentials.CLIENT_ID);
        credentials.put("OAuth2Secret", DemoCredentials.CLIENT_SECRET);
        try (Connection connection = DriverManager.getConnection(url, credentials);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
