package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The service principal's credentials: its application (client) ID and its OAuth secret. The findings
 * name what was pasted by mistake (a token, an email, the other credential); none of them echoes the secret.
 */
final class CredentialRules {
    private CredentialRules() {
    }

    /** Unquoted, braces around a GUID removed, a UUID in lower case. */
    static String normalizeClientId(String raw) {
        return Fixpoint.of(raw, value -> {
            String s = Text.unquote(value);
            if (s.length() >= 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
                s = Text.clean(s.substring(1, s.length() - 1));
            }
            return Text.isUuid(s) ? s.toLowerCase(Locale.ROOT) : s;
        });
    }

    static FieldResult<String> clientId(String raw) {
        String s = normalizeClientId(raw);
        List<Finding> findings = new ArrayList<>();
        if (s.isEmpty()) {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.required"));
        } else if (Text.isUuid(s)) {
            // fine
        } else if (Text.isAsciiDigits(s)) {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.numeric"));
        } else if (Text.startsWithIgnoreCase(s, "dose")) {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.looksLikeSecret"));
        } else if (Text.startsWithIgnoreCase(s, "dapi")) {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.looksLikeToken"));
        } else if (s.indexOf('@') > 0) {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.looksLikeEmail"));
        } else if (s.length() == 32 && Text.isHex(s)) {
            String dashed = s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-"
                    + s.substring(16, 20) + "-" + s.substring(20);
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.missingDashes", dashed.toLowerCase(Locale.ROOT)));
        } else {
            findings.add(Finding.error(Field.CLIENT_ID, "clientId.notUuid"));
        }
        return new FieldResult<>(Finding.anyError(findings) ? null : s, s, findings);
    }

    /** Unquoted; nothing else, since any other character may be part of the secret. */
    static String normalizeSecret(String raw) {
        return Fixpoint.of(raw, Text::unquote);
    }

    static FieldResult<String> secret(String raw) {
        String s = normalizeSecret(raw);
        List<Finding> findings = new ArrayList<>();
        if (s.isEmpty()) {
            findings.add(Finding.error(Field.SECRET, "secret.required"));
        } else if (Text.startsWithIgnoreCase(s, "dapi")) {
            findings.add(Finding.error(Field.SECRET, "secret.personalAccessToken"));
        } else if (Text.containsSpaceOrInvisible(s)) {
            findings.add(Finding.error(Field.SECRET, "secret.whitespace"));
        } else if (s.startsWith("dose") && Text.isHex(s.substring(4))) {
            // the expected shape
        } else if (s.indexOf('~') >= 0) {
            findings.add(Finding.error(Field.SECRET, "secret.entraSecret"));
        } else if (Text.isUuid(s)) {
            findings.add(Finding.error(Field.SECRET, "secret.looksLikeClientId"));
        } else {
            findings.add(Finding.warning(Field.SECRET, "secret.unexpectedShape"));
        }
        return new FieldResult<>(Finding.anyError(findings) ? null : s, s, findings);
    }
}
