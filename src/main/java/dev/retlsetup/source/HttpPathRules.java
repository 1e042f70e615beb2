package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The SQL warehouse's HTTP path ({@code /sql/1.0/warehouses/<id>}). */
final class HttpPathRules {
    private HttpPathRules() {
    }

    /**
     * What the HTTP path field holds once a pasted URL is taken apart.
     *
     * @param path       the tidied path; a web address without a warehouse path is kept as typed
     * @param legacy     whether it was written with the old {@code /endpoints/} word
     * @param pastedHost the host of a pasted JDBC URL or web address, or {@code null}
     * @param pastedPort the port of a pasted URL, or {@code null}
     */
    record ParsedPath(String path, boolean legacy, String pastedHost, Integer pastedPort) {
    }

    static ParsedPath parse(String raw) {
        String s = Text.unquote(raw);
        String pastedHost = null;
        Integer pastedPort = null;
        if (PastedConnection.looksLikeUrl(s)) {
            Optional<ConnectionParts> pasted = PastedConnection.parse(s);
            if (pasted.isPresent()) {
                pastedHost = pasted.get().host();
                pastedPort = pasted.get().port();
                if (pasted.get().httpPath() != null) {
                    s = pasted.get().httpPath();
                } else {
                    // A web address without a warehouse path: kept as typed, check explains.
                    return new ParsedPath(s, false, pastedHost, pastedPort);
                }
            }
        }
        boolean legacy = s.toLowerCase(Locale.ROOT).contains("/1.0/endpoints/")
                || Text.startsWithIgnoreCase(s, "sql/1.0/endpoints/");
        String path = PastedConnection.looksLikeUrl(s) ? s : Fixpoint.of(s, HttpPathRules::pathStep);
        return new ParsedPath(path, legacy, pastedHost, pastedPort);
    }

    private static String pathStep(String value) {
        String s = Text.unquote(value);
        int cut = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        if (cut >= 0) {
            s = Text.clean(s.substring(0, cut));
        }
        if (s.isEmpty()) {
            return s;
        }
        if (s.length() == 16 && Text.isHex(s)) {
            // Just the warehouse ID.
            return SourceSettings.WAREHOUSE_PREFIX + s.toLowerCase(Locale.ROOT);
        }
        StringBuilder b = new StringBuilder(s.length() + 1);
        if (s.charAt(0) != '/') {
            b.append('/');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' && b.length() > 0 && b.charAt(b.length() - 1) == '/') {
                continue;
            }
            b.append(c);
        }
        while (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        s = b.toString();
        String[] segments = s.substring(1).split("/", -1);
        if (segments.length >= 3 && segments[0].equalsIgnoreCase("sql")) {
            String second = segments[1];
            if (second.equals("1.0") && segments.length == 4 && isWarehouseWord(segments[2])) {
                return SourceSettings.WAREHOUSE_PREFIX + segments[3];
            }
            if (isWarehouseWord(second)) {
                return SourceSettings.WAREHOUSE_PREFIX + segments[2];
            }
            if (second.equalsIgnoreCase("protocolv1")) {
                return "/sql/protocolv1" + s.substring(1 + segments[0].length() + 1 + second.length());
            }
        }
        return s;
    }

    private static boolean isWarehouseWord(String s) {
        return s.equalsIgnoreCase("warehouses") || s.equalsIgnoreCase("endpoints");
    }

    static FieldResult<String> httpPath(String raw) {
        ParsedPath p = parse(raw);
        List<Finding> findings = check(p.path(), p.legacy());
        return new FieldResult<>(Finding.anyError(findings) ? null : p.path(), p.path(), findings);
    }

    static List<Finding> check(String path, boolean legacy) {
        List<Finding> findings = new ArrayList<>();
        if (path.isEmpty()) {
            findings.add(Finding.error(Field.HTTP_PATH, "path.required"));
            return findings;
        }
        if (PastedConnection.looksLikeUrl(path)) {
            findings.add(Finding.error(Field.HTTP_PATH, "path.webAddress"));
            return findings;
        }
        if (path.startsWith("/sql/protocolv1/")) {
            findings.add(Finding.error(Field.HTTP_PATH, "path.cluster"));
            return findings;
        }
        if (path.startsWith(SourceSettings.WAREHOUSE_PREFIX)) {
            String id = path.substring(SourceSettings.WAREHOUSE_PREFIX.length());
            boolean plain = !id.isEmpty() && id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9'));
            if (!plain) {
                findings.add(Finding.error(Field.HTTP_PATH, "path.badWarehouseId"));
                return findings;
            }
            if (!(id.length() == 16 && Text.isHex(id) && id.equals(id.toLowerCase(Locale.ROOT)))) {
                findings.add(Finding.warning(Field.HTTP_PATH, "path.unusualWarehouseId"));
            }
            if (legacy) {
                findings.add(Finding.warning(Field.HTTP_PATH, "path.legacyEndpoint"));
            }
            return findings;
        }
        findings.add(Finding.error(Field.HTTP_PATH, "path.unrecognized"));
        return findings;
    }
}
