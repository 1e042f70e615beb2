package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Direct HTTPS calls, as the wizard's own checks make them, trusting only the run's truststore. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private DemoWorkspace ready;
    private HttpClient client;

    @BeforeAll
    void start() throws IOException {
        ready = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
        client = client(ready);
    }

    @AfterAll
    void stop() {
        ready.close();
    }

    private static HttpClient client(DemoWorkspace ws) {
        return HttpClient.newBuilder().sslContext(ws.clientSslContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, DemoWorkspace ws, String path, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ws.url() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, DemoWorkspace ws, String path, String token)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ws.url() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> token(HttpClient client, DemoWorkspace ws, String id, String secret)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ws.url() + "/oidc/v1/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(HttpClient client, DemoWorkspace ws) throws Exception {
        return JSON.readTree(token(client, ws, ws.clientId(), ws.clientSecret()).body()).get("access_token").asText();
    }

    @Test
    void discoveryPointsAtTheTokenEndpointOnTheRealPort() throws Exception {
        HttpResponse<String> response = get(client, ready, "/oidc/.well-known/oauth-authorization-server", null);
        assertEquals(200, response.statusCode());
        assertEquals(ready.url() + "/oidc/v1/token", JSON.readTree(response.body()).get("token_endpoint").asText());
    }

    @Test
    void databricksConfigIsAbsent() throws Exception {
        assertEquals(404, get(client, ready, "/.well-known/databricks-config", null).statusCode());
    }

    @Test
    void clientCredentialsGetAOneHourBearerJwt() throws Exception {
        HttpResponse<String> response = token(client, ready, ready.clientId(), ready.clientSecret());
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        assertEquals("all-apis", body.get("scope").asText());
        String[] jwt = body.get("access_token").asText().split("\\.");
        assertEquals(3, jwt.length);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals(ready.url() + "/oidc", claims.get("iss").asText());
        assertTrue(claims.get("exp").asLong() > System.currentTimeMillis() / 1000);
    }

    @Test
    void wrongSecretIsInvalidClientWith401() throws Exception {
        HttpResponse<String> response = token(client, ready, ready.clientId(), "dose" + "0".repeat(32));
        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}",
                response.body());
    }

    @Test
    void expiredSecretIsInvalidClientEvenWhenItIsTheDemoSecret() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("expired-secret"), 0)) {
            HttpResponse<String> response = token(client(ws), ws, ws.clientId(), ws.clientSecret());
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains("invalid_client"));
        }
    }

    @Test
    void warehouseDescribesItselfWithOdbcParams() throws Exception {
        HttpResponse<String> response = get(client, ready, "/api/2.0/sql/warehouses/" + ready.warehouseId(),
                accessToken(client, ready));
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(DemoCredentials.WAREHOUSE_ID, body.get("id").asText());
        assertEquals("RUNNING", body.get("state").asText());
        assertEquals("HEALTHY", body.get("health").get("status").asText());
        assertEquals(ready.httpPath(), body.get("odbc_params").get("path").asText());
        assertEquals(ready.port(), body.get("odbc_params").get("port").asInt());
        assertEquals("localhost", body.get("odbc_params").get("hostname").asText());
        assertEquals("PRO", body.get("warehouse_type").asText());
    }

    @Test
    void unknownWarehouseIsResourceDoesNotExist() throws Exception {
        HttpResponse<String> response = get(client, ready, "/api/2.0/sql/warehouses/0123456789abcdef",
                accessToken(client, ready));
        assertEquals(404, response.statusCode());
        assertEquals("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Warehouse '0123456789abcdef' does "
                + "not exist.\"}", response.body());
    }

    @Test
    void stoppedWarehouseStartsThenRuns() throws Exception {
        Scenario scenario = Scenario.builtIn("stopped-warehouse").withStartingDelay(Duration.ofMillis(300));
        try (DemoWorkspace ws = DemoWorkspace.start(scenario, 0)) {
            HttpClient http = client(ws);
            String token = accessToken(http, ws);
            String path = "/api/2.0/sql/warehouses/" + ws.warehouseId();
            assertEquals("STOPPED", JSON.readTree(get(http, ws, path, token).body()).get("state").asText());
            assertEquals(200, post(http, ws, path + "/start", token).statusCode());
            assertEquals("STARTING", JSON.readTree(get(http, ws, path, token).body()).get("state").asText());
            Thread.sleep(400);
            assertEquals("RUNNING", JSON.readTree(get(http, ws, path, token).body()).get("state").asText());
        }
    }

    @Test
    void startingWarehouseAnswersThriftWith503AndRetryAfter() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("stopped-warehouse"), 0)) {
            HttpClient http = client(ws);
            HttpRequest request = HttpRequest.newBuilder(URI.create(ws.url() + ws.httpPath()))
                    .header("Authorization", "Bearer " + accessToken(http, ws))
                    .header("Content-Type", "application/x-thrift")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
        }
    }

    @Test
    void aThriftCallStartsAStoppedWarehouseAndRestThenShowsItStartingThenRunning() throws Exception {
        Scenario scenario = Scenario.builtIn("stopped-warehouse").withStartingDelay(Duration.ofMillis(300));
        try (DemoWorkspace ws = DemoWorkspace.start(scenario, 0)) {
            HttpClient http = client(ws);
            String token = accessToken(http, ws);
            String path = "/api/2.0/sql/warehouses/" + ws.warehouseId();
            assertEquals("STOPPED", JSON.readTree(get(http, ws, path, token).body()).get("state").asText(),
                    "nothing has reached the warehouse yet");
            HttpRequest thrift = HttpRequest.newBuilder(URI.create(ws.url() + ws.httpPath()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-thrift")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build();
            assertEquals(503, http.send(thrift, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals("STARTING", JSON.readTree(get(http, ws, path, token).body()).get("state").asText());
            Thread.sleep(400);
            assertEquals("RUNNING", JSON.readTree(get(http, ws, path, token).body()).get("state").asText());
        }
    }

    @Test
    void meIsTheServicePrincipalByApplicationId() throws Exception {
        HttpResponse<String> response = get(client, ready, "/api/2.0/preview/scim/v2/Me", accessToken(client, ready));
        assertEquals(200, response.statusCode());
        JsonNode me = JSON.readTree(response.body());
        assertEquals(ready.clientId(), me.get("userName").asText());
        assertEquals("segment-reverse-etl", me.get("displayName").asText());
        assertFalse(me.get("id").asText().equals(ready.clientId()), "the SCIM id is not the application id");
    }

    @Test
    void featureFlagsAreAnEmptyList() throws Exception {
        HttpResponse<String> response = get(client, ready, "/api/2.0/connector-service/feature-flags/OSS_JDBC/3.4.5",
                accessToken(client, ready));
        assertEquals(200, response.statusCode());
        assertEquals(0, JSON.readTree(response.body()).get("flags").size());
    }

    @Test
    void restWithoutTokenIs401AndWithAForgedTokenIs403() throws Exception {
        assertEquals(401, get(client, ready, "/api/2.0/preview/scim/v2/Me", null).statusCode());
        HttpResponse<String> forged = get(client, ready, "/api/2.0/preview/scim/v2/Me", "eyJhbGciOiJub25lIn0.e30.x");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("Invalid access token."));
    }

    @Test
    void unknownEndpointIs404Json() throws Exception {
        HttpResponse<String> response = get(client, ready, "/api/2.0/clusters/list", accessToken(client, ready));
        assertEquals(404, response.statusCode());
        assertEquals("ENDPOINT_NOT_FOUND", JSON.readTree(response.body()).get("error_code").asText());
    }

    @Test
    void ipBlockedWorkspaceAnswersEveryEndpointWithTheAclText() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ip-blocked"), 0)) {
            HttpClient http = client(ws);
            String expected = "{\"error_code\":\"403\",\"message\":\"Source IP address: 127.0.0.1 is blocked by "
                    + "Databricks IP ACL for workspace: " + DemoCredentials.WORKSPACE_ID + "\"}";
            for (String path : new String[] {"/oidc/.well-known/oauth-authorization-server",
                    "/api/2.0/preview/scim/v2/Me", "/api/2.0/sql/warehouses/" + ws.warehouseId(), ws.httpPath()}) {
                HttpResponse<String> response = get(http, ws, path, null);
                assertEquals(403, response.statusCode(), path);
                assertEquals(expected, response.body(), path);
            }
        }
    }

    @Test
    void noWarehouseAccessHidesTheWarehouseFromRest() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-warehouse-access"), 0)) {
            HttpClient http = client(ws);
            HttpResponse<String> response = get(http, ws, "/api/2.0/sql/warehouses/" + ws.warehouseId(),
                    accessToken(http, ws));
            assertEquals(403, response.statusCode());
            assertTrue(response.body().contains("is not authorized to use this SQL Endpoint."), response.body());
        }
    }

    @Test
    void clientsWithoutTheDemoTruststoreAreRefusedByTls() {
        HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        IOException e = assertThrows(IOException.class, () -> get(defaultTrust, ready, "/", null));
        assertTrue(e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException, e.toString());
    }

    @Test
    void closeDeletesTheTruststoreFile() throws Exception {
        DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0);
        Path trustStore = ws.trustStorePath();
        assertTrue(Files.size(trustStore) > 0);
        ws.close();
        assertFalse(Files.exists(trustStore));
        ws.close();
    }
}
