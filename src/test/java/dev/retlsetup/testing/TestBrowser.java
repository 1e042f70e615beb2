package dev.retlsetup.testing;

import dev.retlsetup.admin.BrowserOpener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Plays the system browser with an HTTP client: opens the authorize page, submits its consent form
 * the way a click on a button does, and follows the redirect to the local callback server.
 */
public final class TestBrowser implements BrowserOpener {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private final HttpClient http;
    private final String decision;
    private final UnaryOperator<String> tamperRedirect;
    public final List<String> pages = new ArrayList<>();
    public volatile int callbackStatus;

    public TestBrowser(SSLContext ssl, String decision, UnaryOperator<String> tamperRedirect) {
        this.http = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER).build();
        this.decision = decision;
        this.tamperRedirect = tamperRedirect;
    }

    public static TestBrowser allowing(SSLContext ssl) {
        return new TestBrowser(ssl, "allow", UnaryOperator.identity());
    }

    @Override
    public void open(URI uri) throws IOException {
        // The real browser runs on its own; so does this one, so the sign-in waits for it as for a person.
        Thread thread = new Thread(() -> {
            try {
                browse(uri);
            } catch (IOException | InterruptedException e) {
                pages.add("browser failed: " + e);
            }
        }, "test-browser");
        thread.setDaemon(true);
        thread.start();
    }

    private void browse(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        pages.add(page.body());
        if (page.statusCode() != 200) {
            return;
        }
        StringBuilder form = new StringBuilder();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            form.append(URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(unescape(m.group(2)), StandardCharsets.UTF_8)).append('&');
        }
        form.append("decision=").append(decision);
        URI action = uri.resolve("/oidc/v1/authorize");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String location = redirect.headers().firstValue("Location").orElseThrow(() ->
                new IOException("no redirect: HTTP " + redirect.statusCode() + " " + redirect.body()));
        HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(tamperRedirect.apply(location))).build(), HttpResponse.BodyHandlers.ofString());
        callbackStatus = done.statusCode();
        pages.add(done.body());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
