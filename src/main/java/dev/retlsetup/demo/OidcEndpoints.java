package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OIDC discovery and the token endpoint, as a workspace serves them under /oidc: client credentials
 * for service principals (the secret as HTTP Basic, what the driver sends, or in the form), checked
 * against the {@link Directory}'s unexpired secrets; and the authorization-code grant of
 * {@link AuthorizeEndpoint}.
 */
final class OidcEndpoints {
    static final String DISCOVERY_PATH = "/oidc/.well-known/oauth-authorization-server";
    static final String TOKEN_PATH = "/oidc/v1/token";

    private final String baseUrl;
    private final AccessTokens tokens;
    private final Directory directory;
    private final AuthorizeEndpoint authorize;

    private final String signInPageUrl;

    /**
     * @param signInPageUrl where the browser is sent to sign in: the demo serves that one page on plain HTTP on
     *                      loopback, so the system browser shows it without a warning about the demo's certificate
     */
    OidcEndpoints(String baseUrl, String signInPageUrl, AccessTokens tokens, Directory directory,
            AuthorizeEndpoint authorize) {
        this.baseUrl = baseUrl;
        this.signInPageUrl = signInPageUrl;
        this.tokens = tokens;
        this.directory = directory;
        this.authorize = authorize;
    }

    void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", baseUrl + "/oidc");
        body.put("authorization_endpoint", signInPageUrl + AuthorizeEndpoint.PATH);
        body.put("token_endpoint", baseUrl + TOKEN_PATH);
        body.put("jwks_uri", baseUrl + "/oidc/v1/keys");
        body.put("scopes_supported", List.of("all-apis", "sql", "offline_access", "openid", "profile", "email"));
        body.put("response_types_supported", List.of("code", "id_token"));
        body.put("grant_types_supported", List.of("client_credentials", "authorization_code", "refresh_token"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        HttpExchanges.sendJson(exchange, 200, body);
    }

    /** {@code body} is the request's form, read by the router within {@link ServerLimits#TOKEN_BODY_BYTES}. */
    void token(HttpExchange exchange, byte[] body) throws IOException, RequestRejected {
        Map<String, String> form = HttpExchanges.form(body);
        if ("authorization_code".equals(form.get("grant_type"))) {
            Map<String, Object> answer = authorize.exchange(form);
            HttpExchanges.sendJson(exchange, answer.containsKey("error") ? 400 : 200, answer);
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            HttpExchanges.sendJson(exchange, 400, oauthError("unsupported_grant_type",
                    "The demo workspace supports grant_type=client_credentials and authorization_code only"));
            return;
        }
        Optional<String[]> basic = HttpExchanges.basicCredentials(exchange);
        String clientId = basic.map(c -> c[0]).orElse(form.get("client_id"));
        String secret = basic.map(c -> c[1]).orElse(form.get("client_secret"));
        boolean valid = clientId != null && directory.authenticate(clientId, secret);
        if (!valid) {
            HttpExchanges.sendJson(exchange, 401, oauthError("invalid_client", "Client authentication failed"));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.issue(clientId));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", AccessTokens.LIFETIME.toSeconds());
        answer.put("scope", form.getOrDefault("scope", "all-apis"));
        HttpExchanges.sendJson(exchange, 200, answer);
    }

    static Map<String, Object> oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }
}
