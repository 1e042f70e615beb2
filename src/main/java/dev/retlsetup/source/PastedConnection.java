package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Smart paste: recognizes a whole connection string pasted into any connection field.
 *
 * <p>Recognized: {@code jdbc:databricks://HOST:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/ID;}
 * (keys in any case), the legacy Simba {@code jdbc:spark://…} and {@code jdbc:hive2://…} forms, and browser
 * addresses ({@code https://HOST/?o=123#…}, {@code https://HOST/sql/warehouses/ID?o=…},
 * {@code https://HOST/sql/1.0/warehouses/ID}). Plain text (a bare host, a bare path) is not a pasted
 * connection: {@link #parse} returns empty and the field keeps what was pasted. Credentials that a URL may
 * carry ({@code PWD=}, {@code OAuth2Secret=}) are ignored, never returned.
 */
public final class PastedConnection {
    private static final int MAX_LENGTH = 8192;

    private PastedConnection() {
    }

    /** The connection parts of {@code text}, or empty when it is not a JDBC URL or web address. Never throws. */
    public static Optional<ConnectionParts> parse(String text) {
        try {
            return Optional.ofNullable(parseOrNull(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when {@code text} starts like a URL ({@code jdbc:…} or {@code scheme://…}). */
    public static boolean looksLikeUrl(String text) {
        String t = Text.unquote(text);
        return Text.startsWithIgnoreCase(t, "jdbc:") || t.contains("://");
    }

    private static ConnectionParts parseOrNull(String text) {
        String t = Text.unquote(text);
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return null;
        }
        if (Text.startsWithIgnoreCase(t, "jdbc:")) {
            return parseJdbc(t.substring(5));
        }
        if (Text.startsWithIgnoreCase(t, "https://")) {
            return parseWeb(t.substring(8));
        }
        if (Text.startsWithIgnoreCase(t, "http://")) {
            return parseWeb(t.substring(7));
        }
        return null;
    }

    private static ConnectionParts parseJdbc(String rest) {
        int sep = rest.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("databricks") && !scheme.equals("spark") && !scheme.equals("hive2")) {
            return null;
        }
        String after = rest.substring(sep + 3);
        int end = indexOfAny(after, "/;?");
        String authority = end < 0 ? after : after.substring(0, end);
        Authority auth = authority(authority);
        if (auth == null) {
            return null;
        }
        String httpPath = null;
        if (end >= 0) {
            for (String part : splitOn(after.substring(end), ";?&")) {
                int eq = part.indexOf('=');
                if (eq > 0 && Text.clean(part.substring(0, eq)).equalsIgnoreCase("httppath")) {
                    String value = Text.clean(part.substring(eq + 1));
                    if (!value.isEmpty()) {
                        httpPath = value.replace("%2F", "/").replace("%2f", "/");
                    }
                }
            }
        }
        return new ConnectionParts(auth.host, auth.port, httpPath);
    }

    private static ConnectionParts parseWeb(String after) {
        int end = indexOfAny(after, "/?#");
        String authority = end < 0 ? after : after.substring(0, end);
        Authority auth = authority(authority);
        if (auth == null) {
            return null;
        }
        String path = "";
        if (end >= 0 && after.charAt(end) == '/') {
            String rest = after.substring(end);
            int q = indexOfAny(rest, "?#");
            path = q < 0 ? rest : rest.substring(0, q);
        }
        return new ConnectionParts(auth.host, auth.port, httpPathOfWebPath(path));
    }

    /** Maps the path of a browser or API address to the warehouse's HTTP path, or {@code null}. */
    static String httpPathOfWebPath(String path) {
        List<String> segments = splitOn(path, "/");
        if (segments.size() < 3 || !segments.get(0).equalsIgnoreCase("sql")) {
            return null;
        }
        String second = segments.get(1);
        if (second.equals("1.0") && segments.size() >= 4 && isWarehouseWord(segments.get(2))) {
            return "/sql/1.0/" + segments.get(2).toLowerCase(Locale.ROOT) + "/" + segments.get(3);
        }
        if (isWarehouseWord(second)) {
            // The browser shows /sql/warehouses/<id>[/monitoring|/connection-details|...]
            return SourceSettings.WAREHOUSE_PREFIX + segments.get(2);
        }
        if (second.equalsIgnoreCase("protocolv1")) {
            return "/" + String.join("/", segments);
        }
        return null;
    }

    private static boolean isWarehouseWord(String s) {
        return s.equalsIgnoreCase("warehouses") || s.equalsIgnoreCase("endpoints");
    }

    private record Authority(String host, Integer port) {
    }

    private static Authority authority(String raw) {
        String a = Text.clean(raw);
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        String host = a;
        String portText = null;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = a.substring(0, close + 1);
            String rest = a.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                return null;
            }
        } else {
            int colon = a.indexOf(':');
            if (colon >= 0) {
                host = a.substring(0, colon);
                portText = a.substring(colon + 1);
            }
        }
        Integer port = null;
        if (portText != null && !portText.isEmpty()) {
            if (!Text.isAsciiDigits(portText) || portText.length() > 9) {
                return null;
            }
            port = Integer.parseInt(portText);
        }
        host = host.toLowerCase(Locale.ROOT);
        host = Text.stripTrailingDots(host);
        if (host.isEmpty() || Text.containsSpaceOrInvisible(host)) {
            return null;
        }
        return new Authority(host, port);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitOn(String s, String separators) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (separators.indexOf(c) >= 0) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }
}
