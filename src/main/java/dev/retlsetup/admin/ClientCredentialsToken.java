package dev.retlsetup.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * An admin token for an admin service principal (an OAuth {@code ~/.databrickscfg} profile with
 * {@code client_id} and {@code client_secret}): the client-credentials grant at the token endpoint
 * the workspace's OIDC discovery names, scope {@code all-apis}.
 */
public final class ClientCredentialsToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private ClientCredentialsToken() {
    }

    public static AdminToken obtain(String workspaceUrl, SSLContext ssl, String clientId, String secret)
            throws SignInException {
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(LIMIT).build();
        try {
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(URI.create(workspaceUrl
                    + U2mSignIn.DISCOVERY_PATH)).timeout(LIMIT).GET().build(), HttpResponse.BodyHandlers.ofString());
            String tokenUrl = discovery.statusCode() == 200
                    ? JSON.readTree(discovery.body()).path("token_endpoint").asText("") : "";
            if (tokenUrl.isEmpty()) {
                throw new SignInException(SignInException.Reason.DISCOVERY_FAILED, Messages.ADMIN.text(
                        "signin.discovery.status", workspaceUrl + U2mSignIn.DISCOVERY_PATH, discovery.statusCode()));
            }
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(LIMIT)
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                            + URLEncoder.encode(U2mSignIn.SCOPE, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return U2mSignIn.tokenFrom(response);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.EXCHANGE_FAILED,
                    Messages.ADMIN.text("signin.exchange.failed", workspaceUrl, e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(SignInException.Reason.CANCELLED, Messages.ADMIN.text("signin.cancelled"));
        }
    }
}
