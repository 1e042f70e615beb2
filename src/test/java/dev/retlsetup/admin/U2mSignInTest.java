package dev.retlsetup.admin;

import dev.retlsetup.testing.TestBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The U2M sign-in end to end against the demo workspace, the browser played by an HTTP client. */
class U2mSignInTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static DemoWorkspace ws;

    @BeforeAll
    static void start() {
        ws = AdminDemo.start("ready");
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    @Test
    void signsInAsTheDemoAdminLikeTheDatabricksCli() throws Exception {
        AtomicReference<URI> opened = new AtomicReference<>();
        TestBrowser browser = TestBrowser.allowing(ws.clientSslContext());
        U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), uri -> {
            opened.set(uri);
            browser.open(uri);
        });
        AdminToken token = signIn.signIn(ws.url(), LIMIT);

        Map<String, String> query = query(opened.get());
        assertEquals(ws.signInUrl() + "/oidc/v1/authorize", opened.get().toString().substring(0, opened.get().toString().indexOf('?')));
        assertEquals("databricks-cli", query.get("client_id"));
        assertEquals("all-apis", query.get("scope"), "all-apis only: no offline_access, nothing is kept");
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals("code", query.get("response_type"));
        assertTrue(query.get("redirect_uri").matches("http://localhost:80(2\\d|3\\d|40)"), query.get("redirect_uri"));
        assertEquals(43, query.get("code_challenge").length(), "base64url of a SHA-256");
        assertTrue(browser.pages.get(0).contains("Sign in as the demo admin"), browser.pages.get(0));
        assertEquals(200, browser.callbackStatus);

        WorkspaceApi api = new WorkspaceApi(ws.url(), ws.clientSslContext(), token, LIMIT);
        AdminIdentity me = api.me();
        assertEquals("admin@example.com", me.userName());
        assertTrue(me.admin(), "the demo admin is in the admins group");
        assertEquals("AdminToken[********]", token.toString());
        assertPortFree(signIn.port());
    }

    @Test
    void refusesAnAnswerWhoseStateDoesNotMatch() {
        TestBrowser forger = new TestBrowser(ws.clientSslContext(), "allow",
                location -> location.replaceAll("state=[^&]*", "state=forged"));
        U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), forger);
        SignInException e = assertThrows(SignInException.class, () -> signIn.signIn(ws.url(), LIMIT));
        assertEquals(SignInException.Reason.STATE_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains("state does not match"), e.getMessage());
    }

    @Test
    void declinedConsentIsReportedAsDenied() {
        U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), new TestBrowser(ws.clientSslContext(), "deny", s -> s));
        SignInException e = assertThrows(SignInException.class, () -> signIn.signIn(ws.url(), LIMIT));
        assertEquals(SignInException.Reason.DENIED, e.reason());
        assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    }

    @Test
    void cancelledSignInClosesTheCallbackServer() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), uri -> opened.countDown());
        CompletableFuture<SignInException> failure = CompletableFuture.supplyAsync(() -> {
            try {
                signIn.signIn(ws.url(), LIMIT);
                return null;
            } catch (SignInException e) {
                return e;
            }
        });
        assertTrue(opened.await(10, TimeUnit.SECONDS));
        int port = signIn.port();
        signIn.cancel();
        SignInException e = failure.get(10, TimeUnit.SECONDS);
        assertEquals(SignInException.Reason.CANCELLED, e.reason());
        assertPortFree(port);
    }

    @Test
    void gaveUpAfterTheTimeLimitWithNoAnswer() {
        U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), uri -> { });
        SignInException e = assertThrows(SignInException.class, () -> signIn.signIn(ws.url(), Duration.ofMillis(300)));
        assertEquals(SignInException.Reason.TIMED_OUT, e.reason());
    }

    @Test
    void takesTheNextPortWhenTheFirstIsBusy() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int first = busy.getLocalPort();
            U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), TestBrowser.allowing(ws.clientSslContext()),
                    first, first + 20);
            signIn.signIn(ws.url(), LIMIT);
            assertTrue(signIn.port() > first && signIn.port() <= first + 20, "port " + signIn.port());
        }
    }

    @Test
    void demoRefusesACodeWithTheWrongVerifier() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ws.clientSslContext()).build();
        String challenge = U2mSignIn.challenge("the-right-verifier-the-right-verifier-the-right-verifier");
        String form = "client_id=databricks-cli&redirect_uri=" + enc("http://localhost:8020") + "&response_type=code"
                + "&scope=all-apis&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256&decision=allow";
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "/oidc/v1/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        String code = query(URI.create(redirect.headers().firstValue("Location").orElseThrow())).get("code");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(ws.url() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=databricks-cli&code="
                        + enc(code) + "&redirect_uri=" + enc("http://localhost:8020") + "&code_verifier=wrong-verifier"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, token.statusCode());
        assertTrue(token.body().contains("invalid_grant") && token.body().contains("PKCE"), token.body());
    }

    @Test
    void demoAuthorizePageRejectsAnotherClientOrARemoteRedirect() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(ws.clientSslContext()).build();
        HttpResponse<String> remote = http.send(HttpRequest.newBuilder(URI.create(ws.url()
                + "/oidc/v1/authorize?client_id=databricks-cli&response_type=code&scope=all-apis&state=x"
                + "&redirect_uri=" + enc("https://attacker.example/cb"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, remote.statusCode());
        assertTrue(remote.body().contains("is not allowed"), remote.body());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(ws.url()
                + "/oidc/v1/authorize?client_id=someone-else&redirect_uri=" + enc("http://localhost:8020"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, other.statusCode());
    }

    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(socket.isClosed(), "the callback server released port " + port);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "",
                        StandardCharsets.UTF_8), (a, b) -> b));
    }
}
