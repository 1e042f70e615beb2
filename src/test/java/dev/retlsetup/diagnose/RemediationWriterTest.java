package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationWriterTest {
    private static final String SP = "1b2c3d4e-0000-4000-8000-000000000001";
    private static final String Q = "`" + SP + "`";

    private final ErrorClassifier classifier = new ErrorClassifier();
    private final RemediationWriter writer = new RemediationWriter();

    private List<String> sql(String errorText) {
        return writer.write(classifier.classify(errorText), SP, null, null).sql();
    }

    @Test
    void grantsUseCatalogOnTheCatalogNamed() {
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG main TO " + Q + ";"),
                sql("User does not have USE CATALOG on Catalog 'main'."));
    }

    @Test
    void grantsUseSchemaWhenOnlySelectIsGranted() {
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + Q + ";"),
                sql("User does not have USE SCHEMA on Schema 'main.marketing'"));
    }

    @Test
    void grantsSelectOnTheTableAndOffersTheSchemaAsAlternative() {
        Remediation r = writer.write(classifier.classify("User does not have SELECT on Table 'main.marketing.leads'"), SP, null, null);
        assertEquals(List.of("GRANT SELECT ON TABLE main.marketing.leads TO " + Q + ";"), r.sql());
        assertEquals(List.of("GRANT SELECT ON SCHEMA main.marketing TO " + Q + ";"), r.alternative());
        assertTrue(r.steps().stream().anyMatch(s -> s.contains("Or instead")), r.steps().toString());
    }

    @Test
    void grantsSelectOnTheSchemaWhenTheErrorNamesTheSchema() {
        Remediation r = writer.write(classifier.classify("User does not have SELECT on Schema 'main.marketing'"), SP, null, null);
        assertEquals(List.of("GRANT SELECT ON SCHEMA main.marketing TO " + Q + ";"), r.sql());
        assertFalse(r.steps().stream().anyMatch(s -> s.contains("instead")));
        assertEquals(List.of(), r.alternative());
    }

    @Test
    void grantsCreateSchemaAndOffersThePreCreatedManagedSchema() {
        Remediation r = writer.write(classifier.classify("User does not have CREATE SCHEMA on Catalog 'main'."), SP, null, null);
        assertEquals(List.of("GRANT CREATE SCHEMA ON CATALOG main TO " + Q + ";"), r.sql());
        assertEquals(List.of("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl;",
                "GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl TO " + Q + ";"), r.alternative());
        assertTrue(r.steps().stream().anyMatch(s -> s.contains("Or instead")), r.steps().toString());
    }

    @Test
    void quotesNamesThatNeedIt() {
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG `btda-dea` TO " + Q + ";"),
                sql("User does not have USE CATALOG on Catalog 'btda-dea'."));
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA `btda-dea`.`2024` TO " + Q + ";"),
                sql("User does not have USE SCHEMA on Schema `btda-dea`.`2024`"));
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG `btda-dea` TO " + Q + ";"),
                sql("[NO_SUCH_CATALOG_EXCEPTION] Catalog 'btda-dea' was not found."));
    }

    @Test
    void principalIsAlwaysBacktickedAndPlaceholderWhenUnknown() {
        Diagnosis d = classifier.classify("User does not have USE CATALOG on Catalog 'main'.");
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG main TO `<service-principal-application-id>`;"),
                writer.write(d, null, null, null).sql());
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG main TO `odd``id`;"),
                writer.write(d, "odd`id", null, null).sql());
    }

    @Test
    void emitsEveryMissingGrantListedInOrder() {
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG main TO " + Q + ";",
                        "GRANT USE SCHEMA ON SCHEMA main.a TO " + Q + ";",
                        "GRANT SELECT ON TABLE main.a.t TO " + Q + ";"),
                sql("User does not have SELECT on Table 'main.a.t'.\nUser does not have USE SCHEMA on Schema 'main.a'.\n"
                        + "User does not have USE CATALOG on Catalog 'main'."));
    }

    @Test
    void otherPrivilegesAreGrantedAsNamed() {
        assertEquals(List.of("GRANT MODIFY ON TABLE main.sales.orders TO " + Q + ";"),
                sql("User does not have MODIFY on Table 'main.sales.orders'."));
        assertEquals(List.of("GRANT READ FILES ON EXTERNAL LOCATION landing TO " + Q + ";"),
                sql("User does not have READ FILES on External Location 'landing'."));
    }

    @Test
    void hiveLegacyForms() {
        assertEquals(List.of("GRANT SELECT, READ_METADATA ON TABLE hive_metastore.db.t TO " + Q + ";"),
                sql("User does not have permission SELECT on table `db`.`t`"));
        assertEquals(List.of("GRANT USAGE ON SCHEMA hive_metastore.x TO " + Q + ";"),
                sql("User does not have USAGE on database `x`"));
        assertEquals(List.of("GRANT CREATE ON CATALOG hive_metastore TO " + Q + ";"),
                sql("User does not have permission CREATE on CATALOG."));
        assertEquals(List.of("GRANT READ_METADATA ON SCHEMA hive_metastore.`btda-dea` TO " + Q + ";"),
                sql("User does not have permission READ_METADATA on database `btda-dea`"));
    }

    @Test
    void hiveCreateOffersTheLegacyPreCreatedSchema() {
        Remediation r = writer.write(classifier.classify("User does not have permission CREATE on CATALOG"), SP, null, null);
        assertEquals(List.of("CREATE SCHEMA IF NOT EXISTS hive_metastore.__segment_reverse_etl;",
                "GRANT ALL PRIVILEGES ON SCHEMA hive_metastore.__segment_reverse_etl TO " + Q + ";"), r.alternative());
    }

    @Test
    void handMadeDiagnosisFollowsTheGivenDialectAndDefaultCatalog() {
        Diagnosis schemaOnly = new Diagnosis(Category.MISSING_USE_SCHEMA, List.of("marketing"), null, "");
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA main.marketing TO " + Q + ";"),
                writer.write(schemaOnly, SP, null, "main").sql());
        assertEquals(List.of("GRANT USAGE ON SCHEMA hive_metastore.marketing TO " + Q + ";"),
                writer.write(schemaOnly, SP, CatalogKind.HIVE_METASTORE, null).sql());
        assertEquals(List.of("GRANT USAGE ON SCHEMA hive_metastore.marketing TO " + Q + ";"),
                writer.write(schemaOnly, SP, null, "hive_metastore").sql());
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA <catalog>.marketing TO " + Q + ";"),
                writer.write(schemaOnly, SP, null, null).sql());

        Diagnosis create = new Diagnosis(Category.MISSING_CREATE_SCHEMA, List.of(), null, "");
        assertEquals(List.of("GRANT CREATE ON CATALOG hive_metastore TO " + Q + ";"),
                writer.write(create, SP, CatalogKind.HIVE_METASTORE, null).sql());
        assertEquals(List.of("GRANT CREATE SCHEMA ON CATALOG `btda-dea` TO " + Q + ";"),
                writer.write(create, SP, null, "btda-dea").sql());

        Diagnosis select = new Diagnosis(Category.MISSING_SELECT, List.of("sales.orders"), "SELECT", "");
        assertEquals(List.of("GRANT SELECT, READ_METADATA ON TABLE hive_metastore.sales.orders TO " + Q + ";"),
                writer.write(select, SP, CatalogKind.HIVE_METASTORE, null).sql());
        assertEquals(List.of("GRANT SELECT ON TABLE main.sales.orders TO " + Q + ";"),
                writer.write(new Diagnosis(Category.MISSING_SELECT, List.of("main.sales.orders"), "SELECT", ""), SP, null, null).sql());
    }

    @Test
    void hiveMetastoreNameWinsOverTheGivenKind() {
        Diagnosis d = new Diagnosis(Category.MISSING_USE_SCHEMA, List.of("hive_metastore.sales"), null, "");
        assertEquals(List.of("GRANT USAGE ON SCHEMA hive_metastore.sales TO " + Q + ";"),
                writer.write(d, SP, CatalogKind.UNITY_CATALOG, null).sql());
    }

    @Test
    void notFoundGrantsVisibilityAndSaysToCheckTheSpelling() {
        Remediation r = writer.write(classifier.classify("[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`sales`.`customerz` cannot be found."), SP, null, null);
        assertEquals(List.of("GRANT USE CATALOG ON CATALOG main TO " + Q + ";",
                "GRANT USE SCHEMA ON SCHEMA main.sales TO " + Q + ";",
                "GRANT SELECT ON TABLE main.sales.customerz TO " + Q + ";"), r.sql());
        assertTrue(r.steps().get(0).contains("spelling"));
        assertEquals(List.of("GRANT USAGE ON SCHEMA hive_metastore.s TO " + Q + ";",
                        "GRANT SELECT, READ_METADATA ON SCHEMA hive_metastore.s TO " + Q + ";"),
                writer.write(new Diagnosis(Category.SCHEMA_NOT_FOUND, List.of("s"), null, ""), SP, CatalogKind.HIVE_METASTORE, null).sql());
    }

    @Test
    void nonSqlCategoriesGetPlainSteps() {
        Remediation warehouse = writer.write(classifier.classify("PERMISSION_DENIED: sp is not authorized to use this SQL Endpoint."), SP, null, null);
        assertTrue(warehouse.sql().isEmpty());
        assertTrue(warehouse.steps().get(0).contains("Permissions"), warehouse.steps().toString());
        assertTrue(warehouse.steps().get(0).contains("Can use"));
        assertTrue(warehouse.steps().get(0).contains(SP));

        Remediation ip = writer.write(classifier.classify("Source IP address: 75.125.237.108 is blocked by Databricks IP ACL for workspace: 1"), SP, null, null);
        String ipSteps = String.join("\n", ip.steps());
        assertTrue(ipSteps.contains("75.125.237.108"));
        assertTrue(ipSteps.contains("52.25.130.38/32") && ipSteps.contains("34.223.203.0/28") && ipSteps.contains("3.251.148.96/29"));

        String client = String.join("\n", writer.write(classifier.classify("invalid_client"), SP, null, null).steps());
        assertTrue(client.contains("Application ID") && client.contains("new OAuth secret"), client);

        String tls = String.join("\n", writer.write(classifier.classify("PKIX path building failed"), SP, null, null).steps());
        assertTrue(tls.contains("trust store") && tls.contains("root certificate"), tls);
    }

    @Test
    void everyCategoryHasATitleAnExplanationAndSteps() {
        Explanations explanations = new Explanations();
        for (Category c : Category.values()) {
            Diagnosis d = new Diagnosis(c, List.of(), null, "");
            assertFalse(explanations.title(c).isBlank(), c.name());
            String text = explanations.explanation(d);
            assertFalse(text.isBlank(), c.name());
            Remediation r = writer.write(d, SP, null, null);
            assertFalse(r.steps().isEmpty(), c.name());
            for (String s : r.steps()) {
                assertFalse(s.matches("(?s).*\\{[a-zA-Z]+\\}.*"), c + " leaves a placeholder: " + s);
            }
            assertFalse(text.matches("(?s).*\\{[a-zA-Z]+\\}.*"), c + " leaves a placeholder: " + text);
        }
    }
}
