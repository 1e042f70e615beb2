package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private static final String SP = "1b2c3d4e-0000-4000-8000-000000000001";

    record Result(int code, String out, String err) {
    }

    private static Result run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void jsonForAMissingUseSchema() throws Exception {
        Result r = run("User does not have USE SCHEMA on Schema 'main.marketing'\n", "explain", "--principal", SP, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("category", "objects", "title", "explanation", "remediation"), iterable(json.fieldNames()));
        assertEquals(List.of("steps", "sql"), iterable(json.get("remediation").fieldNames()));
        assertEquals("MISSING_USE_SCHEMA", json.get("category").asText());
        assertEquals(List.of("main.marketing"), strings(json.get("objects")));
        assertEquals("The service principal may not open the schema main.marketing", json.get("title").asText());
        assertTrue(json.get("explanation").asText().contains("main.marketing"));
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + SP + "`;"), strings(json.get("remediation").get("sql")));
        assertFalse(strings(json.get("remediation").get("steps")).isEmpty());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void catalogOptionQualifiesAndPicksTheDialect() throws Exception {
        assertExplains(run("User does not have USAGE on database `sales`", "explain", "--catalog", "hive_metastore", "--json"),
                "MISSING_USE_SCHEMA", List.of("GRANT USAGE ON SCHEMA hive_metastore.sales TO `<service-principal-application-id>`;"));
    }

    private static void assertExplains(Result r, String category, List<String> sql) throws Exception {
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(category, json.get("category").asText());
        assertEquals(sql, strings(json.get("remediation").get("sql")));
    }

    @Test
    void principalFallsBackToTheEnvironment() throws Exception {
        assertExplains(run("User does not have CREATE SCHEMA on Catalog 'main'.", Map.of("DATABRICKS_CLIENT_ID", SP), "explain", "--json"),
                "MISSING_CREATE_SCHEMA", List.of("GRANT CREATE SCHEMA ON CATALOG main TO `" + SP + "`;"));
    }

    @Test
    void unknownTextStillExitsZero() throws Exception {
        Result r = run("the printer is on fire", "explain", "--json");
        assertEquals(0, r.code());
        assertEquals("UNKNOWN", new ObjectMapper().readTree(r.out()).get("category").asText());
    }

    @Test
    void emptyInputIsAUsageError() {
        Result r = run("  \n", "explain");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no error text"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("x", "explain", "--frobnicate").code());
    }

    @Test
    void readableReportHasTitleStepsSqlAndMaskedText() {
        Result r = run("User does not have SELECT on Table 'main.sales.orders' (token dapi0123456789abcdef0123456789abcdef)",
                "explain", "--principal", SP);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("The service principal may not read main.sales.orders  [MISSING_SELECT]"), r.out());
        assertTrue(r.out().contains("What to do:\n  1. "), r.out());
        assertTrue(r.out().contains("    GRANT SELECT ON TABLE main.sales.orders TO `" + SP + "`;"), r.out());
        assertFalse(r.out().contains("0123456789abcdef0123"), r.out());
    }

    @Test
    void masksTheSecretFromTheEnvironment() {
        Result r = run("invalid_client for secret my-own-secret-value", Map.of("DATABRICKS_CLIENT_SECRET", "my-own-secret-value"), "explain");
        assertEquals(0, r.code());
        assertFalse(r.out().contains("my-own-secret-value"), r.out());
    }

    @Test
    void listedInTheUsageAndHasHelp() {
        assertTrue(run("", "--help").out().contains("explain"));
        Result help = run("", "explain", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--principal"));
    }

    @Test
    void unwrapsTheDriversThriftWrapper() throws Exception {
        String wrapped = "java.sql.SQLException: Operation failed with error: [no error details from server] for statement [01ef], "
                + "with response [TGetOperationStatusResp(status:TStatus(statusCode:SUCCESS_STATUS), operationState:ERROR_STATE, "
                + "sqlState:42501, errorCode:0, errorMessage:org.apache.hive.service.cli.HiveSQLException: Error running query: "
                + "[INSUFFICIENT_PERMISSIONS] com.databricks.sql.managedcatalog.acl.UnauthorizedAccessException: PERMISSION_DENIED: "
                + "User does not have USE CATALOG on Catalog 'btda-dea'.\n\tat org.apache.spark.X.y(X.scala:1), "
                + "displayMessage:[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have USE CATALOG on Catalog 'btda-dea'. "
                + "SQLSTATE: 42501, errorDetailsJson:{})]";
        assertExplains(run(wrapped, "explain", "--principal", SP, "--json"), "MISSING_USE_CATALOG",
                List.of("GRANT USE CATALOG ON CATALOG `btda-dea` TO `" + SP + "`;"));
    }
}
