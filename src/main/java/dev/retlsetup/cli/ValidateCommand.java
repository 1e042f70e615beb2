package dev.retlsetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.Validation;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code retl-setup validate}: checks the source settings offline (nothing is sent anywhere).
 * Exit 0 when valid (warnings allowed), 1 when any field has an error, 2 on wrong arguments or an
 * unusable {@code ~/.databrickscfg} profile.
 */
public final class ValidateCommand implements Command {
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final String JSON = "--json";

    /** Made on first use: every command is constructed at start-up, and {@code test} never needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check the Databricks source settings offline (no network)";
    }

    @Override
    public String usage() {
        return "Usage: java -jar retl-setup.jar validate [source options] [--json]\n\n"
                + "Checks the connection settings without connecting: formats, mix-ups (numeric ID instead of the\n"
                + "application ID, personal access token instead of an OAuth secret, account console instead of\n"
                + "the workspace, cluster instead of SQL warehouse), and prints what to fix.\n\n"
                + SourceOptions.usage()
                + "\nOutput:\n"
                + "  --json               print one JSON object: {valid, settings, findings}; never the secret\n\n"
                + "Exit codes: 0 valid (warnings allowed), 1 a setting is wrong, 2 wrong arguments or profile.\n";
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        SourceOptions.rejectSecretArguments(args);
        Args parsed = Args.parse(args, SourceOptions.VALUE_OPTIONS, Set.of(JSON));
        SourceOptions.Resolved resolved;
        try {
            resolved = SourceOptions.resolve(parsed, context);
        } catch (ConfigFileException e) {
            context.err().println("retl-setup validate: " + e.getMessage());
            if (parsed.has(JSON)) {
                context.out().println(UsageErrorJson.of("config", e.getMessage(), USAGE));
            }
            return USAGE;
        }
        resolved.notes().forEach(note -> context.err().println("retl-setup validate: " + note));
        // Segment's source has no schema field: without --schemas, say so but do not fail.
        Validation validation = resolved.validation();
        if (parsed.has(JSON)) {
            context.out().println(toJson(validation));
        } else {
            printReport(validation, resolved, context.out());
        }
        return validation.valid() ? 0 : INVALID;
    }

    /**
     * {@code {"valid", "settings": {host, httpPath, port, clientId, catalog, schemas}, "findings": [{field,
     * severity, message, suggestedFix, code}]}}; never the secret.
     */
    static String toJson(Validation validation) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("valid", validation.valid());
        SourceSettings s = validation.settings();
        Masking m = new Masking(s);
        ObjectNode settings = root.putObject("settings");
        settings.put("host", m.mask(s.host()));
        settings.put("httpPath", m.mask(s.httpPath()));
        settings.put("port", s.port());
        settings.put("clientId", m.mask(s.clientId()));
        settings.put("catalog", m.mask(s.catalog()));
        ArrayNode schemas = settings.putArray("schemas");
        s.schemas().forEach(schema -> schemas.add(m.mask(schema)));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : validation.findings()) {
            ObjectNode node = findings.addObject();
            node.put("field", f.field().jsonName());
            node.put("severity", f.severity().jsonName());
            node.put("message", m.mask(f.message()));
            node.put("suggestedFix", m.mask(f.suggestedFix()));
            node.put("code", f.key());
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the command prints passes through the tester's masking rules: a secret pasted into another field (a
     * JDBC URL with {@code PWD=...} as the client ID) never comes back in clear.
     */
    private record Masking(SourceSettings settings) {
        String mask(String text) {
            return text == null ? null : SecretMasker.mask(text, settings.secret());
        }
    }

    private static void printReport(Validation validation, SourceOptions.Resolved resolved, PrintStream out) {
        SourceSettings s = validation.settings();
        Masking m = new Masking(s);
        out.println("Databricks source settings (checked offline; nothing was sent anywhere)");
        out.println();
        String cloud = s.host() == null ? "" : "  (" + s.cloud().displayName() + ")";
        row(out, Field.HOST, orNone(m.mask(s.host())) + cloud, resolved);
        row(out, Field.HTTP_PATH, orNone(m.mask(s.httpPath())), resolved);
        row(out, Field.PORT, s.port() == 0 ? "(not a valid port)" : String.valueOf(s.port()), resolved);
        row(out, Field.CLIENT_ID, orNone(m.mask(s.clientId())), resolved);
        row(out, Field.SECRET, s.secret() == null ? "(not set: use DATABRICKS_CLIENT_SECRET or --profile)"
                : "set (hidden)", resolved);
        row(out, Field.CATALOG, s.catalog() == null ? "(workspace default)" : m.mask(s.catalog()), resolved);
        String schemas = m.mask(validation.normalized().schemas());
        row(out, Field.SCHEMAS, schemas.isEmpty() ? "(none)" : schemas, resolved);
        out.println();
        for (Finding f : validation.findings()) {
            out.println((f.isError() ? "✗ " : "! ") + f.field().displayName() + ": " + m.mask(f.message()));
            if (f.suggestedFix() != null) {
                out.println("    Fix: " + m.mask(f.suggestedFix()));
            }
        }
        if (!validation.findings().isEmpty()) {
            out.println();
        }
        int errors = validation.errors().size();
        int warnings = validation.warnings().size();
        if (errors == 0) {
            out.println("Valid: ready for the connection test"
                    + (warnings == 0 ? "." : " (" + plural(warnings, "warning") + " to read)."));
        } else {
            out.println("Not valid: " + plural(errors, "problem") + " to fix"
                    + (warnings == 0 ? "." : ", and " + plural(warnings, "warning") + " to read."));
        }
    }

    private static void row(PrintStream out, Field field, String value, SourceOptions.Resolved resolved) {
        String origin = resolved.prefill().origin(field);
        out.printf("  %-16s %s%s%n", field.displayName(), value, origin == null ? "" : "   [from " + origin + "]");
    }

    private static String orNone(String value) {
        return value == null ? "(empty)" : value;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
