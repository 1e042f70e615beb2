package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retl-setup setup} on the no-principal demo workspace: the plan, applying it, the secret shown once, the test. */
class SetupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int setup(DemoWorkspace ws, String token, String... extra) {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("setup", "--host", ws.host(), "--port", String.valueOf(ws.port()),
                "--catalog", "main", "--trust-store", ws.trustStorePath().toString(),
                "--trust-store-password", ws.trustStorePassword(), "--admin-token-env", "ADMIN_TOKEN"));
        args.addAll(List.of(extra));
        if (!args.contains("--read")) {
            args.addAll(List.of("--read", "main.marketing"));
        }
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("HOME", home.toString(), "ADMIN_TOKEN", token));
        return cli.run(args.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void setsUpTheNoPrincipalWorkspaceAndTheNewPrincipalPassesTheTest() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-principal"), 0)) {
            assertEquals(1, setup(ws, ws.adminToken(), "--warehouse", ws.warehouseId()), err());
            assertTrue(out().contains("Plan (7 steps; <application ID of the new service principal> is filled in"), out());
            assertTrue(out().contains("  4. [sql] GRANT USE CATALOG ON CATALOG main TO "
                    + "`<application ID of the new service principal>`;"), out());
            assertTrue(out().contains("Nothing was changed. Run again with --yes"), out());
            assertTrue(ws.adminChanges().isEmpty());

            assertEquals(0, setup(ws, ws.adminToken(), "--warehouse", ws.warehouseId(), "--yes"), err() + out());
            Matcher id = Pattern.compile("has the client ID ([0-9a-f-]{36})\\.").matcher(out());
            assertTrue(id.find(), out());
            String clientId = id.group(1);
            assertTrue(out().contains("  4. GRANT USE CATALOG ON CATALOG main TO `" + clientId + "`;"),
                    "each step as it ran, with the real ID: " + out());
            Matcher secret = Pattern.compile("shown this once \\(store it now, e.g. as DATABRICKS_CLIENT_SECRET\\): (\\S+)")
                    .matcher(out());
            assertTrue(secret.find(), out());
            assertEquals(1, out().split(Pattern.quote(secret.group(1)), -1).length - 1, "the secret is shown once");
            assertTrue(out().contains("Connection works: Segment can sign in, use the warehouse and read main.marketing as "
                    + clientId + "."), "the test as the new principal passes: " + out());
            assertFalse(out().contains(ws.adminToken()) || err().contains(ws.adminToken()));
        }
    }

    @Test
    void writesTheSecretToANewOwnerOnlyFileAndPrintsTheJsonContract() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-principal"), 0)) {
            Path secretFile = home.resolve("sp-secret.txt");
            assertEquals(0, setup(ws, ws.adminToken(), "--warehouse", "Demo Serverless Warehouse", "--yes", "--json",
                    "--secret-file", secretFile.toString(), "--precreate-managed-schema"), err() + out());
            JsonNode answer = JSON.readTree(out());
            assertTrue(answer.path("applied").asBoolean());
            assertTrue(answer.path("secret").isNull(), "the secret went to the file only");
            assertTrue(answer.path("retest").path("ok").asBoolean(), out());
            String clientId = answer.path("clientId").asText();
            answer.path("plan").forEach(step -> {
                assertEquals("applied", step.path("status").asText());
                assertFalse(step.path("what").asText().contains("<"), step.toString());
            });
            assertTrue(answer.path("plan").get(answer.path("plan").size() - 1).path("what").asText()
                    .equals("GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO `" + clientId + "`;"), out());
            String secret = Files.readString(secretFile).strip();
            assertFalse(secret.isEmpty());
            assertFalse(out().contains(secret) || err().contains(secret));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));

            assertEquals(2, setup(ws, ws.adminToken(), "--warehouse", ws.warehouseId(), "--yes",
                    "--secret-file", secretFile.toString()), "an existing secret file is never overwritten");
            assertTrue(err().contains("exists already"), err());
        }
    }

    @Test
    void listsTheWarehousesToPickFromWhenNoneIsNamed() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("no-principal"), 0)) {
            assertEquals(2, setup(ws, ws.adminToken()));
            assertTrue(err().contains("pick the warehouse with --warehouse ID:"), err());
            assertTrue(err().contains("  " + ws.warehouseId() + "  Demo Serverless Warehouse  (RUNNING, 2X-Small, serverless, "
                    + ws.httpPath() + ")"), err());
            assertEquals(2, setup(ws, ws.adminToken(), "--warehouse", ws.warehouseId(), "--read", "a.b.c.d"));
            assertTrue(err().contains("“a.b.c.d” is not a catalog, catalog.schema or catalog.schema.table name."), err());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }

    @Test
    void refusesToSetUpAsSomeoneWhoIsNotAnAdmin() throws Exception {
        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("ready"), 0)) {
            String principal = dev.retlsetup.admin.AdminFixTest.principalToken(ws);
            assertEquals(1, setup(ws, principal, "--warehouse", ws.warehouseId(), "--yes"));
            assertTrue(out().contains("NOT a workspace admin"), out());
            assertTrue(err().contains("is not a workspace admin (not in the admins group): nothing was changed."), err());
            assertTrue(ws.adminChanges().isEmpty());
        }
    }
}
