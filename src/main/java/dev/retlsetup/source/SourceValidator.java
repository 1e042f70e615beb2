package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;

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
 * <p>Each family of fields has its own rules ({@link HostRules}, {@link HttpPathRules},
 * {@link CredentialRules}, {@link IdentifierRules}); this class composes them and holds the rules that
 * need two fields. A port written in the host ({@code host:8443}) is taken out of the host. When the Port
 * field is empty, that port is used (a warning tells the user it moved, unless it is 443); when the Port
 * field holds a different port, that is an error, since we cannot know which one is right.
 */
public final class SourceValidator {
    /** Shorter secrets are not redacted: they would match ordinary words of the messages. */
    private static final int MIN_REDACTED = 6;

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
        HostRules.ParsedHost rawHost = HostRules.parse(raw.host());
        HttpPathRules.ParsedPath rawPath = HttpPathRules.parse(raw.httpPath());
        SourceInput n = normalize(raw, rawHost, rawPath);
        List<Finding> findings = new ArrayList<>();

        findings.addAll(HostRules.check(n.host()));
        findings.addAll(portWrittenInHost(rawHost.port(), raw.port()));
        findings.addAll(HttpPathRules.check(n.httpPath(), rawPath.legacy()));

        FieldResult<Integer> port = HostRules.port(n.port());
        findings.addAll(port.findings());
        if (port.value() != null && port.value() != SourceSettings.DEFAULT_PORT && Cloud.of(n.host()) != Cloud.LOCAL) {
            findings.add(Finding.warning(Field.PORT, "port.unusual", String.valueOf(port.value())));
        }

        FieldResult<String> clientId = CredentialRules.clientId(n.clientId());
        findings.addAll(clientId.findings());
        FieldResult<String> secret = CredentialRules.secret(n.secret());
        findings.addAll(secret.findings());

        FieldResult<String> catalog = IdentifierRules.catalog(n.catalog());
        findings.addAll(catalog.findings());
        FieldResult<List<String>> schemas = IdentifierRules.schemas(n.schemas());
        for (Finding f : schemas.findings()) {
            if (!schemasRequired && "schemas.required".equals(f.key())) {
                findings.add(Finding.warning(Field.SCHEMAS, "schemas.none"));
                continue;
            }
            if ("schemas.hiveMetastore".equals(f.key()) && SourceSettings.HIVE_METASTORE.equals(catalog.value())) {
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

    /** A port written in the host: moved to the empty Port field (said unless 443), or in conflict with it. */
    private static List<Finding> portWrittenInHost(Integer hostPort, String rawPort) {
        if (hostPort == null) {
            return List.of();
        }
        String typedPort = Text.clean(rawPort);
        if (typedPort.isEmpty()) {
            return hostPort == SourceSettings.DEFAULT_PORT ? List.of()
                    : List.of(Finding.warning(Field.HOST, "host.portMoved", String.valueOf(hostPort)));
        }
        Integer typed = HostRules.parsePort(HostRules.normalizePort(typedPort));
        if (typed != null && !typed.equals(hostPort)) {
            return List.of(Finding.error(Field.HOST, "host.portConflict", String.valueOf(hostPort),
                    String.valueOf(typed)));
        }
        return List.of();
    }

    /**
     * The text every field should show once tidied up: hosts without scheme, path or port, paths with
     * their leading slash, the port defaulted to 443, identifiers without backticks, and so on. A whole
     * connection string pasted into the host or HTTP path field is spread over the empty fields.
     * Idempotent: {@code normalize(normalize(x)).equals(normalize(x))}. Never throws.
     */
    public static SourceInput normalize(SourceInput input) {
        SourceInput raw = input == null ? SourceInput.empty() : input;
        return normalize(raw, HostRules.parse(raw.host()), HttpPathRules.parse(raw.httpPath()));
    }

    private static SourceInput normalize(SourceInput raw, HostRules.ParsedHost h, HttpPathRules.ParsedPath p) {
        String host = h.host();
        if (host.isEmpty() && p.pastedHost() != null) {
            host = HostRules.parse(p.pastedHost()).host();
        }
        String path = p.path();
        if (path.isEmpty() && h.pastedPath() != null) {
            path = HttpPathRules.parse(h.pastedPath()).path();
        }
        String port = Text.clean(raw.port());
        if (port.isEmpty()) {
            Integer from = h.port() != null ? h.port() : p.pastedPort();
            port = from != null ? String.valueOf(from) : String.valueOf(SourceSettings.DEFAULT_PORT);
        }
        return new SourceInput(host, path, HostRules.normalizePort(port),
                CredentialRules.normalizeClientId(raw.clientId()), CredentialRules.normalizeSecret(raw.secret()),
                IdentifierRules.normalizeCatalog(raw.catalog()), IdentifierRules.normalizeSchemas(raw.schemas()));
    }

    // ------------------------------------------------------------------ single fields

    /**
     * The workspace host. A port in it is dropped here (see the class comment for what
     * {@link #validate} does with it); a pasted URL is reduced to its host.
     */
    public static FieldResult<String> host(String raw) {
        return HostRules.host(raw);
    }

    /** The SQL warehouse's HTTP path ({@code /sql/1.0/warehouses/<id>}). */
    public static FieldResult<String> httpPath(String raw) {
        return HttpPathRules.httpPath(raw);
    }

    /** The port; 443 when empty. */
    public static FieldResult<Integer> port(String raw) {
        return HostRules.port(raw);
    }

    /** The service principal's application ID (a UUID). */
    public static FieldResult<String> clientId(String raw) {
        return CredentialRules.clientId(raw);
    }

    /** The OAuth secret ({@code dose…}). Messages never contain it. */
    public static FieldResult<String> secret(String raw) {
        return CredentialRules.secret(raw);
    }

    /** The optional catalog; empty means the workspace's default catalog. */
    public static FieldResult<String> catalog(String raw) {
        return IdentifierRules.catalog(raw);
    }

    /**
     * The schemas to read: {@code schema} or {@code catalog.schema}, separated by commas, spaces or new
     * lines (see {@link SchemaList#split}). The value lists the valid ones, without duplicates.
     */
    public static FieldResult<List<String>> schemas(String raw) {
        return IdentifierRules.schemas(raw);
    }

    // ------------------------------------------------------------------ helpers

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A safety net: no message may ever contain the secret, whatever a rule echoes. */
    private static List<Finding> redact(List<Finding> findings, String... secrets) {
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String message = f.message();
            String fix = f.suggestedFix();
            for (String secret : secrets) {
                String s = Text.clean(secret);
                if (s.length() >= MIN_REDACTED) {
                    message = message.replace(s, "****");
                    fix = fix == null ? null : fix.replace(s, "****");
                }
            }
            result.add(new Finding(f.field(), f.severity(), message, fix, f.key()));
        }
        return result;
    }
}
