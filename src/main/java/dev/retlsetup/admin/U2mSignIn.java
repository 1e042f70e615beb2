package dev.retlsetup.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Signs an admin in with OAuth U2M exactly as the Databricks CLI does ({@code databricks auth login},
 * the Go SDK's {@code credentials/u2m}): the public client {@code databricks-cli}, endpoints from the
 * workspace's OIDC discovery, a redirect to {@code http://localhost:8020} (or the next free port up to
 * 8040), scope {@code all-apis} only (no {@code offline_access}: nothing is kept), PKCE S256 with a
 * 64-byte verifier, a 16-byte {@code state} that must come back unchanged, and the code exchanged
 * with the client id in the form. The callback server listens on 127.0.0.1 only and closes after one
 * answer, the time limit, or {@link #cancel()}.
 */
public final class U2mSignIn {
    public static final String CLIENT_ID = "databricks-cli";
    public static final int FIRST_PORT = 8020;
    public static final int LAST_PORT = 8040;
    static final String SCOPE = "all-apis";
    static final String DISCOVERY_PATH = "/oidc/.well-known/oauth-authorization-server";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_LIMIT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final BrowserOpener browser;
    private final int firstPort;
    private final int lastPort;
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile int port;

    public U2mSignIn(SSLContext ssl, BrowserOpener browser) {
        this(ssl, browser, FIRST_PORT, LAST_PORT);
    }

    /** With another port range (tests that must not collide with a real CLI on 8020). */
    U2mSignIn(SSLContext ssl, BrowserOpener browser, int firstPort, int lastPort) {
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(HTTP_LIMIT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.browser = browser;
        this.firstPort = firstPort;
        this.lastPort = lastPort;
    }

    /** Stops a sign-in in progress from any thread: the callback server closes and {@link #signIn} throws. */
    public void cancel() {
        cancelled = true;
        callback.cancel(true);
    }

    /** The port the callback server listens on, 0 before it does. */
    public int port() {
        return port;
    }

    /**
     * Runs the whole flow; blocks until the browser comes back, {@code limit} passes or {@link #cancel()}.
     *
     * @param workspaceUrl {@code https://host[:port]}
     */
    public AdminToken signIn(String workspaceUrl, Duration limit) throws SignInException {
        String base = workspaceUrl.endsWith("/") ? workspaceUrl.substring(0, workspaceUrl.length() - 1) : workspaceUrl;
        JsonNode endpoints = discovery(base);
        String authorize = endpoints.path("authorization_endpoint").asText("");
        String tokenUrl = endpoints.path("token_endpoint").asText("");
        if (authorize.isEmpty() || tokenUrl.isEmpty()) {
            throw new SignInException(SignInException.Reason.DISCOVERY_FAILED,
                    Messages.ADMIN.text("signin.discovery.incomplete", base + DISCOVERY_PATH));
        }
        if (!secureOrLoopback(authorize) || !tokenUrl.startsWith("https://")) {
            throw new SignInException(SignInException.Reason.DISCOVERY_FAILED,
                    Messages.ADMIN.text("signin.discovery.insecure", base + DISCOVERY_PATH));
        }
        String verifier = randomString(64);
        String state = randomString(16);
        HttpServer server = listen();
        try {
            String redirect = "http://localhost:" + port;
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", CLIENT_ID);
            query.put("redirect_uri", redirect);
            query.put("scope", SCOPE);
            query.put("state", state);
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
            URI page = URI.create(authorize + (authorize.contains("?") ? "&" : "?") + form(query));
            server.start();
            if (cancelled) {
                throw cancelledError();
            }
            try {
                browser.open(page);
            } catch (IOException e) {
                throw new SignInException(SignInException.Reason.CANCELLED,
                        Messages.ADMIN.text("signin.browser", e.getMessage() == null ? "" : e.getMessage()));
            }
            Map<String, String> answer = await(limit);
            if (answer.containsKey("error")) {
                throw new SignInException(SignInException.Reason.DENIED, Messages.ADMIN.text("signin.denied",
                        answer.get("error"), answer.getOrDefault("error_description", "")));
            }
            String returned = answer.getOrDefault("state", "");
            if (!MessageDigest.isEqual(returned.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
                throw new SignInException(SignInException.Reason.STATE_MISMATCH, Messages.ADMIN.text("signin.state"));
            }
            String code = answer.get("code");
            if (code == null || code.isEmpty()) {
                throw new SignInException(SignInException.Reason.EXCHANGE_FAILED, Messages.ADMIN.text("signin.noCode"));
            }
            return exchange(tokenUrl, code, redirect, verifier);
        } finally {
            server.stop(0);
        }
    }

    private JsonNode discovery(String base) throws SignInException {
        String url = base + DISCOVERY_PATH;
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_LIMIT).GET().build());
            if (response.statusCode() != 200) {
                throw new SignInException(SignInException.Reason.DISCOVERY_FAILED,
                        Messages.ADMIN.text("signin.discovery.status", url, response.statusCode()));
            }
            return JSON.readTree(response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new SignInException(SignInException.Reason.DISCOVERY_FAILED,
                    Messages.ADMIN.text("signin.discovery.failed", url, e.getClass().getSimpleName()));
        }
    }

    private AdminToken exchange(String tokenUrl, String code, String redirect, String verifier) throws SignInException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirect);
        body.put("code_verifier", verifier);
        body.put("client_id", CLIENT_ID);
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(HTTP_LIMIT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
            return tokenFrom(response);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.EXCHANGE_FAILED,
                    Messages.ADMIN.text("signin.exchange.failed", tokenUrl, e.getClass().getSimpleName()));
        }
    }

    /** The token of an OAuth token endpoint's answer, or why the workspace refused (either grant). */
    static AdminToken tokenFrom(HttpResponse<String> response) throws IOException, SignInException {
        JsonNode json = JSON.readTree(response.body());
        String token = json.path("access_token").asText("");
        if (response.statusCode() != 200 || token.isEmpty()) {
            throw new SignInException(SignInException.Reason.EXCHANGE_FAILED, Messages.ADMIN.text(
                    "signin.exchange.refused", response.statusCode(), json.path("error").asText(""),
                    json.path("error_description").asText("")));
        }
        return AdminToken.of(token);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, SignInException {
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        callback.whenComplete((v, e) -> {
            if (cancelled) {
                future.cancel(true);
            }
        });
        try {
            return future.get(HTTP_LIMIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw cancelledError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledError();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("timed out");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The first free port of the range on 127.0.0.1, as the CLI tries 8020 then 8021… */
    private HttpServer listen() throws SignInException {
        for (int candidate = firstPort; candidate <= lastPort; candidate++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 4);
                server.createContext("/", this::answer);
                server.setExecutor(null);
                port = candidate;
                return server;
            } catch (BindException e) {
                // busy: try the next one
            } catch (IOException e) {
                break;
            }
        }
        throw new SignInException(SignInException.Reason.NO_FREE_PORT,
                Messages.ADMIN.text("signin.noPort", firstPort, lastPort));
    }

    /** The browser's redirect: the first answer with a code or an error is taken, the page says so. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = parse(raw == null ? "" : raw);
            boolean meaningful = params.containsKey("code") || params.containsKey("error");
            String page = !meaningful ? Messages.ADMIN.text("callback.page.waiting")
                    : params.containsKey("error") ? Messages.ADMIN.text("callback.page.error")
                    : Messages.ADMIN.text("callback.page.done");
            byte[] html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Messages.ADMIN.text(
                    "callback.page.title") + "</title><style>body{font-family:system-ui,-apple-system,'Segoe UI',"
                    + "sans-serif;background:#f6f8fa;color:#1f2328;margin:0;padding:64px 16px}p{max-width:520px;"
                    + "margin:auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:20px 24px;"
                    + "font-size:17px;line-height:1.5}</style></head><body><p>" + page + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(meaningful && !params.containsKey("error") ? 200 : 400, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
            if (meaningful) {
                callback.complete(params);
            }
        }
    }

    private Map<String, String> await(Duration limit) throws SignInException {
        try {
            return callback.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw cancelledError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledError();
        } catch (TimeoutException e) {
            throw new SignInException(SignInException.Reason.TIMED_OUT,
                    Messages.ADMIN.text("signin.timeout", limit.toSeconds()));
        } catch (ExecutionException e) {
            throw cancelledError();
        }
    }

    private static SignInException cancelledError() {
        return new SignInException(SignInException.Reason.CANCELLED, Messages.ADMIN.text("signin.cancelled"));
    }

    /**
     * The sign-in page may be plain HTTP only on this computer (the demo workspace's, which a browser opens without
     * a certificate warning); anywhere else it must be HTTPS.
     */
    static boolean secureOrLoopback(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost();
            return "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())
                    && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private String randomString(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String form(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed pair is ignored; the state check catches a tampered answer
            }
        }
        return values;
    }
}
