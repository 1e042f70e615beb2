package dev.retlsetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.admin.AdminApiException;
import dev.retlsetup.admin.AdminFix;
import dev.retlsetup.admin.AdminIdentity;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.FixListener;
import dev.retlsetup.admin.FixOutcome;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.StepStatus;
import dev.retlsetup.check.ConnectionTestJson;
import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.SourceSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code retl-setup fix}: tests the connection as the service principal, builds the plan of exactly
 * what is missing, and with {@code --yes} applies it as the admin and re-tests as the principal. The
 * admin token comes from an environment variable or an admin {@code ~/.databrickscfg} profile, never
 * from an argument, and is never printed.
 */
public final class FixCommand implements Command {
    static final String ADMIN_TOKEN_ENV = AdminCredentials.ADMIN_TOKEN_ENV;
    static final String ADMIN_PROFILE = AdminCredentials.ADMIN_PROFILE;
    static final String YES = "--yes";
    static final String PRECREATE = "--precreate-managed-schema";
    static final String NO_BROWSER = AdminCredentials.NO_BROWSER;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "fix";
    }

    @Override
    public String summary() {
        return "as a workspace admin, apply exactly what the test found missing, then re-test";
    }

    @Override
    public String usage() {
        return "Usage: java -jar retl-setup.jar fix [the options of test] (--admin-token-env VAR | --admin-profile NAME)\n"
                + "           [--no-browser] [--precreate-managed-schema] [--yes] [--json]\n\n"
                + "Tests the connection as the service principal, then shows the plan: the missing GRANT statements,\n"
                + "CAN USE on the warehouse (PATCH /api/2.0/permissions/warehouses/ID, which adds to the access list)\n"
                + "and the \"Databricks SQL access\" entitlement (SCIM), each with what it fixes. Nothing changes\n"
                + "without --yes. With --yes it applies the plan as the admin, step by step (the first failing step\n"
                + "stops it), and re-runs the failed checks as the service principal.\n\n"
                + SourceOptions.usage()
                + "\nAdmin options (the admin token is never a command-line argument):\n"
                + "  --admin-token-env VAR   read the admin's access token from the environment variable VAR\n"
                + "                          (for the demo workspace: the admin-token of its READY line)\n"
                + "  --admin-profile NAME    a ~/.databrickscfg profile of the same workspace: token, client_id +\n"
                + "                          client_secret of an admin service principal, or auth_type = databricks-cli\n"
                + "                          (signs in in the browser, as `databricks auth login` does)\n"
                + "  --no-browser            with auth_type = databricks-cli: print the sign-in address and wait,\n"
                + "                          without opening a browser (open the address in one yourself)\n"
                + "  --precreate-managed-schema  create " + SourceSettings.MANAGED_SCHEMA
                + " and grant ALL PRIVILEGES on it\n"
                + "                          instead of granting CREATE SCHEMA on the catalog\n"
                + "  --yes                   apply the plan (without it, nothing is changed)\n"
                + "  --json                  print {\"plan\": [{kind, what, fixes, status}], \"applied\", \"retest\"}\n"
                + "Test options: --trust-store PATH --trust-store-password PW --start-warehouse --timeout SECONDS\n\n"
                + "Exit codes: without --yes 0 when nothing is missing, 1 when something is; with --yes 0 only when\n"
                + "the re-test passes; 2 wrong arguments.\n";
    }

    @Override
    public int run(List<String> args, CliContext context) throws UsageException {
        SourceOptions.rejectSecretArguments(args);
        AdminCredentials.rejectTokenArguments(args);
        Args parsed = Args.parse(args, SourceOptions.withValueOptions(TestCommand.TRUST_STORE,
                TestCommand.TRUST_STORE_PASSWORD, TestCommand.TIMEOUT, ADMIN_TOKEN_ENV, ADMIN_PROFILE),
                Set.of(TestCommand.START_WAREHOUSE, TestCommand.JSON, YES, PRECREATE, NO_BROWSER));
        AdminCredentials.requireOne(parsed);
        boolean json = parsed.has(TestCommand.JSON);
        PrintStream info = json ? context.err() : context.out();
        SourceOptions.Resolved resolved;
        try {
            resolved = SourceOptions.resolve(parsed, context);
        } catch (ConfigFileException e) {
            context.err().println("retl-setup fix: " + e.getMessage());
            return 2;
        }
        resolved.notes().forEach(note -> context.err().println("retl-setup fix: " + note));
        ConnectionTestRequest request = new ConnectionTestRequest(resolved.validation(), TestCommand.trust(parsed),
                parsed.has(TestCommand.START_WAREHOUSE), parsed.seconds(TestCommand.TIMEOUT, ConnectionTestRequest.DEFAULT_TIMEOUT), Set.of());
        if (!resolved.validation().valid()) {
            context.err().println("retl-setup fix: the settings are not valid; run `retl-setup validate` to see why.");
            return 2;
        }
        SourceSettings settings = resolved.settings();

        ConnectionTester tester = new ConnectionTester();
        List<Runnable> cancellers = new ArrayList<>(List.of(tester::cancel));
        Thread onInterrupt = new Thread(() -> cancellers.forEach(Runnable::run), "cancel-fix");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            ConnectionTestReport first = tester.run(request, ConnectionTestListener.NONE);
            if (first.ok()) {
                info.println("The connection test passes: nothing to fix.");
                if (json) {
                    context.out().println(json(null, List.of(), List.of(), false, null));
                }
                return 0;
            }
            info.println("The connection test failed: " + String.join(", ",
                    first.failed().stream().map(c -> c.id()).toList()) + ".");
            AdminToken token = AdminCredentials.token(parsed, context, settings.host(), settings.port(), request.trust(),
                    info, cancellers, "fix");
            if (token == null) {
                return 1;
            }
            AdminFix fix = new AdminFix(request, token);
            cancellers.add(fix::cancel);
            AdminIdentity who = null;
            AdminApiException unknown = null;
            try {
                who = fix.whoSignedIn();
                info.println("Signed in as " + who.label() + (who.admin() ? ", a workspace admin." : ", NOT a workspace admin."));
            } catch (AdminApiException e) {
                unknown = e; // a blocked address blocks SCIM too: the plan can still say what to do
            }
            FixPlan plan;
            try {
                plan = fix.plan(first, parsed.has(PRECREATE));
            } catch (AdminApiException e) {
                if (who != null && !who.admin() && e.denied()) {
                    context.err().println("retl-setup fix: " + who.label() + " is not a workspace admin (not in the admins"
                            + " group): nothing was changed. Reading what is missing needs an admin: " + e.getMessage());
                    return 1;
                }
                throw e;
            }
            if (plan.nothingToApply()) {
                // Nothing for an admin to run (an expired secret, a blocked address...): say what to do instead.
                if (json) {
                    context.out().println(json(plan, List.of(), List.of(), false, null));
                } else {
                    printPlan(plan, context.out());
                }
                return 1;
            }
            if (who == null) {
                throw unknown;
            }
            if (!json) {
                printPlan(plan, context.out());
            }
            List<String> shown = plan.steps().stream().map(FixStep::what).toList();
            if (!parsed.has(YES)) {
                if (json) {
                    context.out().println(json(plan, planned(plan), shown, false, null));
                } else {
                    context.out().println("Nothing was changed. Run again with --yes to apply this plan.");
                }
                return 1;
            }
            if (!who.admin()) {
                context.err().println("retl-setup fix: " + who.label() + " is not a workspace admin (not in the admins"
                        + " group): nothing was changed.");
                if (json) {
                    context.out().println(json(plan, planned(plan), shown, false, null));
                }
                return 1;
            }
            FixOutcome outcome = fix.apply(plan.confirm(), json ? FixListener.NONE : LiveSteps.outcomes(plan, context.out()));
            if (!outcome.complete()) {
                context.err().println("retl-setup fix: " + outcome.failure());
                context.err().println("Applied so far: " + (outcome.applied().isEmpty() ? "nothing"
                        : String.join(" ", outcome.appliedText())));
            }
            ConnectionTestReport retest = null;
            if (outcome.complete()) {
                info.println("Re-testing as the service principal " + settings.clientId() + "…");
                retest = fix.retest(plan, ConnectionTestListener.NONE);
                if (!json) {
                    ConnectionTestText.verdict(retest, context.out());
                }
            }
            if (json) {
                context.out().println(json(plan, outcome.statuses(), outcome.whatRan(), !outcome.applied().isEmpty(),
                        retest));
            }
            return retest != null && retest.ok() ? 0 : 1;
        } catch (AdminApiException e) {
            context.err().println("retl-setup fix: " + e.getMessage());
            return 1;
        } catch (IOException | GeneralSecurityException e) {
            context.err().println("retl-setup fix: the trust store could not be used (" + e.getClass().getSimpleName()
                    + ")");
            return 2;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // already exiting
            }
        }
    }

    private static List<StepStatus> planned(FixPlan plan) {
        return plan.steps().stream().map(s -> StepStatus.PLANNED).toList();
    }

    private static void printPlan(FixPlan plan, PrintStream out) {
        if (plan.nothingToApply()) {
            out.println("Plan: nothing an admin grant adds would fix this.");
        } else {
            out.println("Plan (" + plan.steps().size() + (plan.steps().size() == 1 ? " step" : " steps") + "):");
            for (int i = 0; i < plan.steps().size(); i++) {
                FixStep step = plan.steps().get(i);
                out.println("  " + (i + 1) + ". [" + step.kind().name().toLowerCase(Locale.ROOT) + "] " + step.what());
                out.println("     fixes: " + step.fixes());
            }
        }
        for (String note : plan.notFixable()) {
            out.println("  Not fixed by this plan: " + note);
        }
    }

    /**
     * The stable contract: {@code {"plan": [{kind, what, fixes, status}], "applied", "retest", "notFixable"}}.
     *
     * @param what each step's text: as planned, or as it ran once applied
     */
    static String json(FixPlan plan, List<StepStatus> statuses, List<String> what, boolean applied,
                       ConnectionTestReport retest) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("plan");
        List<String> notFixable = plan == null ? List.of() : plan.notFixable();
        if (plan != null) {
            for (int i = 0; i < plan.steps().size(); i++) {
                FixStep step = plan.steps().get(i);
                steps.addObject().put("kind", step.kind().name().toLowerCase(Locale.ROOT)).put("what", what.get(i))
                        .put("fixes", step.fixes()).put("status", statuses.get(i).jsonName());
            }
        }
        root.put("applied", applied);
        if (retest == null) {
            root.putNull("retest");
        } else {
            root.set("retest", ConnectionTestJson.tree(retest));
        }
        ArrayNode notes = root.putArray("notFixable");
        notFixable.forEach(notes::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
