package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests a client on the user's computer may send by mistake or on purpose: oversized and broken
 * bodies get 413 or 400 with a JSON error (never a Java exception text), and stalled clients do not
 * keep the others out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 5000;
    private DemoWorkspace ws;
    private String token;

    @BeforeAll
    void start() throws Exception {
        ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
        HttpClient http = HttpClient.newBuilder().sslContext(ws.clientSslContext()).build();
        String basic = Base64.getEncoder().encodeToString(
                (ws.clientId() + ":" + ws.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ws.url() + OidcEndpoints.TOKEN_PATH))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(answer.body()).get("access_token").asText();
    }

    @AfterAll
    void stop() {
        ws.close();
    }

    private RawHttps connect() throws IOException {
        return RawHttps.connect(ws.clientSslContext(), ws.port(), TIMEOUT_MILLIS);
    }

    private static String request(String method, String path, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
    }

    private String bearer() {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private static void assertNoJavaText(RawHttps.Response response) {
        assertFalse(response.body().matches("(?s).*(Exception|java\\.|\\tat ).*"), response.body());
    }

    @Test
    void tokenEndpointRefusesADeclaredOversizedBodyBeforeReadingIt() throws Exception {
        try (RawHttps http = connect()) {
            // 300 MB announced, none sent: the answer must come without waiting for the body.
            RawHttps.Response response = http.send(request("POST", OidcEndpoints.TOKEN_PATH,
                    "Content-Type: application/x-www-form-urlencoded\r\n", "Content-Length: 314572800\r\n")).read();
            assertEquals(413, response.status());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("invalid_request", body.get("error").asText());
            assertEquals("Request body exceeds the limit of " + ServerLimits.TOKEN_BODY_BYTES
                    + " bytes for this endpoint.", body.get("error_description").asText());
        }
    }

    @Test
    void tokenEndpointRefusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
        try (RawHttps http = connect()) {
            http.send(request("POST", OidcEndpoints.TOKEN_PATH, "Transfer-Encoding: chunked\r\n"));
            byte[] chunk = ("4000\r\n" + "a".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            http.send(chunk).send(chunk);
            RawHttps.Response response = http.read();
            assertEquals(413, response.status());
            assertEquals("invalid_request", JSON.readTree(response.body()).get("error").asText());
        }
    }

    @Test
    void restAndThriftRefuseBodiesOverTheirLimitsWithDatabricksErrors() throws Exception {
        String[][] cases = {
            {"/api/2.0/sql/warehouses/" + ws.warehouseId() + "/start", Integer.toString(ServerLimits.REST_BODY_BYTES)},
            {ws.httpPath(), Integer.toString(ServerLimits.THRIFT_BODY_BYTES)},
        };
        for (String[] c : cases) {
            try (RawHttps http = connect()) {
                RawHttps.Response response = http.send(request("POST", c[0], bearer(),
                        "Content-Length: " + (Long.parseLong(c[1]) + 1) + "\r\n")).read();
                assertEquals(413, response.status(), c[0]);
                JsonNode body = JSON.readTree(response.body());
                assertEquals("BAD_REQUEST", body.get("error_code").asText());
                assertTrue(body.get("message").asText().contains(c[1] + " bytes"), response.body());
            }
        }
    }

    @Test
    void unauthenticatedCallsAreRefusedWithoutReadingTheirBodies() throws Exception {
        try (RawHttps http = connect()) {
            RawHttps.Response response = http.send(request("POST", ws.httpPath(),
                    "Content-Length: 314572800\r\n")).read();
            assertEquals(401, response.status());
        }
    }

    @Test
    void headersOverTheLimitCloseTheConnection() throws Exception {
        try (RawHttps http = connect()) {
            String big = "X-Big: " + "a".repeat(ServerLimits.MAX_HEADER_BYTES) + "\r\n";
            IOException closed = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> http.send(request("GET", OidcEndpoints.DISCOVERY_PATH, big)).read());
            assertFalse(closed instanceof java.net.SocketTimeoutException, "closed, not left hanging: " + closed);
        }
    }

    @Test
    void badChunkedEncodingIsABadRequest() throws Exception {
        try (RawHttps http = connect()) {
            RawHttps.Response response = http.send(request("POST", OidcEndpoints.TOKEN_PATH,
                    "Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n").read();
            assertEquals(400, response.status());
            assertEquals("invalid_request", JSON.readTree(response.body()).get("error").asText());
            assertNoJavaText(response);
        }
    }

    @Test
    void aBadPercentEscapeInTheTokenFormIsABadRequest() throws Exception {
        String form = "grant_type=client_credentials&client_id=%zz";
        try (RawHttps http = connect()) {
            RawHttps.Response response = http.send(request("POST", OidcEndpoints.TOKEN_PATH,
                    "Content-Type: application/x-www-form-urlencoded\r\n",
                    "Content-Length: " + form.length() + "\r\n") + form).read();
            assertEquals(400, response.status());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("invalid_request", body.get("error").asText());
            assertTrue(body.get("error_description").asText().contains("malformed % escape"), response.body());
            assertNoJavaText(response);
        }
    }

    @Test
    void invalidJsonIsAMalformedRequest() throws Exception {
        String[][] cases = {{"{\"oops", "failed to parse given JSON"}, {"[1, 2]", "expected a map"}};
        for (String[] c : cases) {
            try (RawHttps http = connect()) {
                RawHttps.Response response = http.send(request("POST",
                        "/api/2.0/sql/warehouses/" + ws.warehouseId() + "/start", bearer(),
                        "Content-Type: application/json\r\n", "Content-Length: " + c[0].length() + "\r\n") + c[0]).read();
                assertEquals(400, response.status(), c[0]);
                JsonNode body = JSON.readTree(response.body());
                assertEquals("MALFORMED_REQUEST", body.get("error_code").asText());
                assertTrue(body.get("message").asText().contains(c[1]), response.body());
                assertNoJavaText(response);
            }
        }
    }

    @Test
    void bytesThatAreNotAThriftCallAreABadRequest() throws Exception {
        byte[][] bodies = {
            "SELECT 1".getBytes(StandardCharsets.US_ASCII),
            // A strict binary-protocol header announcing a 2 GB method name.
            {(byte) 0x80, 0x01, 0x00, 0x01, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'O'},
            // A version word only: the call stops short.
            {(byte) 0x80, 0x01, 0x00, 0x01},
        };
        for (byte[] body : bodies) {
            try (RawHttps http = connect()) {
                http.send(request("POST", ws.httpPath(), bearer(), "Content-Type: application/x-thrift\r\n",
                        "Content-Length: " + body.length + "\r\n")).send(body);
                RawHttps.Response response = http.read();
                assertEquals(400, response.status());
                assertTrue(response.body().contains("not a TCLIService binary-protocol call"), response.body());
                assertNoJavaText(response);
            }
        }
    }

    @Test
    void twentyStalledClientsDoNotKeepANormalClientOut() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket handshake = new Socket("localhost", ws.port());
                // The first bytes of a TLS record header, then nothing: a handshake that never finishes.
                handshake.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
                handshake.getOutputStream().flush();
                stalled.add(handshake);
                SSLSocket header = (SSLSocket) ws.clientSslContext().getSocketFactory().createSocket("localhost", ws.port());
                header.setSoTimeout(TIMEOUT_MILLIS);
                header.startHandshake();
                header.getOutputStream().write(request("GET", OidcEndpoints.DISCOVERY_PATH)
                        .replace("\r\n\r\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
                header.getOutputStream().flush();
                stalled.add(header);
            }
            long started = System.nanoTime();
            try (RawHttps http = connect()) {
                assertEquals(200, http.send(request("GET", OidcEndpoints.DISCOVERY_PATH)).read().status());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < TIMEOUT_MILLIS, "answered in " + millis + " ms");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
