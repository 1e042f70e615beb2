package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace host and the port: the Port field, and the port that can be written in the host
 * ({@code host:8443}). How the two ports are reconciled is a cross-field rule of {@link SourceValidator}.
 */
final class HostRules {
    /** First labels of the account consoles, where service principals are managed (not workspaces). */
    private static final Set<String> ACCOUNT_CONSOLE_LABELS = Set.of("accounts");
    private static final int MAX_HOST = 253;
    private static final int MAX_LABEL = 63;

    private HostRules() {
    }

    /**
     * What the Host field holds once a pasted URL is taken apart.
     *
     * @param host       the host, lower case, without scheme, user, path, port or trailing dots
     * @param port       the port written in the host or its URL, or {@code null}
     * @param pastedPath the HTTP path of a pasted JDBC URL or web address, or {@code null}
     */
    record ParsedHost(String host, Integer port, String pastedPath) {
    }

    static ParsedHost parse(String raw) {
        String s = Text.unquote(raw);
        Integer port = null;
        String pastedPath = null;
        Optional<ConnectionParts> pasted = PastedConnection.parse(s);
        if (pasted.isPresent()) {
            s = pasted.get().host();
            port = pasted.get().port();
            pastedPath = pasted.get().httpPath();
        }
        Integer[] portWritten = {null};
        s = Fixpoint.of(s, value -> hostStep(value, portWritten));
        if (port == null) {
            port = portWritten[0];
        }
        return new ParsedHost(s, port, pastedPath);
    }

    /** One round of tidying; the first port found after a colon goes to {@code portOut[0]}. */
    private static String hostStep(String value, Integer[] portOut) {
        String s = Text.unquote(value);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        if (end > 0) {
            s = s.substring(0, end);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0 && at < s.length() - 1) {
            s = s.substring(at + 1);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close > 0) {
                String rest = s.substring(close + 1);
                if (rest.equals(":") || (rest.startsWith(":") && isPortText(rest.substring(1)))) {
                    if (rest.length() > 1 && portOut[0] == null) {
                        portOut[0] = Integer.parseInt(rest.substring(1));
                    }
                    s = s.substring(0, close + 1);
                }
            }
        } else {
            int colon = s.indexOf(':');
            if (colon > 0) {
                String after = s.substring(colon + 1);
                if (after.isEmpty() || isPortText(after)) {
                    if (!after.isEmpty() && portOut[0] == null) {
                        portOut[0] = Integer.parseInt(after);
                    }
                    s = s.substring(0, colon);
                }
            }
        }
        s = Text.clean(s);
        s = Text.stripTrailingDots(s);
        return Text.clean(s).toLowerCase(Locale.ROOT);
    }

    /** Digits that fit an {@code int}. */
    private static boolean isPortText(String s) {
        return Text.isAsciiDigits(s) && s.length() <= 9;
    }

    static FieldResult<String> host(String raw) {
        String h = parse(raw).host();
        List<Finding> findings = check(h);
        return new FieldResult<>(Finding.anyError(findings) || h.isEmpty() ? null : h, h, findings);
    }

    /** The findings about a parsed host; at most one error, since each error hides the next. */
    static List<Finding> check(String h) {
        List<Finding> findings = new ArrayList<>();
        if (h.isEmpty()) {
            findings.add(Finding.error(Field.HOST, "host.required"));
            return findings;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            String inner = h.substring(1, h.length() - 1);
            boolean ok = !inner.isEmpty() && inner.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
            if (!ok) {
                findings.add(Finding.error(Field.HOST, "host.invalidCharacters"));
            } else if (Cloud.of(h) != Cloud.LOCAL) {
                findings.add(Finding.warning(Field.HOST, "host.unknownSuffix"));
            }
            return findings;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                findings.add(Finding.error(Field.HOST,
                        Text.isSpaceOrInvisible(c) ? "host.containsSpace" : "host.invalidCharacters"));
                return findings;
            }
        }
        if (h.length() > MAX_HOST) {
            findings.add(Finding.error(Field.HOST, "host.tooLong"));
            return findings;
        }
        String[] labels = h.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                findings.add(Finding.error(Field.HOST, "host.emptyLabel"));
                return findings;
            }
            if (label.length() > MAX_LABEL) {
                findings.add(Finding.error(Field.HOST, "host.labelTooLong"));
                return findings;
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                findings.add(Finding.error(Field.HOST, "host.badHyphen"));
                return findings;
            }
        }
        String first = labels[0];
        if ((ACCOUNT_CONSOLE_LABELS.contains(first) || first.startsWith("accounts-")) && h.contains("databricks")) {
            findings.add(Finding.error(Field.HOST, "host.accountConsole"));
            return findings;
        }
        for (Cloud cloud : Cloud.values()) {
            if (cloud.suffix() != null && h.equals(cloud.suffix().substring(1))) {
                findings.add(Finding.error(Field.HOST, "host.incomplete"));
                return findings;
            }
        }
        if (Cloud.of(h) == Cloud.UNKNOWN) {
            findings.add(Finding.warning(Field.HOST, "host.unknownSuffix"));
        }
        return findings;
    }

    // ------------------------------------------------------------------ port

    static FieldResult<Integer> port(String raw) {
        String s = Text.clean(raw);
        if (s.isEmpty()) {
            return new FieldResult<>(SourceSettings.DEFAULT_PORT, String.valueOf(SourceSettings.DEFAULT_PORT), List.of());
        }
        String n = normalizePort(s);
        if (!Text.isAsciiDigits(n)) {
            return new FieldResult<>(null, n, List.of(Finding.error(Field.PORT, "port.invalid")));
        }
        Integer value = parsePort(n);
        if (value == null || value < 1 || value > 65535) {
            return new FieldResult<>(null, n, List.of(Finding.error(Field.PORT, "port.outOfRange")));
        }
        return new FieldResult<>(value, n, List.of());
    }

    /** Cleaned, and digits without their leading zeros; anything else as typed. */
    static String normalizePort(String raw) {
        String s = Text.clean(raw);
        if (Text.isAsciiDigits(s)) {
            int i = 0;
            while (i < s.length() - 1 && s.charAt(i) == '0') {
                i++;
            }
            return s.substring(i);
        }
        return s;
    }

    /** The number, {@link Integer#MAX_VALUE} when it is too long to be one, {@code null} when not digits. */
    static Integer parsePort(String s) {
        if (!Text.isAsciiDigits(s)) {
            return null;
        }
        return s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
    }
}
