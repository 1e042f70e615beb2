package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.source.Field;
import java.net.URI;
import java.net.URLEncoder;
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
        Http.Response discovery = session.discovery != null ? session.discovery
                : http.get(discoveryUrl, Http.headers("Accept", "application/json"));
        Optional<JsonFields> metadata = Http.json(discovery);
        if (discovery.statusCode() != 200 || metadata.isEmpty() || !metadata.get().has("token_endpoint")) {
            return discoveryFailed(session, discovery, tried);
        }
        String tokenUrl = onConfiguredPort(metadata.get().text("token_endpoint", ""), session);
        tried = tried + "\n" + Messages.CHECK.text("check.oauth.tried.token", tokenUrl, session.settings().clientId());
        String basic = Base64.getEncoder().encodeToString(
                (session.settings().clientId() + ":" + session.settings().secret()).getBytes(StandardCharsets.UTF_8));
        Http.Response token = http.post(tokenUrl, Http.headers("Authorization", "Basic " + basic,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                "grant_type=client_credentials&scope=" + URLEncoder.encode("all-apis", StandardCharsets.UTF_8));
        Optional<JsonFields> body = Http.json(token);
        if (token.statusCode() == 200 && body.isPresent() && body.get().has("access_token")) {
            session.accessToken = body.get().text("access_token", "");
            long minutes = body.get().number("expires_in", 3600) / 60;
            return Outcome.passed(Messages.CHECK.text("check.oauth.passed", minutes), tried);
        }
        Diagnosis diagnosis = session.classifier().classify(Http.describe(token));
        if (diagnosis.category() == Category.UNKNOWN && (token.statusCode() == 400 || token.statusCode() == 401)) {
            diagnosis = new Diagnosis(Category.INVALID_CLIENT, List.of(), null, diagnosis.rawText());
        }
        return Outcome.failed(Messages.CHECK.text("check.oauth.failed.token", token.statusCode()), tried, diagnosis);
    }

    private static Outcome discoveryFailed(ConnectionTestRun session, Http.Response discovery, String tried) {
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
