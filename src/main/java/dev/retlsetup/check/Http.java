package dev.retlsetup.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The tester's own HTTPS calls (OAuth, REST), with the run's trust and short time limits. One per
 * run ({@link ConnectionTestRun#http()}): the client, its TLS context and its connections are reused by
 * every check, which saves a TLS handshake and a selector thread per check.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;

    Http(ConnectionTestRun session) {
        this.client = HttpClient.newBuilder()
                .sslContext(session.sslContext)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static String baseUrl(ConnectionTestRun session) {
        int port = session.settings().port();
        return "https://" + session.settings().host() + (port == 443 ? "" : ":" + port);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(REQUEST_TIMEOUT).header("User-Agent", "retl-setup").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    /** The body as JSON, or empty when it is not JSON (an HTML login page, a proxy error...). */
    static Optional<JsonNode> json(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "HTTP 401: {body}" trimmed to something readable. */
    static String describe(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > 600) {
            body = body.substring(0, 600) + "…";
        }
        return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body);
    }
}
