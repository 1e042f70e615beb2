package dev.retlsetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.ErrorClassifier;
import dev.retlsetup.diagnose.Explanations;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.RemediationWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** {@code explain}: classifies an error text read from standard input and prints the fix. */
public final class ExplainCommand implements Command {
    private static final int MAX_INPUT = 1024 * 1024;

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "explain an error text read from standard input, with the fix";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar retl-setup.jar explain [--principal ID] [--catalog C] [--json] < error.txt

                Reads an error text (a driver exception, an HTTP body, a SQL error) from standard
                input, says what it means in plain words, and prints the steps and the exact GRANT
                statements that fix it.

                Options:
                  --principal ID   the service principal's application ID, used in the GRANT statements
                                   (default: DATABRICKS_CLIENT_ID, else a placeholder)
                  --catalog C      the source's catalog, for schema-relative names and the SQL dialect
                                   (hive_metastore means legacy table access control)
                  --json           print one JSON object: category, objects, title, explanation,
                                   remediation {steps, sql}

                Exit codes: 0 explained (also when the category is UNKNOWN), 2 wrong arguments or no input.
                """;
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        Args parsed = Args.parse(args, Set.of("--principal", "--catalog"), Set.of("--json"));
        Input input = readAll(context);
        String text = input.text();
        if (text.isBlank()) {
            throw new UsageException("no error text on standard input");
        }
        String principal = parsed.value("--principal");
        if (principal == null) {
            principal = context.env("DATABRICKS_CLIENT_ID");
        }
        String catalog = parsed.value("--catalog");
        if (catalog != null && catalog.isBlank()) {
            throw new UsageException("--catalog needs a catalog name");
        }
        CatalogKind kind = catalog == null ? null : CatalogKind.ofCatalog(catalog);

        Diagnosis diagnosis = ErrorClassifier
                .withSecrets(context.env("DATABRICKS_CLIENT_SECRET"), context.env("DATABRICKS_TOKEN"))
                .classify(text);
        Explanations explanations = new Explanations();
        Remediation remediation = new RemediationWriter(explanations).write(diagnosis, principal, kind, catalog);
        String title = explanations.headline(diagnosis);
        String explanation = explanations.explanation(diagnosis);

        if (input.truncated()) {
            // Said on stderr so that --json output stays one JSON object.
            context.err().println("Only the first " + MAX_INPUT / 1024 + " KB of standard input were read; the rest was ignored.");
        }
        if (parsed.has("--json")) {
            printJson(context.out(), diagnosis, title, explanation, remediation, input.truncated());
        } else {
            printReport(context.out(), diagnosis, title, explanation, remediation);
        }
        return Cli.OK;
    }

    /** Standard input as text, and whether it was longer than {@link #MAX_INPUT} bytes. */
    private record Input(String text, boolean truncated) {
    }

    private static Input readAll(CliContext context) throws UsageException {
        if (context.in() == null) {
            return new Input("", false);
        }
        try {
            byte[] bytes = context.in().readNBytes(MAX_INPUT + 1);
            boolean truncated = bytes.length > MAX_INPUT;
            int length = truncated ? MAX_INPUT : bytes.length;
            return new Input(new String(bytes, 0, length, StandardCharsets.UTF_8), truncated);
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + e.getMessage());
        }
    }

    private static void printJson(PrintStream out, Diagnosis d, String title, String explanation, Remediation r,
            boolean inputTruncated) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("category", d.category().name());
        ArrayNode objects = root.putArray("objects");
        d.objects().forEach(objects::add);
        if (d.wrapper() != null) {
            ObjectNode wrapper = root.putObject("wrapper");
            wrapper.put("tool", d.wrapper().tool());
            if (d.wrapper().vendorCode() != null) {
                wrapper.put("vendorCode", d.wrapper().vendorCode());
            }
            if (d.wrapper().httpStatus() != null) {
                wrapper.put("httpStatus", d.wrapper().httpStatus());
            }
            if (d.wrapper().innerMessage() != null) {
                wrapper.put("innerMessage", d.wrapper().innerMessage());
            }
        }
        if (d.charactersNotRead() > 0 || inputTruncated) {
            ObjectNode cut = root.putObject("notRead");
            cut.put("characters", d.charactersNotRead());
            cut.put("inputTruncated", inputTruncated);
        }
        root.put("title", title);
        root.put("explanation", explanation);
        ObjectNode remediation = root.putObject("remediation");
        ArrayNode steps = remediation.putArray("steps");
        r.steps().forEach(steps::add);
        ArrayNode sql = remediation.putArray("sql");
        r.sql().forEach(sql::add);
        if (!r.alternative().isEmpty()) {
            r.alternative().forEach(remediation.putArray("alternativeSql")::add);
        }
        try {
            out.println(mapper.writeValueAsString(root));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printReport(PrintStream out, Diagnosis d, String title, String explanation, Remediation r) {
        out.println(title + "  [" + d.category().name() + "]");
        out.println();
        out.println(explanation);
        if (!d.objects().isEmpty()) {
            out.println();
            out.println("Mentioned: " + String.join(", ", d.objects()));
        }
        out.println();
        out.println("What to do:");
        for (int i = 0; i < r.steps().size(); i++) {
            out.println("  " + (i + 1) + ". " + r.steps().get(i));
        }
        if (!r.sql().isEmpty()) {
            out.println();
            out.println("SQL (run as a workspace admin or the object's owner):");
            out.println();
            r.sql().forEach(s -> out.println("    " + s));
        }
        if (!r.alternative().isEmpty()) {
            out.println();
            out.println("Or instead:");
            out.println();
            r.alternative().forEach(s -> out.println("    " + s));
        }
        if (!d.rawText().isBlank()) {
            out.println();
            out.println("Error text (secrets hidden):");
            d.rawText().lines().limit(40).forEach(l -> out.println("  | " + l));
        }
    }
}
