package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.admin.EveryFailingScenarioTest;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.testing.TestBrowser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code retl-setup fix} against demo workspaces: the plan, applying it, the re-test, and the token kept out of everything. */
class FixCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int fix(DemoWorkspace ws, String catalog, String schemas, String... extra) {
        out.reset();
        err.reset();
        Map<String, String> env = new HashMap<>(Map.of("DATABRICKS_CLIENT_SECRET", ws.clientSecret(),
                "HOME", home.toString(), "DEMO_ADMIN_TOKEN", ws.adminToken()));
        List<String> args = new ArrayList<>(List.of("fix", "--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", catalog, "--schemas", schemas,
                "--trust-store", ws.trustStorePath().toString(), "--trust-store-password", ws.trustStorePassword(),
                "--admin-token-env", "DEMO_ADMIN_TOKEN"));
        args.addAll(List.of(extra));
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env);
        return cli.run(args.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static Stream<String> fixable() {
        return EveryFailingScenarioTest.FIXED_BY.keySet().stream().sorted();
    }

    static Stream<String> notFixable() {
        return EveryFailingScenarioTest.SAID_INSTEAD.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixable")
    void failedScenarioGoesToPassingThroughFixYes(String scenario) throws Exception {
        String catalog = EveryFailingScenarioTest.catalog(scenario);
        String schemas = catalog + ".marketing";
        try (DemoWorkspace ws = EveryFailingScenarioTest.start(scenario)) {
            assertEquals(1, fix(ws, catalog, schemas, "--json"), err());
            JsonNode plan = JSON.readTree(out());
            assertEquals(Set.of("plan", "applied", "retest", "notFixable"), fieldNames(plan));
            assertFalse(plan.path("applied").asBoolean());
            assertTrue(plan.path("retest").isNull());
            List<String> what = new ArrayList<>();
            plan.path("plan").forEach(step -> {
                assertEquals(Set.of("kind", "what", "fixes", "status"), fieldNames(step));
                assertEquals("planned", step.path("status").asText());
                assertEquals(step.path("what").asText().startsWith("GRANT") ? "sql" : "api", step.path("kind").asText());
                assertTrue(step.path("fixes").asText().contains("failed"), step.toString());
                what.add(step.path("what").asText());
            });
            assertEquals(EveryFailingScenarioTest.FIXED_BY.get(scenario), what, "exactly the plan");
            assertTrue(ws.adminChanges().isEmpty(), "without --yes nothing changes");

            assertEquals(0, fix(ws, catalog, schemas, "--yes", "--json"), err() + out());
            JsonNode done = JSON.readTree(out());
            assertTrue(done.path("applied").asBoolean());
            assertTrue(done.path("retest").path("ok").asBoolean(), out());
            done.path("plan").forEach(step -> assertEquals("applied", step.path("status").asText()));

            assertEquals(0, fix(ws, catalog, schemas), "afterwards nothing is missing: " + out());
            assertTrue(out().contains("nothing to fix"), out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFixable")
    void whatNoAdminStepFixesIsSaidAndNothingIsApplied(String scenario) throws Exception {
        try (DemoWorkspace ws = EveryFailingScenarioTest.start(scenario)) {
            assertEquals(1, fix(ws, "main", "main.marketing", "--yes", "--json"), err());
            JsonNode answer = JSON.readTree(out());
            assertEquals(0, answer.path("plan").size());
            assertFalse(answer.path("applied").asBoolean());
            assertTrue(answer.path("retest").isNull());
            assertTrue(answer.path("notFixable").get(0).asText().contains(EveryFailingScenarioTest.SAID_INSTEAD.get(scenario)),
                    out());
            assertEquals(1, fix(ws, "main", "main.marketing"));
            assertTrue(out().contains("Not fixed by this plan: "), out());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textModeShowsThePlanAndChangesNothingWithoutYes() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0)) {
            assertEquals(1, fix(ws, "main", "main.marketing"));
            assertTrue(out().contains("Signed in as Demo Admin (admin@example.com), a workspace admin."), out());
            assertTrue(out().contains("1. [sql] GRANT SELECT ON SCHEMA main.marketing TO "
                    + "`5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036`;"), out());
            assertTrue(out().contains("Run again with --yes"), out());
        }
    }

    @Test
    void refusesAnAdminTokenAsAnArgument() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0)) {
            assertEquals(2, fix(ws, "main", "main.marketing", "--admin-token=" + ws.adminToken()));
            assertTrue(err().contains("--admin-token is not accepted"), err());
            assertFalse(err().contains(ws.adminToken()), "the refusal does not repeat the token");
        }
    }

    @Test
    void refusesToApplyAsSomeoneWhoIsNotAnAdmin(@TempDir Path cfgHome) throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0)) {
            // An OAuth profile of the workspace's own (non-admin) service principal.
            Files.writeString(home.resolve(".databrickscfg"), "[sp]\nhost = https://" + ws.host() + ":" + ws.port()
                    + "\nclient_id = " + ws.clientId() + "\nclient_secret = " + ws.clientSecret() + "\n");
            out.reset();
            err.reset();
            Map<String, String> env = Map.of("DATABRICKS_CLIENT_SECRET", ws.clientSecret(), "HOME", home.toString());
            Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), env);
            int exit = cli.run(new String[] {"fix", "--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", "main", "--schemas",
                "main.marketing", "--trust-store", ws.trustStorePath().toString(), "--trust-store-password",
                ws.trustStorePassword(), "--admin-profile", "sp", "--yes"});
            assertEquals(1, exit);
            assertTrue(out().contains("NOT a workspace admin"), out());
            assertTrue(err().contains("is not a workspace admin"), err());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    /** Runs fix with an admin profile of a temp ~/.databrickscfg instead of --admin-token-env. */
    private int fixWithProfile(DemoWorkspace ws, String profile, String... extra) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("DATABRICKS_CLIENT_SECRET", ws.clientSecret(), "HOME", home.toString());
        List<String> args = new ArrayList<>(List.of("fix", "--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", "main", "--schemas",
                "main.marketing", "--trust-store", ws.trustStorePath().toString(), "--trust-store-password",
                ws.trustStorePassword(), "--admin-profile", profile));
        args.addAll(List.of(extra));
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), env);
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void appliesThePlanWithTheTokenOfAPersonalAccessTokenProfile() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0)) {
            Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://elsewhere.cloud.databricks.com\n\n"
                    + "[demo-admin]\nhost = " + ws.url() + "\ntoken = " + ws.adminToken() + "\n");
            assertEquals(2, fixWithProfile(ws, "DEFAULT"), "a profile of another workspace is refused");
            assertTrue(err().contains("is for elsewhere.cloud.databricks.com, not for localhost"), err());
            assertEquals(2, fixWithProfile(ws, "missing"));
            assertTrue(err().contains("no profile [missing]"), err());

            assertEquals(0, fixWithProfile(ws, "demo-admin", "--yes"), err() + out());
            assertTrue(out().contains("Signed in as Demo Admin (admin@example.com), a workspace admin."), out());
            assertTrue(out().contains("  1. applied"), out());
            assertFalse(out().contains(ws.adminToken()) || err().contains(ws.adminToken()));
            assertEquals(List.of(), ws.adminChanges(), "a GRANT is SQL: no API call changed anything");
        }
    }

    @Test
    void signsInInTheBrowserForADatabricksCliProfileAndAppliesThePlan() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-warehouse-access"), 0)) {
            Files.writeString(home.resolve(".databrickscfg"), "[u2m]\nhost = " + ws.url() + "\nauth_type = databricks-cli\n");
            TestBrowser browser = TestBrowser.allowing(ws.clientSslContext());
            int exit = whileSigningIn(browser, () -> fixWithProfile(ws, "u2m", "--no-browser", "--yes"));
            assertEquals(0, exit, err() + out());
            assertTrue(out().contains("Sign in as a workspace admin in your browser: " + ws.signInUrl() + "/oidc/v1/authorize?"),
                    out());
            assertTrue(out().contains("Waiting up to 5 minutes for the sign-in"), out());
            assertTrue(out().contains("Signed in as Demo Admin (admin@example.com), a workspace admin."), out());
            assertEquals(200, browser.callbackStatus, "the browser got the sign-in's answer page");
            assertEquals(List.of("PATCH /api/2.0/permissions/warehouses/" + ws.warehouseId()), ws.adminChanges());
        }
    }

    @Test
    void aUserWhoSignsInInTheBrowserButIsNotAnAdminChangesNothing() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-warehouse-access"), 0)) {
            Files.writeString(home.resolve(".databrickscfg"), "[u2m]\nhost = " + ws.url() + "\nauth_type = databricks-cli\n");
            TestBrowser browser = new TestBrowser(ws.clientSslContext(), "allow-not-admin", java.util.function.UnaryOperator.identity());
            int exit = whileSigningIn(browser, () -> fixWithProfile(ws, "u2m", "--no-browser", "--yes"));
            assertEquals(1, exit, err() + out());
            assertTrue(out().contains("Signed in as Demo Analyst (analyst@example.com), NOT a workspace admin."), out());
            assertTrue(err().contains("is not a workspace admin (not in the admins group): nothing was changed."), err());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    @Test
    void aDeclinedBrowserSignInEndsTheFixWithoutChanges() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-select"), 0)) {
            Files.writeString(home.resolve(".databrickscfg"), "[u2m]\nhost = " + ws.url() + "\nauth_type = databricks-cli\n");
            TestBrowser browser = new TestBrowser(ws.clientSslContext(), "deny", java.util.function.UnaryOperator.identity());
            assertEquals(1, whileSigningIn(browser, () -> fixWithProfile(ws, "u2m", "--no-browser", "--yes")));
            assertTrue(err().contains("The sign-in was refused: access_denied"), err());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    /** Runs the command on another thread, waits for the sign-in address it prints, and opens it in {@code browser}. */
    private int whileSigningIn(TestBrowser browser, java.util.concurrent.Callable<Integer> command) throws Exception {
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> exit = thread.submit(command);
            java.util.regex.Pattern address = java.util.regex.Pattern.compile("in your browser: (\\S+)");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            java.util.regex.Matcher m = address.matcher("");
            while (!exit.isDone() && !(m = address.matcher(out())).find() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(m.find(0), "the command printed the sign-in address: " + out() + err());
            browser.open(java.net.URI.create(m.group(1)));
            return exit.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
