package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDefaultsTest {
    @Test
    void prefillsFromDatabricksVariables() {
        Map<String, String> env = Map.of(
                "DATABRICKS_HOST", "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                "DATABRICKS_CLIENT_ID", "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901",
                "DATABRICKS_CLIENT_SECRET", "dose0123",
                "DATABRICKS_WAREHOUSE_ID", "abcdef0123456789",
                "DATABRICKS_TOKEN", "dapi0123");
        SourceInput input = EnvironmentDefaults.from(env);
        assertEquals("https://dbc-a1b2c3d4-e5f6.cloud.databricks.com", input.host());
        assertEquals("1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901", input.clientId());
        assertEquals("dose0123", input.secret());
        assertEquals("/sql/1.0/warehouses/abcdef0123456789", input.httpPath());
        assertEquals("", input.port());
        Map<Field, String> origins = EnvironmentDefaults.origins(env);
        assertEquals("DATABRICKS_HOST", origins.get(Field.HOST));
        assertEquals("DATABRICKS_WAREHOUSE_ID", origins.get(Field.HTTP_PATH));
        assertEquals("DATABRICKS_CLIENT_SECRET", origins.get(Field.SECRET));
        assertNull(origins.get(Field.CATALOG));
    }

    @Test
    void neverUsesPersonalAccessTokenVariable() {
        assertEquals("", EnvironmentDefaults.from(Map.of("DATABRICKS_TOKEN", "dapi0123")).secret());
    }

    @Test
    void fallsBackToSqlConnectorVariables() {
        Prefill p = EnvironmentDefaults.read(Map.of("DATABRICKS_SERVER_HOSTNAME", "h.cloud.databricks.com",
                "DATABRICKS_HTTP_PATH", "/sql/1.0/warehouses/x", "DATABRICKS_WAREHOUSE_ID", "y"));
        assertEquals("h.cloud.databricks.com", p.input().host());
        assertEquals("/sql/1.0/warehouses/x", p.input().httpPath());
        assertEquals("DATABRICKS_HTTP_PATH", p.origin(Field.HTTP_PATH));
    }

    @Test
    void ignoresBlankVariablesAndNullEnvironment() {
        assertEquals(SourceInput.empty(), EnvironmentDefaults.from(Map.of("DATABRICKS_HOST", "  ")));
        assertEquals(SourceInput.empty(), EnvironmentDefaults.from(null));
    }
}
