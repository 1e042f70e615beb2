package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The .sql file saved for one failure: a header an admin can act on, then only the fix. */
class FixScriptTest {
    private static final String SP = "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036";
    private static final Instant WHEN = Instant.parse("2026-12-01T22:30:00Z");
    private final FixScript script = new FixScript();
    private final FixScript.Target target = new FixScript.Target("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
            "8f3c2a91d4e07b56", SP);

    @Test
    void headerNamesWorkspaceWarehousePrincipalWhatItFixesWhenAndHowToRun() {
        Remediation fix = new Remediation(List.of(), List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + SP + "`;"));
        String text = script.text(target, "Schema main.marketing can be read",
                "The service principal may not open the schema main.marketing", fix, WHEN);
        List<String> lines = List.of(text.split("\n"));
        assertEquals("-- Segment Reverse ETL: the fix for the failed check “Schema main.marketing can be read”", lines.get(0));
        assertTrue(lines.contains("-- What it fixes: The service principal may not open the schema main.marketing"), text);
        assertTrue(lines.contains("-- Workspace: dbc-a1b2c3d4-e5f6.cloud.databricks.com"), text);
        assertTrue(lines.contains("-- SQL warehouse: 8f3c2a91d4e07b56"), text);
        assertTrue(lines.contains("-- Service principal (application ID): " + SP), text);
        assertTrue(lines.contains("-- Written 2026-12-01 22:30 UTC, by a connection test that failed."), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("-- How to run it:") && l.contains("SQL Editor")), text);
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO `" + SP + "`;"),
                lines.stream().filter(l -> !l.isBlank() && !l.startsWith("--")).toList(), "only the fix runs");
        assertTrue(text.endsWith(";\n"));
    }

    @Test
    void theAlternativeIsACommentedBlockSoRunningTheFileRunsOneFix() {
        String catalog = "main";
        Remediation fix = new Remediation(List.of(), List.of(GrantSql.createSchema(CatalogKind.UNITY_CATALOG, catalog, "`" + SP + "`")),
                List.of(GrantSql.createManagedSchema(catalog), GrantSql.allOnManagedSchema(catalog, "`" + SP + "`")));
        String text = script.text(target, "Segment’s managed schema is usable", "Segment may not create its own schema", fix, WHEN);
        assertTrue(text.contains("\n-- CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;\n"), text);
        assertTrue(text.contains("\n-- GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO `" + SP + "`;\n"), text);
        assertEquals(1, text.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).count(), text);
    }

    @Test
    void anUnknownPrincipalIsThePlaceholderAndSaysSo() {
        Remediation fix = new Remediation(List.of(), List.of("GRANT USE CATALOG ON CATALOG main TO `<service-principal-application-id>`;"));
        String text = script.text(new FixScript.Target("h.cloud.databricks.com", null, null), "c", "h", fix, WHEN);
        assertTrue(text.contains("-- Service principal (application ID): <service-principal-application-id>"), text);
        assertTrue(text.contains("-- Replace <service-principal-application-id> with"), text);
    }

    @Test
    void aNameWithALineBreakCannotEndTheCommentAndSecretsAreMasked() {
        Remediation fix = new Remediation(List.of(), List.of("SELECT 1;"));
        String text = script.text(target, "check\nDROP SCHEMA main CASCADE;", "token dapi0123456789abcdef0123456789abcdef", fix, WHEN);
        assertFalse(text.lines().anyMatch(l -> l.startsWith("DROP")), text);
        assertFalse(text.contains("0123456789abcdef0123"), text);
    }
}
