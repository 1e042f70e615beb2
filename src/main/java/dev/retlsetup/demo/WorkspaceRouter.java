package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The single entry point for every request: applies the scenario's latency and IP block, serves the
 * unauthenticated OIDC endpoints, checks the bearer token, then hands over to Thrift or REST.
 */
final class WorkspaceRouter implements HttpHandler {
    private static final String WAREHOUSE_PATH = "/sql/1.0/warehouses/";
    /** The warehouse's old name; Databricks still serves it. */
    private static final String ENDPOINT_PATH = "/sql/1.0/endpoints/";

    private final ScenarioSpec spec;
    private final AccessTokens tokens;
    private final OidcEndpoints oidc;
    private final RestEndpoints rest;
    private final ThriftEndpoint thrift;

    WorkspaceRouter(ScenarioSpec spec, AccessTokens tokens, OidcEndpoints oidc, RestEndpoints rest,
                    ThriftEndpoint thrift) {
        this.spec = spec;
        this.tokens = tokens;
        this.oidc = oidc;
        this.rest = rest;
        this.thrift = thrift;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            delay(Duration.ofMillis(spec.behaviour().latencyMillis()));
            route(exchange);
        } catch (IOException | RuntimeException e) {
            try {
                HttpExchanges.sendJson(exchange, 500, HttpExchanges.error("INTERNAL_ERROR",
                        "demo workspace failed: " + e));
            } catch (IOException | RuntimeException ignored) {
                // The response was already started; closing below is all that is left to do.
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (spec.behaviour().ipBlocked()) {
            String ip = exchange.getRemoteAddress().getAddress().getHostAddress();
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("403", "Source IP address: " + ip
                    + " is blocked by Databricks IP ACL for workspace: " + spec.workspaceId()));
            return;
        }
        if (path.equals(OidcEndpoints.DISCOVERY_PATH) && method.equals("GET")) {
            oidc.discovery(exchange);
            return;
        }
        if (path.equals(OidcEndpoints.TOKEN_PATH) && method.equals("POST")) {
            oidc.token(exchange);
            return;
        }
        if (path.equals("/.well-known/databricks-config")) {
            notFound(exchange, method, path); // the driver tolerates its absence
            return;
        }
        Optional<String> token = HttpExchanges.bearerToken(exchange);
        if (token.isEmpty()) {
            HttpExchanges.sendJson(exchange, 401, HttpExchanges.error("401",
                    "Credential was not sent or was of an unsupported type for this API."));
            return;
        }
        if (tokens.verify(token.get()).isEmpty()) {
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("403", "Invalid access token."));
            return;
        }
        if (path.startsWith(WAREHOUSE_PATH) || path.startsWith(ENDPOINT_PATH)) {
            String id = path.substring(path.startsWith(WAREHOUSE_PATH) ? WAREHOUSE_PATH.length() : ENDPOINT_PATH.length());
            thrift.handle(exchange, id.endsWith("/") ? id.substring(0, id.length() - 1) : id);
            return;
        }
        if (!rest.handle(exchange, method, path)) {
            notFound(exchange, method, path);
        }
    }

    private static void notFound(HttpExchange exchange, String method, String path) throws IOException {
        HttpExchanges.sendJson(exchange, 404, HttpExchanges.error("ENDPOINT_NOT_FOUND",
                "No API found for '" + method + " " + path + "'"));
    }

    private static void delay(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
