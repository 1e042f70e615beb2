package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.source.Field;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OIDC discovery and a client-credentials token, exactly as the driver does them but on the
 * configured port and with the real response body (the driver hides most of it).
 */
final class OAuthCheck extends BaseCheck {
    static final String ID = "oauth";
    static final String DISCOVERY_PATH = "/oidc/.well-known/oauth-authorization-server";

    OAuthCheck() {
        super(ID, Messages.CHECK.text("check.oauth.title"), List.of(TlsCheck.ID),
                Set.of(Field.HOST, Field.PORT, Field.CLIENT_ID, Field.SECRET), Duration.ofSeconds(15));
    }

    @Override
    public Outcome run(ConnectionTestRun session) throws Exception {
        Http http = session.http();
        String discoveryUrl = Http.baseUrl(session) + DISCOVERY_PATH;
        String tried = Messages.CHECK.text("check.oauth.tried.discovery", discoveryUrl);
        HttpResponse<String> discovery = session.discovery != null ? session.discovery
                : http.send(Http.get(discoveryUrl).header("Accept", "application/json"));
        Optional<JsonNode> metadata = Http.json(discovery);
        if (discovery.statusCode() != 200 || metadata.isEmpty() || !metadata.get().hasNonNull("token_endpoint")) {
            return discoveryFailed(session, discovery, tried);
        }
        String tokenUrl = onConfiguredPort(metadata.get().get("token_endpoint").asText(), session);
        tried = tried + "\n" + Messages.CHECK.text("check.oauth.tried.token", tokenUrl, session.settings().clientId());
        String basic = Base64.getEncoder().encodeToString(
                (session.settings().clientId() + ":" + session.settings().secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("all-apis", StandardCharsets.UTF_8))));
        Optional<JsonNode> body = Http.json(token);
        if (token.statusCode() == 200 && body.isPresent() && body.get().hasNonNull("access_token")) {
            session.accessToken = body.get().get("access_token").asText();
            long minutes = body.get().path("expires_in").asLong(3600) / 60;
            return Outcome.passed(Messages.CHECK.text("check.oauth.passed", minutes), tried);
        }
        Diagnosis diagnosis = session.classifier().classify(Http.describe(token));
        if (diagnosis.category() == Category.UNKNOWN && (token.statusCode() == 400 || token.statusCode() == 401)) {
            diagnosis = new Diagnosis(Category.INVALID_CLIENT, List.of(), null, diagnosis.rawText());
        }
        return Outcome.failed(Messages.CHECK.text("check.oauth.failed.token", token.statusCode()), tried, diagnosis);
    }

    private static Outcome discoveryFailed(ConnectionTestRun session, HttpResponse<String> discovery, String tried) {
        Diagnosis diagnosis = session.classifier().classify(Http.describe(discovery));
        if (diagnosis.category() == Category.UNKNOWN) {
            // HTML or a 404 instead of OIDC metadata: this host is not a workspace that speaks OAuth.
            diagnosis = new Diagnosis(Category.OAUTH_NOT_SUPPORTED_HOST, List.of(), null, diagnosis.rawText());
        }
        return Outcome.failed(Messages.CHECK.text("check.oauth.failed.discovery", discovery.statusCode()), tried, diagnosis);
    }

    /** Real workspaces advertise the token endpoint without a port; keep the one the user configured. */
    static String onConfiguredPort(String tokenEndpoint, ConnectionTestRun session) {
        URI uri = URI.create(tokenEndpoint);
        if (uri.getPort() != -1 || session.settings().port() == 443
                || !session.settings().host().equalsIgnoreCase(uri.getHost())) {
            return tokenEndpoint;
        }
        return Http.baseUrl(session) + uri.getRawPath();
    }
}
