package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The single entry point for every request: reads the body within the called endpoint's limit (and
 * only once the caller is known, except on the token endpoint), applies the scenario's latency and
 * IP block, serves the unauthenticated OIDC endpoints, checks the bearer token, then hands over to
 * Thrift or REST. Refused and failed requests get a JSON error, never a Java exception text.
 */
final class WorkspaceRouter implements HttpHandler {
    private static final String WAREHOUSE_PATH = "/sql/1.0/warehouses/";
    /** The warehouse's old name; Databricks still serves it. */
    private static final String ENDPOINT_PATH = "/sql/1.0/endpoints/";

    private final ScenarioSpec spec;
    private final AccessTokens tokens;
    private final OidcEndpoints oidc;
    /** The exchange attribute that carries the caller's principal (the token's subject) to the answer. */
    private static final String PRINCIPAL = "retl.demo.principal";

    private final RestEndpoints rest;
    private final ThriftEndpoint thrift;
    private final RequestBodies bodies;
    private final AuthorizeEndpoint authorize;
    private final AdminEndpoints admin;
    /** Serving the sign-in page only (the plain-HTTP listener): every other path is not found. */
    private final boolean signInPageOnly;

    WorkspaceRouter(ScenarioSpec spec, AccessTokens tokens, OidcEndpoints oidc, RestEndpoints rest,
                    ThriftEndpoint thrift, RequestBodies bodies, AuthorizeEndpoint authorize, AdminEndpoints admin) {
        this.spec = spec;
        this.tokens = tokens;
        this.oidc = oidc;
        this.authorize = authorize;
        this.admin = admin;
        this.rest = rest;
        this.thrift = thrift;
        this.bodies = bodies;
        this.signInPageOnly = false;
    }

    private WorkspaceRouter(WorkspaceRouter all) {
        this.spec = all.spec;
        this.tokens = all.tokens;
        this.oidc = all.oidc;
        this.authorize = all.authorize;
        this.admin = all.admin;
        this.rest = all.rest;
        this.thrift = all.thrift;
        this.bodies = all.bodies;
        this.signInPageOnly = true;
    }

    /** The same workspace answering only its sign-in page, for the listener a browser opens without TLS. */
    WorkspaceRouter signInPageOnly() {
        return new WorkspaceRouter(this);
    }

    /** Who answers a request, and so how large its body may be and how its errors look. */
    private enum Route {
        BLOCKED(0), DISCOVERY(0), TOKEN(ServerLimits.TOKEN_BODY_BYTES), AUTHORIZE(ServerLimits.TOKEN_BODY_BYTES),
        DATABRICKS_CONFIG(0), NOT_ON_THIS_LISTENER(0),
        UNAUTHENTICATED(0), THRIFT(ServerLimits.THRIFT_BODY_BYTES), REST(ServerLimits.REST_BODY_BYTES);

        final int bodyLimit;

        Route(int bodyLimit) {
            this.bodyLimit = bodyLimit;
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Route route = Route.UNAUTHENTICATED;
        try {
            route = route(exchange, method, path);
            try (RequestBodies.Body body = route.bodyLimit == 0 ? bodies.none() : bodies.read(exchange, route.bodyLimit)) {
                delay(Duration.ofMillis(spec.behaviour().latencyMillis()));
                answer(exchange, route, method, path, body.bytes());
            }
        } catch (RequestRejected rejected) {
            sendQuietly(exchange, rejected, route == Route.TOKEN);
        } catch (IOException e) {
            // The client went away while we answered: there is no one left to tell.
        } catch (RuntimeException e) {
            sendQuietly(exchange, 500, HttpExchanges.error("INTERNAL_ERROR",
                    "The demo workspace could not handle " + method + " " + path + "."));
        } finally {
            exchange.close();
        }
    }

