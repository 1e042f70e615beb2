package dev.retlsetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.admin.AdminApiException;
import dev.retlsetup.admin.AdminIdentity;
import dev.retlsetup.admin.AdminSetup;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.FixListener;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.SetupChoices;
import dev.retlsetup.admin.SetupResult;
import dev.retlsetup.admin.StepStatus;
import dev.retlsetup.admin.WorkspaceApi;
import dev.retlsetup.check.ConnectionTestJson;
import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.SchemaList;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code retl-setup setup}: as a workspace admin, create the service principal Segment connects as
 * and everything it needs, in one reviewed plan ({@link AdminSetup}), then test the connection as
 * the new principal. Without {@code --yes} it prints the plan and changes nothing.
 */
public final class SetupCommand implements Command {
    static final String WAREHOUSE = "--warehouse";
    static final String NAME = "--name";
    static final String READ = "--read";
    static final String SECRET_FILE = "--secret-file";
    static final String DEFAULT_NAME = "segment-reverse-etl";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "setup";
    }

    @Override
    public String summary() {
        return "as a workspace admin, create the service principal and its access from scratch, then test it";
    }

    @Override
    public String usage() {
        return "Usage: java -jar retl-setup.jar setup --host HOST [--port N] --catalog CATALOG --read NAMES\n"
                + "           [--warehouse ID] [--name NAME] [--precreate-managed-schema] [--secret-file PATH]\n"
                + "           (--admin-token-env VAR | --admin-profile NAME) [--no-browser] [--yes] [--json]\n\n"
                + "Shows the plan: create the service principal (SCIM, with the Databricks SQL access entitlement),\n"
                + "generate its OAuth secret, CAN USE on the warehouse, USE CATALOG / USE SCHEMA / SELECT on what it\n"
                + "may read, and CREATE SCHEMA on the catalog (or " + SourceSettings.MANAGED_SCHEMA + " pre-created with\n"
                + "ALL PRIVILEGES). Steps name the new principal by a placeholder until it exists. Nothing changes\n"
                + "without --yes. With --yes it applies the plan step by step (the first failing step stops it), shows\n"
                + "the new client ID and, once, its secret, and tests the connection as the new service principal.\n\n"
                + "  --host HOST             the workspace host; --port N when it is not 443\n"
                + "  --warehouse ID          the warehouse it may use (without it, the warehouses are listed)\n"
                + "  --name NAME             the service principal's display name (default " + DEFAULT_NAME + ")\n"
                + "  --catalog CATALOG       the connection's catalog, where Segment keeps its schema\n"
                + "  --read NAMES            what it may read, comma-separated: catalog, catalog.schema or\n"
                + "                          catalog.schema.table\n"
                + "  --precreate-managed-schema  create " + SourceSettings.MANAGED_SCHEMA
                + " now instead of granting CREATE SCHEMA\n"
                + "  --secret-file PATH      write the new secret to PATH (a new file only its owner may read)\n"
                + "                          instead of printing it\n"
                + "  --admin-token-env VAR, --admin-profile NAME, --no-browser: as for fix\n"
                + "  --trust-store PATH --trust-store-password PW: as for test\n"
                + "  --json                  print {\"plan\": [{kind, what, fixes, status}], \"applied\", \"clientId\",\n"
                + "                          \"secret\" (null with --secret-file), \"retest\"}\n\n"
                + "Exit codes: 0 when the set-up was applied and the test passes; 1 otherwise (without --yes\n"
                + "always: nothing was changed); 2 wrong arguments.\n";
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        SourceOptions.rejectSecretArguments(args);
        AdminCredentials.rejectTokenArguments(args);
        Args parsed = Args.parse(args, Set.of(SourceOptions.HOST, SourceOptions.PORT, SourceOptions.CATALOG, READ,
                WAREHOUSE, NAME, SECRET_FILE, TestCommand.TRUST_STORE, TestCommand.TRUST_STORE_PASSWORD,
                AdminCredentials.ADMIN_TOKEN_ENV, AdminCredentials.ADMIN_PROFILE),
                Set.of(TestCommand.JSON, FixCommand.YES, FixCommand.PRECREATE, AdminCredentials.NO_BROWSER));
        AdminCredentials.requireOne(parsed);
        String host = required(parsed, SourceOptions.HOST).replaceFirst("^https?://", "").replaceFirst("/+$", "");
        int port = port(parsed);
        String catalog = required(parsed, SourceOptions.CATALOG);
        List<String> read = SchemaList.split(required(parsed, READ));
        Path secretFile = parsed.has(SECRET_FILE) ? Path.of(parsed.value(SECRET_FILE)) : null;
        if (secretFile != null && Files.exists(secretFile)) {
            throw new UsageException(SECRET_FILE + " " + secretFile + " exists already: give a new file");
        }
        boolean json = parsed.has(TestCommand.JSON);
        PrintStream info = json ? context.err() : context.out();
        TrustConfig trust = TestCommand.trust(parsed);
        String url = "https://" + host + (port == SourceSettings.DEFAULT_PORT ? "" : ":" + port);

        List<Runnable> cancellers = new ArrayList<>();
        Thread onInterrupt = new Thread(() -> cancellers.forEach(Runnable::run), "cancel-setup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            AdminToken token = AdminCredentials.token(parsed, context, host, port, trust, info, cancellers, "setup");
            if (token == null) {
                return 1;
            }
            AdminSetup setup = new AdminSetup(url, trust, token);
            cancellers.add(setup::cancel);
            AdminIdentity who = setup.whoSignedIn();
            info.println("Signed in as " + who.label() + (who.admin() ? ", a workspace admin." : ", NOT a workspace admin."));
            Optional<WorkspaceApi.Warehouse> warehouse = warehouse(setup, parsed, context);
            if (warehouse.isEmpty()) {
                return 2;
            }
            SetupChoices choices = new SetupChoices(parsed.has(NAME) ? parsed.value(NAME) : DEFAULT_NAME,
                    warehouse.get(), catalog, read, parsed.has(FixCommand.PRECREATE)
                    ? SetupChoices.ManagedSchema.PRECREATE : SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
            FixPlan plan;
            try {
                plan = setup.plan(choices);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<String> shown = plan.steps().stream().map(FixStep::what).toList();
            List<StepStatus> planned = plan.steps().stream().map(s -> StepStatus.PLANNED).toList();
            if (!json) {
                printPlan(plan, context.out());
            }
            if (!parsed.has(FixCommand.YES) || !who.admin()) {
                if (!who.admin()) {
                    context.err().println("retl-setup setup: " + who.label() + " is not a workspace admin (not in the"
                            + " admins group): nothing was changed.");
                } else if (!json) {
                    context.out().println("Nothing was changed. Run again with --yes to apply this plan.");
                }
                if (json) {
                    context.out().println(json(plan, planned, shown, false, null, null, null));
                }
                return 1;
            }
            SetupResult result = setup.apply(plan.confirm(), choices, json ? FixListener.NONE : LiveSteps.whatRan(plan, context.out()));
            if (!result.complete()) {
                context.err().println("retl-setup setup: " + result.outcome().failure());
                context.err().println("Applied so far: " + (result.outcome().appliedText().isEmpty() ? "nothing"
                        : String.join(" ", result.outcome().appliedText())));
                if (json) {
                    context.out().println(json(plan, result.outcome().statuses(), result.outcome().whatRan(),
                            !result.outcome().applied().isEmpty(), result.clientId(), null, null));
                }
                return 1;
            }
            String secretShown = result.secret();
            if (secretFile != null) {
                writeSecret(secretFile, result.secret());
                secretShown = null;
            }
            if (!json) {
                context.out().println("The service principal " + choices.displayName() + " has the client ID "
                        + result.clientId() + ".");
                context.out().println(secretFile != null ? "Its OAuth secret is in " + secretFile + " (readable by you only)."
                        : "Its OAuth secret, shown this once (store it now, e.g. as DATABRICKS_CLIENT_SECRET): "
                        + result.secret());
            }
            info.println("Testing the connection as the new service principal " + result.clientId() + "…");
            ConnectionTestReport report = setup.test(result, ConnectionTestListener.NONE);
            if (json) {
                context.out().println(json(plan, result.outcome().statuses(), result.outcome().whatRan(), true,
                        result.clientId(), secretShown, report));
            } else {
                ConnectionTestText.verdict(report, context.out());
            }
            return report.ok() ? 0 : 1;
        } catch (AdminApiException e) {
            context.err().println("retl-setup setup: " + e.getMessage());
            return 1;
        } catch (IOException | GeneralSecurityException e) {
            context.err().println("retl-setup setup: " + (e instanceof FileAlreadyExistsException
                    ? SECRET_FILE + " exists already" : "the trust store or the secret file could not be used ("
                    + e.getClass().getSimpleName() + ")"));
            return 2;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // already exiting
            }
        }
    }

    private static String required(Args parsed, String option) throws UsageException {
        String value = parsed.value(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(option + " is required");
        }
        return value.strip();
    }

    private static int port(Args parsed) throws UsageException {
        if (!parsed.has(SourceOptions.PORT)) {
            return SourceSettings.DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(parsed.value(SourceOptions.PORT).strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(SourceOptions.PORT + " must be a port number (1-65535)");
        }
    }

    /** The warehouse named by --warehouse (id or name); without it, or when it is unknown, the list to pick from. */
    private static Optional<WorkspaceApi.Warehouse> warehouse(AdminSetup setup, Args parsed, CliContext context)
            throws AdminApiException {
        List<WorkspaceApi.Warehouse> all = setup.warehouses();
        String wanted = parsed.value(WAREHOUSE);
        if (wanted != null) {
            Optional<WorkspaceApi.Warehouse> match = all.stream().filter(w -> w.id().equals(wanted.strip())
                    || w.name().equalsIgnoreCase(wanted.strip())).findFirst();
            if (match.isPresent()) {
                return match;
            }
            context.err().println("retl-setup setup: no warehouse " + wanted + " in this workspace.");
        }
        context.err().println("retl-setup setup: pick the warehouse with " + WAREHOUSE + " ID:");
        for (WorkspaceApi.Warehouse w : all) {
            context.err().println("  " + w.id() + "  " + w.name() + "  (" + w.state() + ", " + w.size()
                    + (w.serverless() ? ", serverless" : "") + ", " + w.httpPath() + ")");
        }
        if (all.isEmpty()) {
            context.err().println("  (none that you can see)");
        }
        return Optional.empty();
    }

    /** A new file, readable and writable by its owner only where the file system has POSIX permissions. */
    private static void writeSecret(Path file, String secret) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.getFileStore(parent).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void printPlan(FixPlan plan, PrintStream out) {
        out.println("Plan (" + plan.steps().size() + " steps; " + FixStep.NEW_APPLICATION_ID
                + " is filled in once the workspace has made it):");
        for (int i = 0; i < plan.steps().size(); i++) {
            FixStep step = plan.steps().get(i);
            out.println("  " + (i + 1) + ". [" + step.kind().name().toLowerCase(Locale.ROOT) + "] " + step.what());
            out.println("     " + step.fixes());
        }
    }

    static String json(FixPlan plan, List<StepStatus> statuses, List<String> what, boolean applied, String clientId,
                       String secret, ConnectionTestReport retest) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("plan");
        for (int i = 0; i < plan.steps().size(); i++) {
            FixStep step = plan.steps().get(i);
            steps.addObject().put("kind", step.kind().name().toLowerCase(Locale.ROOT)).put("what", what.get(i))
                    .put("fixes", step.fixes()).put("status", statuses.get(i).jsonName());
        }
        root.put("applied", applied);
        root.put("clientId", clientId);
        root.put("secret", secret);
        if (retest == null) {
            root.putNull("retest");
        } else {
            root.set("retest", ConnectionTestJson.tree(retest));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
