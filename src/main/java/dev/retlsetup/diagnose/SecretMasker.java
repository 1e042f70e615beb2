package dev.retlsetup.diagnose;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is shown, logged or reported: the given secrets verbatim, and
 * anything that looks like one: Databricks OAuth secrets ({@code dose…}), personal access tokens
 * ({@code dapi…}), {@code Basic}/{@code Bearer} authorization values, JWTs, and secret-named
 * key/value pairs ({@code OAuth2Secret=…}, {@code "access_token": "…"}, {@code client_secret=…}).
 */
public final class SecretMasker {
    public static final String MASK = "********";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String SECRET_KEYS =
            "OAuth2Secret|client_secret|clientSecret|secret|PWD|password|access_token|refresh_token|Auth_AccessToken";
    private static final String VALUE_CHAR = "[^\\s;&,\"'}\\])]";
    private static final String VALUE = VALUE_CHAR + "+";

    private static final List<Rule> RULES = List.of(
            // Authorization header values. Runs before the JWT rule so "Bearer eyJ…" keeps its scheme word.
            new Rule(Pattern.compile("(?i)\\b(Basic|Bearer)(\\s+)[A-Za-z0-9+/=._~-]{6,}"), "$1$2" + MASK),
            // JWTs: header.payload.signature, header and payload base64url JSON ("eyJ").
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"), MASK),
            // Databricks OAuth secrets and personal access tokens; the prefix stays, it tells the kind.
            new Rule(Pattern.compile("\\b(dose|dapi)[0-9a-fA-F]{8,}(?:-\\d+)?\\b"), "$1" + MASK),
            // JSON fields.
            new Rule(Pattern.compile("(?i)(\"(?:access_token|refresh_token|id_token|client_secret|token|secret|password)\"\\s*:\\s*\")[^\"]*"),
                    "$1" + MASK),
            // key=value in JDBC URLs, form bodies, config files.
            new Rule(Pattern.compile("(?i)\\b(" + SECRET_KEYS + ")(\\s*=\\s*)" + VALUE), "$1$2" + MASK),
            // key: value in logs and dumps, where prose has "a new secret: Settings > …" too: only a value
            // that looks made by a machine (a digit or a symbol in it, or long) is masked.
            new Rule(Pattern.compile("(?i)\\b(" + SECRET_KEYS + ")(\\s*:\\s*)(?=" + VALUE_CHAR + "*(?:[0-9+/=_~.-]|"
                    + VALUE_CHAR + "{16}))" + VALUE), "$1$2" + MASK));

    private SecretMasker() {
    }

    /** The text with the given secrets (blank ones ignored) and secret-looking tokens masked. */
    public static String mask(String text, String... secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (secrets != null) {
            List<String> known = Arrays.stream(secrets)
                    .filter(Objects::nonNull)
                    .map(String::strip)
                    .filter(s -> s.length() >= 4)
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String secret : known) {
                out = out.replace(secret, MASK);
            }
        }
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            out = m.replaceAll(rule.replacement());
        }
        return out;
    }
}
