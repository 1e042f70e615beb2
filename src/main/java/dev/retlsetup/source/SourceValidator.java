package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Offline normalization and validation of a Databricks source. Nothing here touches the network,
 * and nothing throws, whatever the input (null, empty, huge, control characters, any Unicode).
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>{@link #validate(SourceInput)} for the whole form (adds the checks that involve two fields);</li>
 *   <li>{@link #host(String)}, {@link #httpPath(String)}, ... for one field as the user types.</li>
 * </ul>
 * {@link #normalize(SourceInput)} returns the tidied-up text for every field; it is idempotent.
 *
 * <p>A port written in the host ({@code host:8443}) is taken out of the host. When the Port field is
 * empty, that port is used (a warning tells the user it moved, unless it is 443); when the Port field
 * holds a different port, that is an error, since we cannot know which one is right.
 */
public final class SourceValidator {
    /** Names of the account consoles; they are where service principals are managed, not workspaces. */
    private static final Set<String> LOCAL_ACCOUNT_WORDS = Set.of("accounts");
    static final String HIVE_METASTORE = "hive_metastore";
    static final String MANAGED_SCHEMA = "__segment_reverse_etl";
    private static final int MAX_ROUNDS = 16;
    private static final int MAX_IDENTIFIER = 255;

    private SourceValidator() {
    }

    // ------------------------------------------------------------------ whole form

    /** Validates all fields together, with at least one schema required. Never throws. */
    public static Validation validate(SourceInput input) {
        return validate(input, true);
    }

    /**
     * Validates all fields together. Never throws.
     *
     * @param schemasRequired when {@code false}, an empty schema list is only a warning
     *                        ({@code schemas.none}): the connection can be tested, but not read access. The
     *                        {@code validate} command uses this, since Segment's source itself has no schema field.
     */
    public static Validation validate(SourceInput input, boolean schemasRequired) {
        SourceInput raw = input == null ? SourceInput.empty() : input;
        List<Finding> findings = new ArrayList<>();
        HostNorm rawHost = normalizeHostFull(raw.host());
        PathNorm rawPath = normalizePathFull(raw.httpPath());
        SourceInput n = normalize(raw);

        // host
        findings.addAll(checkHost(n.host()));
        Integer hostPort = rawHost.port;
        if (hostPort != null) {
            String typedPort = Text.clean(raw.port());
            if (typedPort.isEmpty()) {
                if (hostPort != SourceSettings.DEFAULT_PORT) {
                    findings.add(Finding.warning(Field.HOST, "host.portMoved", String.valueOf(hostPort)));
                }
            } else {
                Integer typed = parsePort(normalizePort(typedPort));
                if (typed != null && !typed.equals(hostPort)) {
                    findings.add(Finding.error(Field.HOST, "host.portConflict", String.valueOf(hostPort),
                            String.valueOf(typed)));
                }
            }
        }

        // HTTP path
        findings.addAll(checkPath(n.httpPath(), rawPath.legacy));

        // port
        FieldResult<Integer> port = port(n.port());
        findings.addAll(port.findings());
        Cloud cloud = Cloud.of(n.host());
        if (port.value() != null && port.value() != SourceSettings.DEFAULT_PORT && cloud != Cloud.LOCAL) {
            findings.add(Finding.warning(Field.PORT, "port.unusual", String.valueOf(port.value())));
        }

        // credentials
        FieldResult<String> clientId = clientId(n.clientId());
        findings.addAll(clientId.findings());
        FieldResult<String> secret = secret(n.secret());
        findings.addAll(secret.findings());

        // catalog and schemas
        FieldResult<String> catalog = catalog(n.catalog());
        findings.addAll(catalog.findings());
        FieldResult<List<String>> schemas = schemas(n.schemas());
        for (Finding f : schemas.findings()) {
            if (!schemasRequired && "schemas.required".equals(f.key())) {
                findings.add(Finding.warning(Field.SCHEMAS, "schemas.none"));
                continue;
            }
            if ("schemas.hiveMetastore".equals(f.key()) && HIVE_METASTORE.equals(catalog.value())) {
                continue; // already said on the catalog
            }
            findings.add(f);
        }

        String secretValue = n.secret().isEmpty() ? null : n.secret();
        SourceSettings settings = new SourceSettings(
                emptyToNull(n.host()),
                emptyToNull(n.httpPath()),
                port.value() == null ? 0 : port.value(),
                emptyToNull(n.clientId()),
                secretValue,
                catalog.value(),
                schemas.value() == null ? List.of() : schemas.value());
        return new Validation(settings, redact(findings, secretValue, raw.secret()), n);
    }

    /**
     * The text every field should show once tidied up: hosts without scheme, path or port, paths with
     * their leading slash, the port defaulted to 443, identifiers without backticks, and so on. A whole
     * connection string pasted into the host or HTTP path field is spread over the empty fields.
     * Idempotent: {@code normalize(normalize(x)).equals(normalize(x))}. Never throws.
     */
    public static SourceInput normalize(SourceInput input) {
        SourceInput raw = input == null ? SourceInput.empty() : input;
        HostNorm h = normalizeHostFull(raw.host());
        PathNorm p = normalizePathFull(raw.httpPath());
        String host = h.host;
        if (host.isEmpty() && p.urlHost != null) {
            host = normalizeHostFull(p.urlHost).host;
        }
        String path = p.path;
        if (path.isEmpty() && h.urlPath != null) {
            path = normalizePathFull(h.urlPath).path;
        }
        String port = Text.clean(raw.port());
        if (port.isEmpty()) {
            Integer from = h.port != null ? h.port : p.urlPort;
            port = from != null ? String.valueOf(from) : String.valueOf(SourceSettings.DEFAULT_PORT);
        }
        return new SourceInput(host, path, normalizePort(port), normalizeClientId(raw.clientId()),
                normalizeSecret(raw.secret()), normalizeCatalog(raw.catalog()), normalizeSchemas(raw.schemas()));
    }

    // ------------------------------------------------------------------ single fields

    /**
     * The workspace host. A port in it is dropped here (see the class comment for what
     * {@link #validate} does with it); a pasted URL is reduced to its host.
     */
    public static FieldResult<String> host(String raw) {
        String h = normalizeHostFull(raw).host;
        List<Finding> findings = checkHost(h);
        return new FieldResult<>(hasError(findings) || h.isEmpty() ? null : h, h, findings);
    }

    /** The SQL warehouse's HTTP path ({@code /sql/1.0/warehouses/<id>}). */
    public static FieldResult<String> httpPath(String raw) {
        PathNorm p = normalizePathFull(raw);
        List<Finding> findings = checkPath(p.path, p.legacy);
        return new FieldResult<>(hasError(findings) ? null : p.path, p.path, findings);
    }

    /** The port; 443 when empty. */
    public static FieldResult<Integer> port(String raw) {
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

    /** The service principal's application ID (a UUID). */
    public static FieldResult<String> clientId(String raw) {
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
        return new FieldResult<>(hasError(findings) ? null : s, s, findings);
    }

    /** The OAuth secret ({@code dose…}). Messages never contain it. */
    public static FieldResult<String> secret(String raw) {
        String s = normalizeSecret(raw);
        List<Finding> findings = new ArrayList<>();
        if (s.isEmpty()) {
            findings.add(Finding.error(Field.SECRET, "secret.required"));
        } else if (Text.startsWithIgnoreCase(s, "dapi")) {
            findings.add(Finding.error(Field.SECRET, "secret.personalAccessToken"));
        } else if (Text.hasInnerJunk(s)) {
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
        return new FieldResult<>(hasError(findings) ? null : s, s, findings);
    }

    /** The optional catalog; empty means the workspace's default catalog. */
    public static FieldResult<String> catalog(String raw) {
        String s = normalizeCatalog(raw);
        List<Finding> findings = new ArrayList<>();
        if (s.isEmpty()) {
            return new FieldResult<>(null, s, findings);
        }
        if (s.indexOf('.') >= 0) {
            findings.add(Finding.error(Field.CATALOG, "catalog.hasDot"));
        } else if (s.length() > MAX_IDENTIFIER) {
            findings.add(Finding.error(Field.CATALOG, "catalog.tooLong"));
        } else {
            String bad = firstInvalidIdentifierChar(s);
            if (bad != null) {
                findings.add(Finding.error(Field.CATALOG, "catalog.invalid", bad));
            } else {
                if (s.indexOf('-') >= 0) {
                    findings.add(Finding.warning(Field.CATALOG, "catalog.hyphen"));
                }
                if (s.equals(HIVE_METASTORE)) {
                    findings.add(Finding.warning(Field.CATALOG, "catalog.hiveMetastore"));
                }
            }
        }
        return new FieldResult<>(hasError(findings) ? null : s, s, findings);
    }

    /**
     * The schemas to read: {@code schema} or {@code catalog.schema}, separated by commas, spaces or new
     * lines. The value lists the valid ones, without duplicates.
     */
    public static FieldResult<List<String>> schemas(String raw) {
        String normalized = normalizeSchemas(raw);
        List<String> items = splitSchemas(normalized);
        List<Finding> findings = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        boolean hyphen = false;
        boolean hive = false;
        boolean managed = false;
        if (items.isEmpty()) {
            findings.add(Finding.error(Field.SCHEMAS, "schemas.required"));
        }
        for (String item : items) {
            String[] parts = item.split("\\.", -1);
            if (parts.length > 2) {
                findings.add(Finding.error(Field.SCHEMAS, "schemas.tooManyParts", shorten(item),
                        shorten(parts[0] + "." + parts[1])));
                continue;
            }
            String problem = null;
            for (String part : parts) {
                if (part.isEmpty()) {
                    problem = "schemas.emptyPart";
                } else if (part.length() > MAX_IDENTIFIER) {
                    problem = "schemas.tooLong";
                } else if (firstInvalidIdentifierChar(part) != null) {
                    findings.add(Finding.error(Field.SCHEMAS, "schemas.invalid", shorten(item),
                            firstInvalidIdentifierChar(part)));
                    problem = "";
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem != null) {
                if (!problem.isEmpty()) {
                    findings.add(Finding.error(Field.SCHEMAS, problem, shorten(item)));
                }
                continue;
            }
            valid.add(item);
            hyphen |= item.indexOf('-') >= 0;
            hive |= parts.length == 2 && parts[0].equals(HIVE_METASTORE);
            managed |= parts[parts.length - 1].equals(MANAGED_SCHEMA);
        }
        if (hyphen) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.hyphen"));
        }
        if (hive) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.hiveMetastore"));
        }
        if (managed) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.managedSchema"));
        }
        return new FieldResult<>(hasError(findings) ? null : List.copyOf(valid), normalized, findings);
    }

    // ------------------------------------------------------------------ host

    private record HostNorm(String host, Integer port, String urlPath) {
    }

    private static HostNorm normalizeHostFull(String raw) {
        String s = Text.unquote(raw);
        Integer port = null;
        String urlPath = null;
        Optional<ConnectionParts> pasted = PastedConnection.parse(s);
        if (pasted.isPresent()) {
            s = pasted.get().host();
            port = pasted.get().port();
            urlPath = pasted.get().httpPath();
        }
        Integer[] portHolder = {null};
        s = fixpoint(s, value -> hostStep(value, portHolder));
        if (port == null) {
            port = portHolder[0];
        }
        return new HostNorm(s, port, urlPath);
    }

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

    private static boolean isPortText(String s) {
        return Text.isAsciiDigits(s) && s.length() <= 9;
    }

    static List<Finding> checkHost(String h) {
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
                findings.add(Finding.error(Field.HOST, Text.isJunk(c) ? "host.containsSpace" : "host.invalidCharacters"));
                return findings;
            }
        }
        if (h.length() > 253) {
            findings.add(Finding.error(Field.HOST, "host.tooLong"));
            return findings;
        }
        String[] labels = h.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                findings.add(Finding.error(Field.HOST, "host.emptyLabel"));
                return findings;
            }
            if (label.length() > 63) {
                findings.add(Finding.error(Field.HOST, "host.labelTooLong"));
                return findings;
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                findings.add(Finding.error(Field.HOST, "host.badHyphen"));
                return findings;
            }
        }
        String first = labels[0];
        if ((LOCAL_ACCOUNT_WORDS.contains(first) || first.startsWith("accounts-")) && h.contains("databricks")) {
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

    // ------------------------------------------------------------------ HTTP path

    private record PathNorm(String path, boolean legacy, String urlHost, Integer urlPort) {
    }

    private static PathNorm normalizePathFull(String raw) {
        String s = Text.unquote(raw);
        String urlHost = null;
        Integer urlPort = null;
        if (PastedConnection.looksLikeUrl(s)) {
            Optional<ConnectionParts> pasted = PastedConnection.parse(s);
            if (pasted.isPresent()) {
                urlHost = pasted.get().host();
                urlPort = pasted.get().port();
                if (pasted.get().httpPath() != null) {
                    s = pasted.get().httpPath();
                } else {
                    // A web address without a warehouse path: kept as typed, checkPath explains.
                    return new PathNorm(s, false, urlHost, urlPort);
                }
            }
        }
        boolean legacy = s.toLowerCase(Locale.ROOT).contains("/1.0/endpoints/")
                || Text.startsWithIgnoreCase(s, "sql/1.0/endpoints/");
        String path = PastedConnection.looksLikeUrl(s) ? s : fixpoint(s, SourceValidator::pathStep);
        return new PathNorm(path, legacy, urlHost, urlPort);
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

    static List<Finding> checkPath(String path, boolean legacy) {
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

    // ------------------------------------------------------------------ other normalizers

    private static String normalizePort(String raw) {
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

    private static Integer parsePort(String s) {
        if (!Text.isAsciiDigits(s)) {
            return null;
        }
        return s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
    }

    private static String normalizeClientId(String raw) {
        return fixpoint(raw, value -> {
            String s = Text.unquote(value);
            if (s.length() >= 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
                s = Text.clean(s.substring(1, s.length() - 1));
            }
            return Text.isUuid(s) ? s.toLowerCase(Locale.ROOT) : s;
        });
    }

    private static String normalizeSecret(String raw) {
        return fixpoint(raw, Text::unquote);
    }

    private static String normalizeCatalog(String raw) {
        return fixpoint(raw, value -> unbacktick(value).toLowerCase(Locale.ROOT));
    }

    private static String unbacktick(String value) {
        String s = Text.clean(value);
        while (s.length() >= 2 && s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`') {
            s = Text.clean(s.substring(1, s.length() - 1));
        }
        return s;
    }

    private static String normalizeSchemas(String raw) {
        return fixpoint(raw, value -> String.join(", ", splitSchemas(value)));
    }

    /** Splits like {@link SchemaList#split}, cleans every part of every name, and drops duplicates. */
    private static List<String> splitSchemas(String raw) {
        Set<String> items = new LinkedHashSet<>();
        for (String typed : SchemaList.split(raw)) {
            String item = cleanSchemaItem(typed);
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return new ArrayList<>(items);
    }

    private static String cleanSchemaItem(String item) {
        String[] parts = item.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(unbacktick(parts[i]).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** The first character that cannot be in a catalog or schema name, as text; {@code null} if none. */
    static String firstInvalidIdentifierChar(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-')) {
                if (Text.isJunk((char) cp) || Character.isISOControl(cp)) {
                    return Messages.SOURCE.text("char.space");
                }
                return "“" + new String(Character.toChars(cp)) + "”";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private static String fixpoint(String raw, UnaryOperator<String> step) {
        String s = raw == null ? "" : raw;
        for (int i = 0; i < MAX_ROUNDS; i++) {
            String next = step.apply(s);
            if (next.equals(s)) {
                return s;
            }
            s = next;
        }
        return s;
    }

    private static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    /** A safety net: no message may ever contain the secret, whatever a rule echoes. */
    private static List<Finding> redact(List<Finding> findings, String... secrets) {
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String message = f.message();
            String fix = f.suggestedFix();
            for (String secret : secrets) {
                String s = Text.clean(secret);
                if (s.length() >= 6) {
                    message = message.replace(s, "****");
                    fix = fix == null ? null : fix.replace(s, "****");
                }
            }
            result.add(new Finding(f.field(), f.severity(), message, fix, f.key()));
        }
        return result;
    }
}
