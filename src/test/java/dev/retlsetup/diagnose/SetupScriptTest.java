package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SetupScriptTest {
    private static final String SP = "1b2c3d4e-0000-4000-8000-000000000001";
    private static final String Q = "`" + SP + "`";

    @Test
    void unityCatalogScript() {
        assertEquals(List.of(
                "GRANT USE CATALOG ON CATALOG main TO " + Q + ";",
                "GRANT USE SCHEMA ON SCHEMA main.marketing TO " + Q + ";",
                "GRANT SELECT ON SCHEMA main.marketing TO " + Q + ";",
                "GRANT USE SCHEMA ON SCHEMA main.`btda-dea` TO " + Q + ";",
                "GRANT SELECT ON SCHEMA main.`btda-dea` TO " + Q + ";",
                "GRANT CREATE SCHEMA ON CATALOG main TO " + Q + ";",
                "GRANT USE CATALOG ON CATALOG analytics TO " + Q + ";",
                "GRANT USE SCHEMA ON SCHEMA analytics.web TO " + Q + ";",
                "GRANT SELECT ON SCHEMA analytics.web TO " + Q + ";"),
                SetupScript.statements(SP, "main", List.of("marketing", "btda-dea", "analytics.web")));
        String text = SetupScript.text(SP, "main", List.of("marketing"));
        assertTrue(text.contains("-- CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;\n"), text);
        assertTrue(text.contains("-- GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO " + Q + ";\n"), text);
        assertTrue(text.contains("Databricks SQL access"));
        assertTrue(text.contains("Can use"));
    }

    @Test
    void hiveMetastoreScriptUsesTheLegacyForms() {
        assertEquals(List.of(
                "GRANT USAGE ON SCHEMA hive_metastore.sales TO " + Q + ";",
                "GRANT SELECT, READ_METADATA ON SCHEMA hive_metastore.sales TO " + Q + ";",
                "GRANT CREATE ON CATALOG hive_metastore TO " + Q + ";"),
                SetupScript.statements(SP, "hive_metastore", List.of("sales")));
        String text = SetupScript.text(SP, "hive_metastore", List.of("sales"));
        assertTrue(text.contains("-- CREATE SCHEMA IF NOT EXISTS hive_metastore.__segment_reverse_etl;"));
    }

    @Test
    void defaultCatalogIsAPlaceholderWithInstructions() {
        List<String> statements = SetupScript.statements(null, null, List.of("sales"));
        assertEquals(List.of(
                "GRANT USE CATALOG ON CATALOG <default-catalog> TO `<service-principal-application-id>`;",
                "GRANT USE SCHEMA ON SCHEMA <default-catalog>.sales TO `<service-principal-application-id>`;",
                "GRANT SELECT ON SCHEMA <default-catalog>.sales TO `<service-principal-application-id>`;",
                "GRANT CREATE SCHEMA ON CATALOG <default-catalog> TO `<service-principal-application-id>`;"), statements);
        assertTrue(SetupScript.text(null, null, List.of()).contains("SELECT current_catalog();"));
    }

    @Test
    void mixesDialectsPerCatalog() {
        List<String> statements = SetupScript.statements(SP, "main", List.of("hive_metastore.legacy", "spark_catalog.old"));
        assertTrue(statements.contains("GRANT USAGE ON SCHEMA hive_metastore.legacy TO " + Q + ";"));
        assertTrue(statements.contains("GRANT USAGE ON SCHEMA hive_metastore.old TO " + Q + ";"));
        assertTrue(statements.contains("GRANT CREATE SCHEMA ON CATALOG main TO " + Q + ";"));
    }

    @Test
    void rejectsTableNames() {
        assertThrows(IllegalArgumentException.class, () -> SetupScript.lines(SP, "main", List.of("a.b.c")));
    }
}
