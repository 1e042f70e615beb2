package dev.retlsetup.diagnose;

import dev.retlsetup.source.SourceSettings;
import static dev.retlsetup.diagnose.Category.*;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps error text, or an exception chain, to a {@link Diagnosis} through ONE ordered table of
 * patterns ({@link #RULES}), the way the Databricks SDKs map errors: the first row whose pattern
 * occurs anywhere in the text wins, so specific rows come before general ones.
 *
 * <p>A row's pattern may name groups: {@code obj} (an object name: catalog, schema, table, IP,
 * warehouse id), {@code priv} (the missing privilege) and {@code type} (the securable type the
 * text names, e.g. {@code Table}). Rows for legacy {@code hive_metastore} table-ACL texts qualify
 * their names with {@code hive_metastore} so that the dialect follows from the name.
 */
public final class ErrorClassifier {

    /** One row of the table. */
    record Rule(Category category, Pattern pattern, boolean hive, String defaultObject) {
        boolean has(String group) {
            return pattern.pattern().contains("(?<" + group + ">");
        }
    }

    /** A missing privilege as the text states it. {@code type} is upper case, e.g. {@code TABLE}; may be null. */
    public record MissingGrant(Category category, String privilege, String type, String object) {
    }

    /** A quoted or dotted object name: 'a.b', "a.b", `a`.`b-c`, a.b. */
    // Possessive and length-bounded throughout: a long dotted name or a long run of capital words
    // must neither recurse (StackOverflowError) nor backtrack for long.
    private static final String PART = "(?:`(?:[^`\\n]|``){1,256}+`|[\\w$-]{1,256}+)";
    private static final String NAME =
            "(?<obj>'[^'\\n]{1,512}+'|\"[^\"\\n]{1,512}+\"|" + PART + "(?:\\." + PART + "){0,8}+)";
    private static final String OPT_NAME = "(?:\\s+" + NAME + ")?";
    private static final String TYPES = "(?<type>catalog|schema|database|materialized view|streaming table|table|view"
            + "|function|volume|external location|storage credential|connection|share|recipient|provider"
            + "|metastore|registered model|model|any file|anonymous function)";
    /** An upper-case privilege name, possibly several words: SELECT, USE SCHEMA, READ FILES, READ_METADATA. */
    private static final String PRIV = "(?-i:(?<priv>[A-Z][A-Z_]{0,40}+(?: [A-Z][A-Z_]{0,40}+){0,4}?))";
    private static final String NOT_HAVE = "does not have (?:the )?";

    private static final List<Rule> RULES = List.of(
            // --- honest UNKNOWNs first: texts that look like a known problem but are not one ---------
            // (cloud storage refused the workspace: an IAM role or storage credential, not a GRANT)
            row(UNKNOWN, "error from cloud storage provider|AccessDeniedException error"),
            // (GRANT refused because table access control is off on that cluster: not a syntax error)
            row(UNKNOWN, "Operation not allowed: GRANT|Table Access Control is not enabled on this cluster"),
            // (an all-purpose cluster's "Can attach to" permission, as Databricks Connect meets it: not a GRANT
            // and not the SQL warehouse's "Can use")
            row(UNKNOWN, "permission to attach to cluster"),
            // --- network, TLS, host -------------------------------------------------------------
            row(IP_BLOCKED, "Source IP address:?\\s*(?<obj>[0-9A-Fa-f.:]+?)\\s+is blocked"),
            row(IP_BLOCKED, "blocked by (?:the )?(?:Databricks )?IP (?:ACL|access list)"),
            row(PRIVATE_LINK_BLOCKED, "Private ?Link enabled and is not accessible"),
            row(PRIVATE_LINK_BLOCKED, "(?:Private ?Link|Private Service Connect|private access settings?)[^\\n]{0,160}?"
                    + "(?:not accessible|validation|blocked|denied|not allowed|rejected)"),
            row(PRIVATE_LINK_BLOCKED, "(?:PrivateLink|Private Service Connect) validation"
                    // the web front end's redirect when a request came in outside the private endpoint
                    + "|private-link-validation-error"),
            row(TLS_UNTRUSTED, "PKIX path (?:building|validation) failed|unable to find valid certification path"
                    + "|CERTIFICATE_VERIFY_FAILED|unable to get local issuer certificate|self[- ]signed certificate"
                    + "|SSLPeerUnverifiedException|No subject alternative (?:DNS )?names? matching"
                    + "|doesn't match any of the subject alternative names|certificate_unknown|bad_certificate"
                    + "|CertificateExpiredException|certificate has expired|CertPathValidatorException"),
            row(HOST_NOT_FOUND, "UnknownHostException:?\\s*(?<obj>[\\w.-]+\\.[\\w-]+)"),
            // Go's resolver (the Go driver, the CLI, Terraform): "dial tcp: lookup <host>: no such host"
            row(HOST_NOT_FOUND, "dial tcp: lookup (?<obj>[\\w.-]{1,253}+)(?: on (?:\\[[0-9a-fA-F:]{1,45}+\\]|[\\w.]{1,64}+)(?::\\d{1,5}+)?)?: no such host"),
            row(HOST_NOT_FOUND, "UnknownHostException|Name or service not known|Temporary failure in name resolution"
                    + "|nodename nor servname provided|No such host is known|getaddrinfo (?:ENOTFOUND|failed)"
                    + "|Could not resolve host|Name does not resolve|NXDOMAIN|Failed to resolve|\\bno such host\\b"),
            // --- identity and credentials --------------------------------------------------------
            row(OAUTH_NOT_SUPPORTED_HOST, "OAuth is not supported for this host"),
            row(CREDENTIALS_MISSING, "cannot configure default credentials|You haven't configured the CLI yet"
                    + "|InvalidConfigurationError|no credentials (?:were )?(?:found|provided|configured)"
                    + "|Required setting (?:UID|PWD|Auth_AccessToken) is not present"
                    // the Go driver's DSN with "token:@host"
                    + "|invalid DSN: empty token"),
            row(OAUTH_NOT_SUPPORTED_HOST, "getTokenEndpoint\\(\\)|oauth-authorization-server[^\\n]{0,200}?(?:HTML|not JSON|404)"
                    + "|(?:OIDC|OAuth) discovery (?:failed|returned)"),
            row(WRONG_CREDENTIAL_KIND, "AADSTS\\d+|login\\.microsoftonline\\.com"),
            row(WRONG_CREDENTIAL_KIND, "(?:personal access token|\\bPAT\\b)[^\\n]{0,80}?(?:not supported|not allowed|OAuth)"),
            row(INVALID_CLIENT, "invalid_client|Client authentication failed|unauthorized_client"
                    + "|Failed to refresh (?:credentials|access token)|oauth-m2m auth|Failed to obtain (?:an )?(?:OAuth |access )?token"
                    + "|OAuth application with client_id[^\\n]{0,80}?not available|FAILURE_OAUTH_REQUEST"),
            row(NOT_IN_WORKSPACE, "(?:Invalid|Unauthorized) access to Org|not (?:a )?member of (?:the |this )?workspace"
                    + "|is not part of (?:the |this )?workspace|databricks-sql-access|Databricks SQL access entitlement"
                    + "|does not have (?:the )?(?:Databricks )?SQL access"),
            row(ACCESS_TOKEN_REJECTED, "Invalid (?:access|personal access) token|(?:access )?token (?:has |is )?expired|expired (?:access )?token"
                    + "|Token is expiring|invalid_token|Credential was not sent or was of an unsupported type|ExpiredJwtException"
                    // the SDKs' request log: the response's reason line on its own
                    + "|(?m:^< Invalid Token\\b)"),
            // --- warehouse ----------------------------------------------------------------------
            row(WAREHOUSE_ACCESS_DENIED, "is not authorized to use this (?:SQL )?(?:Endpoint|Warehouse)"
                    + "|does not have (?:the )?(?:CAN[ _]USE|Can use) (?:permission )?on (?:the |this )?(?:SQL )?(?:warehouse|endpoint)"
                    // the Simba drivers' "Communication link failure … HTTP Response code: 403" at session open
                    + "|Communication link failure[^\\n]{0,160}?HTTP Response code: 403"),
            row(WAREHOUSE_NOT_FOUND, "(?:Warehouse|SQL endpoint|Endpoint) '?(?<obj>[0-9a-f]{6,})'? (?:does not exist|was not found|not found)"),
            row(WAREHOUSE_NOT_FOUND, "(?:warehouse|endpoint)[^\\n]{0,60}?(?:does not exist|not found)"
                    + "|/sql/1\\.0/(?:warehouses|endpoints)/(?<obj>\\w+)[^\\n]{0,200}?\\b404\\b"
                    // an HTTP path naming a cluster that is gone
                    + "|No cluster found matching"),
            // an HTTP path that is not a warehouse path at all (copied incompletely or with extra characters)
            row(WAREHOUSE_NOT_FOUND, "Path /sql/1\\.0/(?:warehouses|endpoints)/(?<obj>\\w{1,64}+) must match pattern"),
            // the workspace's own sign-in or API service, not the warehouse
            row(SERVICE_ERROR, "Authentication is temporarily unavailable|There was an internal error handling request"),
            row(WAREHOUSE_UNAVAILABLE, "too many 503 error responses|\\b503 Service Unavailable|(?:HTTP|status|response code)[^\\n]{0,20}?\\b503\\b"
                    + "|TEMPORARILY_UNAVAILABLE|Retry failure|(?:warehouse|endpoint)[^\\n]{0,40}?\\b(?:is |was )?(?:stopped|starting|stopping|not running|deleting)\\b"
                    + "|Invalid SessionHandle|session (?:has been |was |is )?(?:closed|expired)|SESSION_CLOSED|SocketTimeoutException: Read timed out"
                    + "|Session handle:[^\\n]{0,120}?has not been initialized or had already closed"
                    // the Node.js driver giving up while a warehouse starts
                    + "|\\b503 when connecting"
                    + "|Read timed out|timed out waiting for (?:the )?(?:warehouse|endpoint|cluster)"),
            // --- the service itself: server errors, gateways, throttling (after 503 = the warehouse) ---
            row(SERVICE_ERROR, "(?:HTTP|status|response|failed by) code:?[^\\n]{0,20}?\\b(?:500|502|504|429)\\b"
                    + "|\\bhttp-code\"?: ?\"?(?:500|502|504|429)\\b"
                    + "|\\b502 Bad Gateway|\\b504 Gateway Time-?out|Temporarily throttled|too many requests|REQUEST_LIMIT_EXCEEDED"
                    + "|\\b500 Internal Server Error"),
            // --- network, after the warehouse rows ("Max retries exceeded … 503" is the warehouse) ---
            row(NETWORK_UNREACHABLE, "ConnectException|Connection refused|connect timed out|Connection timed out"
                    + "|Remote end closed connection without response|Failed to establish a new connection"
                    + "|actively refused|ConnectTimeoutError"
                    + "|No route to host|Network is unreachable|HttpHostConnectException|Connection reset"
                    + "|Unable to tunnel through proxy|Proxy Authentication Required|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH"
                    // Go's net/http: no TLS answer on that host and port (a wrong port, a proxy, a firewall)
                    + "|TLS handshake timeout"),
            // --- catalog kind ---------------------------------------------------------------------
            row(UNITY_CATALOG_NOT_ENABLED, "Catalog '(?<obj>[^'\\n]+)' plugin class not found"),
            row(UNITY_CATALOG_NOT_ENABLED, "UC_NOT_ENABLED|Unity Catalog is not enabled|plugin class not found"
                    + "|not enabled for Unity Catalog|UC_NOT_ENABLED|Catalog namespace is not supported"
                    + "|OPERATION_REQUIRES_UNITY_CATALOG|requires Unity Catalog enabled"),
            // --- missing privileges, Unity Catalog wording ----------------------------------------
            row(MISSING_USE_CATALOG, NOT_HAVE + "(?-i:(?<priv>USE CATALOG)) (?:privilege )?on (?<type>catalog)" + OPT_NAME),
            row(MISSING_USE_SCHEMA, NOT_HAVE + "(?-i:(?<priv>USE SCHEMA)) (?:privilege )?on (?<type>schema)" + OPT_NAME),
            row(MISSING_SELECT, NOT_HAVE + "(?-i:(?<priv>SELECT)) (?:privilege )?on " + TYPES + OPT_NAME),
            row(MISSING_CREATE_SCHEMA, NOT_HAVE + "(?-i:(?<priv>CREATE SCHEMA)) (?:privilege )?on (?<type>catalog)" + OPT_NAME),
            // --- missing privileges, legacy hive_metastore table ACL wording ----------------------
            hive(MISSING_USE_SCHEMA, NOT_HAVE + "(?:permission |privilege )?(?-i:(?<priv>USAGE)) on (?<type>database|schema)" + OPT_NAME, null),
            hive(MISSING_SELECT, NOT_HAVE + "(?:permission |privilege )(?-i:(?<priv>SELECT)) on (?<type>table|view|database|schema|catalog)" + OPT_NAME, null),
            hive(MISSING_CREATE_SCHEMA, NOT_HAVE + "(?:permission |privilege )?(?-i:(?<priv>CREATE)) on (?<type>catalog)" + OPT_NAME,
                    SourceSettings.HIVE_METASTORE),
            hive(MISSING_PRIVILEGE, NOT_HAVE + "(?:permission |privilege )" + PRIV + " on " + TYPES + OPT_NAME, null),
            // --- any other missing privilege ------------------------------------------------------
            row(MISSING_PRIVILEGE, NOT_HAVE + PRIV + " (?:privilege |permission )?on " + TYPES + OPT_NAME),
            row(MISSING_PRIVILEGE, "is not (?:an |the )?owner of " + TYPES + OPT_NAME),
            // --- not found (may also mean: exists, but the principal cannot see it) ---------------
            row(CATALOG_NOT_FOUND, "Catalog " + NAME + " (?:was )?not found|Catalog " + NAME.replace("<obj>", "<obj3>")
                    + " does not exist|The catalog " + NAME.replace("<obj>", "<obj2>")
                    + " cannot be found"),
            row(CATALOG_NOT_FOUND, "NO_SUCH_CATALOG_EXCEPTION|CATALOG_NOT_FOUND|NoSuchCatalogException"),
            row(SCHEMA_NOT_FOUND, "The schema " + NAME + " cannot be found|Database " + NAME.replace("<obj>", "<obj2>")
                    + " not found"),
            row(SCHEMA_NOT_FOUND, "SCHEMA_NOT_FOUND|NoSuchDatabaseException|NoSuchNamespaceException"),
            row(TABLE_NOT_FOUND, "The table or view " + NAME + " cannot be found|Table or (?:permanent )?view not found:\\s*"
                    + NAME.replace("<obj>", "<obj2>")),
            row(TABLE_NOT_FOUND, "TABLE_OR_VIEW_NOT_FOUND|NoSuchTableException"),
            // --- the query itself is wrong (a model's SQL) ----------------------------------------
            // (Jackson's JsonParseException is a web page read as JSON, not a query's syntax)
            row(QUERY_INVALID, "PARSE_SYNTAX_ERROR|UNRESOLVED_COLUMN|UNRESOLVED_ROUTINE|INVALID_IDENTIFIER|Syntax error at or near"
                    + "|(?<!Json)ParseException|cannot resolve '|DATATYPE_MISMATCH|Syntax or semantic analysis error"),
            // --- late, generic fallbacks ----------------------------------------------------------
            row(UNEXPECTED_WEB_PAGE, "Unexpected character \\('<'|Unrecognized token '<|<!DOCTYPE html|<html[\\s>]"
                    + "|Unexpected token '<'|invalid character '<' looking for beginning of value|Invalid JSON received"
                    + "|Access control configuration prevents your request from being"),
            row(WAREHOUSE_ACCESS_DENIED, "establishing a connection[^\\n]{0,200}?\\b403\\b"),
            // a bare 404 is the warehouse only when the text is about the warehouse (the http path),
            // or in the drivers' Thrift-transport form, which is a POST to the http path
            row(WAREHOUSE_NOT_FOUND, "HTTP Response code: 404|(?:warehouse|endpoint|/sql/1\\.0/)[^\\n]{0,200}?(?:HTTP|status|response code)[^\\n]{0,20}?\\b404\\b"
                    + "|(?:HTTP|status|response code)[^\\n]{0,20}?\\b404\\b[^\\n]{0,200}?(?:warehouse|endpoint|/sql/1\\.0/)"),
            row(ACCESS_TOKEN_REJECTED, "(?:HTTP|status|response code)[^\\n]{0,20}?\\b401\\b|401 Unauthorized|\\b401 \\(Unauthorized\\)|\\(401\\) Unauthorized"),
            row(TLS_UNTRUSTED, "SSLHandshakeException|SSLException"),
            row(MISSING_PRIVILEGE, "INSUFFICIENT_PERMISSIONS|Insufficient privileges|PERMISSION_DENIED|sqlState:42501|SQLSTATE: 42501"));

    private static Rule row(Category category, String regex) {
        return new Rule(category, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), false, null);
    }

    private static Rule hive(Category category, String regex, String defaultObject) {
        return new Rule(category, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), true, defaultObject);
    }

    /** The table, in order: for documentation and tests. */
    static List<Rule> rules() {
        return RULES;
    }

    private final String[] secrets;

    public ErrorClassifier() {
        this.secrets = new String[0];
    }

    private ErrorClassifier(String[] secrets) {
        this.secrets = secrets.clone();
    }

    /** A classifier that also masks these secrets (the OAuth secret the user typed, say) in raw texts. */
    public static ErrorClassifier withSecrets(String... secrets) {
        return new ErrorClassifier(secrets == null ? new String[0] : secrets);
    }

    /**
     * The most characters read of one text: its first {@value #HEAD_CHARS} and last
     * {@value #TAIL_CHARS} (a stack trace's root cause is at its end). What lies between is not
     * read, and the diagnosis says how much that was.
     */
    static final int HEAD_CHARS = 48_000;
    static final int TAIL_CHARS = 16_000;

    /** Classifies error text: an HTTP body, a driver message, a pasted SQL error. Never throws. */
    public Diagnosis classify(String text) {
        if (text == null || text.isBlank()) {
            return new Diagnosis(UNKNOWN, List.of(), null, "");
        }
        return classifyText(text);
    }

    private Diagnosis classifyText(String full) {
        int notRead = Math.max(0, full.length() - HEAD_CHARS - TAIL_CHARS);
        String text = notRead == 0 ? full
                : full.substring(0, HEAD_CHARS) + "\n" + full.substring(full.length() - TAIL_CHARS);
        String server = DriverText.serverText(text);
        String haystack = server == null ? text : server + "\n" + text;
        Diagnosis d = classifyHaystack(haystack, server != null ? server : text);
        Wrapper wrapper = WrapperReader.read(text);
        if (wrapper != null && wrapper.innerMessage() != null) {
            wrapper = new Wrapper(wrapper.tool(), wrapper.vendorCode(), wrapper.httpStatus(),
                    SecretMasker.mask(wrapper.innerMessage(), secrets));
        }
        return new Diagnosis(d.category(), d.objects(), d.privilege(), d.rawText(), wrapper, notRead);
    }

    /**
     * Classifies an exception chain: causes, suppressed exceptions and SQLException's next
     * exceptions, each as {@code ClassName: message}; the driver's Thrift wrapper is unwrapped to
     * the server's own text.
     */
    public Diagnosis classify(Throwable t) {
        if (t == null) {
            return new Diagnosis(UNKNOWN, List.of(), null, "");
        }
        return classifyText(chainText(t));
    }

    private Diagnosis classifyHaystack(String haystack, String relevant) {
        String raw = SecretMasker.mask(relevant.strip(), secrets);
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(haystack);
            if (m.find()) {
                if (rule.category() == UNKNOWN) {
                    break; // a guard row: honestly not a category we can name
                }
                Set<String> objects = new LinkedHashSet<>();
                String object = object(rule, m);
                if (object != null) {
                    objects.add(object);
                }
                if (rule.category().isMissingGrant()) {
                    // A text may list several missing privileges; keep every object it names.
                    for (MissingGrant g : missingGrants(haystack)) {
                        if (g.object() != null) {
                            objects.add(g.object());
                        }
                    }
                }
                String privilege = rule.has("priv") ? clean(m.group("priv")) : null;
                return new Diagnosis(rule.category(), new ArrayList<>(objects), privilege, raw);
            }
        }
        return new Diagnosis(UNKNOWN, List.of(), null, raw);
    }

    /**
     * Every missing privilege the text states, in order of appearance, from the privilege rows of
     * the table (a Unity Catalog error may list more than one).
     */
    public static List<MissingGrant> missingGrants(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        record Hit(int start, MissingGrant grant) {
        }
        List<Hit> hits = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.category().isMissingGrant() || !rule.has("priv")) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (taken.stream().anyMatch(r -> s < r[1] && e > r[0])) {
                    continue; // an earlier (more specific) row already read this sentence
                }
                taken.add(new int[] {s, e});
                String type = rule.has("type") && m.group("type") != null
                        ? m.group("type").toUpperCase(Locale.ROOT) : null;
                hits.add(new Hit(s, new MissingGrant(rule.category(), clean(m.group("priv")), type, object(rule, m))));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<MissingGrant> out = new ArrayList<>();
        for (Hit h : hits) {
            if (!out.contains(h.grant())) {
                out.add(h.grant());
            }
        }
        return out;
    }

    private static String object(Rule rule, Matcher m) {
        String raw = null;
        for (String group : List.of("obj", "obj2", "obj3")) {
            if (rule.has(group) && m.group(group) != null) {
                raw = m.group(group);
                break;
            }
        }
        String type = rule.has("type") ? m.group("type") : null;
        if (raw == null) {
            return rule.defaultObject();
        }
        String name = normalizeFromError(raw);
        if (name.isEmpty()) {
            return rule.defaultObject();
        }
        if (rule.hive()) {
            name = qualifyHive(name, type);
        }
        return name;
    }

    /**
     * Error texts quote names both as {@code `a`.`b`} and as {@code `a.b`}; a dot inside backticks
     * there is a separator, not part of a name.
     */
    static String normalizeFromError(String raw) {
        List<String> parts = new ArrayList<>();
        for (String part : SqlIdentifiers.parts(raw)) {
            for (String piece : part.split("\\.")) {
                if (!piece.isEmpty()) {
                    parts.add(piece);
                }
            }
        }
        return SqlIdentifiers.normalize(String.join(".", parts.stream().map(p ->
                p.contains("`") ? SqlIdentifiers.always(p) : p).toList()));
    }

    /** Legacy table-ACL names are schema-relative ({@code db.t}) or use the alias {@code spark_catalog}. */
    private static String qualifyHive(String name, String type) {
        List<String> parts = new ArrayList<>(SqlIdentifiers.parts(name));
        if (parts.isEmpty()) {
            return name;
        }
        String first = parts.get(0);
        if (first.equalsIgnoreCase("spark_catalog")) {
            parts.set(0, SourceSettings.HIVE_METASTORE);
        } else if (!first.equalsIgnoreCase(SourceSettings.HIVE_METASTORE)
                && (type == null || !type.equalsIgnoreCase("catalog"))) {
            parts.add(0, SourceSettings.HIVE_METASTORE);
        }
        return SqlIdentifiers.normalize(String.join(".", parts.stream().map(p ->
                p.contains(".") || p.contains("`") ? SqlIdentifiers.always(p) : p).toList()));
    }

    private static String clean(String privilege) {
        return privilege == null ? null : privilege.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** {@code Class: message} for every throwable reachable from t, depth first, each once. */
    static String chainText(Throwable root) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty() && seen.size() < 64) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            String message;
            try {
                message = t.getMessage();
            } catch (RuntimeException e) {
                message = null;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t.getClass().getName());
            if (message != null) {
                out.append(": ").append(message);
            }
            List<Throwable> next = new ArrayList<>();
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                next.add(sql.getNextException());
            }
            next.addAll(List.of(t.getSuppressed()));
            for (int i = next.size() - 1; i >= 0; i--) {
                todo.push(next.get(i));
            }
        }
        return out.toString();
    }
}