    private Route route(HttpExchange exchange, String method, String path) {
        if (spec.behaviour().ipBlocked()) {
            return Route.BLOCKED;
        }
        if (signInPageOnly) {
            return path.equals(AuthorizeEndpoint.PATH) && (method.equals("GET") || method.equals("POST"))
                    ? Route.AUTHORIZE : Route.NOT_ON_THIS_LISTENER;
        }
        if (path.equals(OidcEndpoints.DISCOVERY_PATH) && method.equals("GET")) {
            return Route.DISCOVERY;
        }
        if (path.equals(OidcEndpoints.TOKEN_PATH) && method.equals("POST")) {
            return Route.TOKEN;
        }
        if (path.equals(AuthorizeEndpoint.PATH) && (method.equals("GET") || method.equals("POST"))) {
            return Route.AUTHORIZE;
        }
        if (path.equals("/.well-known/databricks-config")) {
            return Route.DATABRICKS_CONFIG;
        }
        Optional<String> token = HttpExchanges.bearerToken(exchange);
        Optional<String> principal = token.flatMap(tokens::verify);
        if (principal.isEmpty()) {
            return Route.UNAUTHENTICATED;
        }
        exchange.setAttribute(PRINCIPAL, principal.get());
        return path.startsWith(WAREHOUSE_PATH) || path.startsWith(ENDPOINT_PATH) ? Route.THRIFT : Route.REST;
    }

    private void answer(HttpExchange exchange, Route route, String method, String path, byte[] body)
            throws IOException, RequestRejected {
        switch (route) {
            case BLOCKED -> {
                String ip = exchange.getRemoteAddress().getAddress().getHostAddress();
                HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("403", "Source IP address: " + ip
                        + " is blocked by Databricks IP ACL for workspace: " + spec.workspaceId()));
            }
            case DISCOVERY -> oidc.discovery(exchange);
            case TOKEN -> oidc.token(exchange, body);
            case AUTHORIZE -> authorize.handle(exchange, body);
            case DATABRICKS_CONFIG -> notFound(exchange, method, path); // the driver tolerates its absence
            case NOT_ON_THIS_LISTENER -> notFound(exchange, method, path);
            case UNAUTHENTICATED -> {
                if (HttpExchanges.bearerToken(exchange).isEmpty()) {
                    HttpExchanges.sendJson(exchange, 401, HttpExchanges.error("401",
                            "Credential was not sent or was of an unsupported type for this API."));
                } else {
                    HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("403", "Invalid access token."));
                }
            }
            case THRIFT -> {
                String id = path.substring(path.startsWith(WAREHOUSE_PATH) ? WAREHOUSE_PATH.length() : ENDPOINT_PATH.length());
                thrift.handle(exchange, (String) exchange.getAttribute(PRINCIPAL),
                        id.endsWith("/") ? id.substring(0, id.length() - 1) : id, body);
            }
            case REST -> {
                String principal = (String) exchange.getAttribute(PRINCIPAL);
                if (!admin.handle(exchange, principal, method, path, body)
                        && !rest.handle(exchange, principal, method, path, body)) {
                    notFound(exchange, method, path);
                }
            }
        }
    }

    private static void notFound(HttpExchange exchange, String method, String path) throws IOException {
        HttpExchanges.sendJson(exchange, 404, HttpExchanges.error("ENDPOINT_NOT_FOUND",
                "No API found for '" + method + " " + path + "'"));
    }

    /** The token endpoint speaks OAuth's error shape; everything else Databricks' REST shape. */
    private static void sendQuietly(HttpExchange exchange, RequestRejected rejected, boolean oauth) {
        if (rejected.status() == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        Map<String, Object> body = oauth
                ? OidcEndpoints.oauthError("invalid_request", rejected.getMessage())
                : HttpExchanges.error(rejected.errorCode(), rejected.getMessage());
        sendQuietly(exchange, rejected.status(), body);
    }

    private static void sendQuietly(HttpExchange exchange, int status, Map<String, Object> body) {
        try {
            HttpExchanges.sendJson(exchange, status, body);
        } catch (IOException | RuntimeException ignored) {
            // The response was already started or the client is gone; closing is all that is left to do.
        }
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
