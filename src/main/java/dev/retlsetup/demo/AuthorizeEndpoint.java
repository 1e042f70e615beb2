package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth authorization-code flow with PKCE as a workspace serves it for the Databricks CLI's
 * public client: {@code GET /oidc/v1/authorize} shows "Sign in as the demo admin" with a consent
 * form, {@code POST} (the form) redirects to the client's {@code redirect_uri} with a one-time code
 * and the client's {@code state}, and {@link #exchange} swaps the code for an access token once the
 * {@code code_verifier} matches the S256 challenge.
 */
final class AuthorizeEndpoint {
    static final String PATH = "/oidc/v1/authorize";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    /** The consent form's decisions: sign in as the demo admin, as the demo user who is no admin, or cancel. */
    static final String ALLOW = "allow";
    static final String ALLOW_NOT_ADMIN = "allow-not-admin";

    private final AccessTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    private record Grant(String subject, String clientId, String redirectUri, String challenge, String scope,
                         Instant expires) {
    }

    AuthorizeEndpoint(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** GET shows the consent page; POST is the page's form. */
    void handle(HttpExchange exchange, byte[] body) throws IOException, RequestRejected {
        boolean post = exchange.getRequestMethod().equals("POST");
        Map<String, String> params = post ? HttpExchanges.form(body)
                : HttpExchanges.form(rawQuery(exchange).getBytes(StandardCharsets.UTF_8));
        String redirect = params.get("redirect_uri");
        if (!DemoAdmin.U2M_CLIENT_ID.equals(params.get("client_id"))) {
            page(exchange, 400, errorPage("The application '" + text(params.get("client_id"))
                    + "' is not registered in this workspace."));
            return;
        }
        if (!loopbackRedirect(redirect)) {
            page(exchange, 400, errorPage("The redirect URL '" + text(redirect)
                    + "' is not allowed for databricks-cli: it must be http://localhost:PORT."));
            return;
        }
        String problem = requestProblem(params);
        if (problem != null) {
            redirect(exchange, redirect, Map.of("error", "invalid_request", "error_description", problem),
                    params.get("state"));
            return;
        }
        if (!post) {
            page(exchange, 200, consentPage(params));
            return;
        }
        String decision = params.get("decision");
        String subject = ALLOW.equals(decision) ? DemoAdmin.USER_NAME
                : ALLOW_NOT_ADMIN.equals(decision) ? DemoAdmin.USER_NAME_NOT_ADMIN : null;
        if (subject == null) {
            redirect(exchange, redirect, Map.of("error", "access_denied",
                    "error_description", "The user declined to sign in."), params.get("state"));
            return;
        }
        String code = randomToken();
        codes.put(code, new Grant(subject, DemoAdmin.U2M_CLIENT_ID, redirect, params.get("code_challenge"),
                params.get("scope"), clock.instant().plus(CODE_LIFETIME)));
        redirect(exchange, redirect, Map.of("code", code), params.get("state"));
    }

    /**
     * The token endpoint's {@code grant_type=authorization_code}: a public client (no secret), the
     * code used once, the same redirect URI, and SHA-256(code_verifier) equal to the challenge.
     *
     * @return the token response, or an OAuth error body with {@code "status"} removed by the caller
     */
    Map<String, Object> exchange(Map<String, String> form) {
        String code = form.get("code");
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || clock.instant().isAfter(grant.expires())) {
            return OidcEndpoints.oauthError("invalid_grant", "The authorization code is invalid or has expired.");
        }
        if (!grant.clientId().equals(form.get("client_id")) || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            return OidcEndpoints.oauthError("invalid_grant",
                    "client_id or redirect_uri does not match the authorization request.");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !MessageDigest.isEqual(grant.challenge().getBytes(StandardCharsets.US_ASCII),
                s256(verifier).getBytes(StandardCharsets.US_ASCII))) {
            return OidcEndpoints.oauthError("invalid_grant", "PKCE verification failed: code_verifier does not match.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.issue(grant.subject(), grant.clientId(), AccessTokens.LIFETIME));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", AccessTokens.LIFETIME.toSeconds());
        answer.put("scope", grant.scope());
        return answer;
    }

    private static String requestProblem(Map<String, String> params) {
        if (!"code".equals(params.get("response_type"))) {
            return "response_type must be code";
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || challenge.length() < 43 || !"S256".equals(params.get("code_challenge_method"))) {
            return "PKCE is required: code_challenge with code_challenge_method=S256";
        }
        String scope = params.get("scope");
        List<String> scopes = scope == null ? List.of() : List.of(scope.trim().split("\\s+"));
        if (!scopes.contains("all-apis")) {
            return "scope must include all-apis";
        }
        if (params.get("state") == null || params.get("state").isEmpty()) {
            return "state is required";
        }
        return null;
    }

    /** The Databricks CLI's app allows loopback redirects on any port. */
    private static boolean loopbackRedirect(String redirect) {
        if (redirect == null) {
            return false;
        }
        try {
            URI uri = new URI(redirect);
            return "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost())
                    || "127.0.0.1".equals(uri.getHost())) && uri.getPort() > 0 && uri.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String rawQuery(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query == null ? "" : query;
    }

    private static void redirect(HttpExchange exchange, String redirectUri, Map<String, String> values, String state)
            throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append('?');
        Map<String, String> all = new LinkedHashMap<>(values);
        if (state != null) {
            all.put("state", state);
        }
        all.forEach((k, v) -> location.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        location.setLength(location.length() - 1);
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void page(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpExchanges.send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** A plain, readable page in any browser: the demo's stand-in for the workspace's own sign-in page. */
    private static final String STYLE = "<meta name=\"viewport\" content=\"width=device-width\"><style>"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#f6f8fa;color:#1f2328;"
            + "margin:0;padding:48px 16px}main{max-width:560px;margin:auto;background:#fff;border:1px solid #d0d7de;"
            + "border-radius:8px;padding:24px 28px}h1{font-size:22px;margin:0 0 12px}p{line-height:1.5}"
            + "button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #d0d7de;background:#f6f8fa;"
            + "margin:4px 8px 4px 0;cursor:pointer}button#allow{background:#1f6feb;border-color:#1f6feb;color:#fff}"
            + ".note{color:#57606a;font-size:14px;border-top:1px solid #d0d7de;margin-top:20px;padding-top:12px}"
            + "</style>";

    private static String consentPage(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state",
                "code_challenge", "code_challenge_method")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(text(params.get(name))).append("\">\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in as the demo admin</title>"
                + STYLE + "</head><body><main>\n<h1>Sign in as the demo admin</h1>\n"
                + "<p>Demo workspace. You are signing in as <strong>" + DemoAdmin.DISPLAY_NAME + "</strong> ("
                + DemoAdmin.USER_NAME + "), a workspace admin.</p>\n"
                + "<p>The application <strong>databricks-cli</strong> asks to act on your behalf with the scope <code>"
                + text(params.get("scope")) + "</code>.</p>\n"
                + "<form method=\"post\" action=\"" + PATH + "\">\n" + hidden
                + "<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"" + ALLOW + "\">Allow</button>\n"
                + "<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Cancel</button>\n"
                + "<p class=\"note\">Or try the refusal: sign in as <strong>" + DemoAdmin.DISPLAY_NAME_NOT_ADMIN + "</strong> ("
                + DemoAdmin.USER_NAME_NOT_ADMIN + "), a workspace user who is not an admin.</p>\n"
                + "<button type=\"submit\" id=\"allow-not-admin\" name=\"decision\" value=\"" + ALLOW_NOT_ADMIN
                + "\">Sign in as " + DemoAdmin.DISPLAY_NAME_NOT_ADMIN + "</button>\n"
                + "</form>\n</main></body></html>\n";
    }

    private static String errorPage(String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title>" + STYLE
                + "</head><body><main>\n<h1>Sign-in error</h1>\n<p>" + message + "</p>\n</main></body></html>\n";
    }

    /** HTML-escapes a request value. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
