package dev.retlsetup.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the workspace's OAuth access tokens. The driver insists on a JWT (it reads
 * {@code iss} and {@code exp}), so tokens are HS256 JWTs signed with a key made fresh for every run:
 * a token from an earlier run, or a forged one, is refused like an invalid token on a real workspace.
 */
final class AccessTokens {
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];
    private final String issuer;
    private final Clock clock;

    AccessTokens(String issuer, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.issuer = issuer;
        this.clock = clock;
    }

    String issue(String clientId) {
        return issue(clientId, clientId, LIFETIME);
    }

    /** A token for {@code subject} (a user or an application id) obtained through {@code clientId}. */
    String issue(String subject, String clientId, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", issuer)
                .put("sub", subject)
                .put("client_id", clientId)
                .put("aud", clientId)
                .put("scope", "all-apis")
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + lifetime.toSeconds());
        String unsigned = encode(header) + "." + encode(claims);
        return unsigned + "." + B64.encodeToString(sign(unsigned));
    }

    /** The client id (subject) of a valid, unexpired token issued by this run; empty otherwise. */
    Optional<String> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.path("sub").textValue());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String encode(ObjectNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
