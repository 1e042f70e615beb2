package dev.retlsetup.ui.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Unity Catalog grant script shown on the warehouse page, filled with the typed names. */
final class GrantTemplate {
    static final String PRINCIPAL_PLACEHOLDER = "<service-principal-application-id>";
    static final String CATALOG_PLACEHOLDER = "<catalog>";

    private GrantTemplate() {
    }

    static String script(String principal, String catalog, String schemasText) {
        String sp = "`" + (principal.isEmpty() ? PRINCIPAL_PLACEHOLDER : principal.replace("`", "``")) + "`";
        String defaultCatalog = catalog.isEmpty() ? CATALOG_PLACEHOLDER : catalog;
        List<String> schemas = Arrays.stream(schemasText.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        List<String> catalogs = new ArrayList<>();
        catalogs.add(defaultCatalog);
        StringBuilder sql = new StringBuilder();
        List<String> qualified = new ArrayList<>();
        for (String schema : schemas.isEmpty() ? List.of("<schema>") : schemas) {
            String full = schema.contains(".") ? schema : defaultCatalog + "." + schema;
            qualified.add(full);
            String schemaCatalog = full.substring(0, full.indexOf('.'));
            if (!catalogs.contains(schemaCatalog)) {
                catalogs.add(schemaCatalog);
            }
        }
        for (String c : catalogs) {
            sql.append("GRANT USE CATALOG ON CATALOG ").append(c).append(" TO ").append(sp).append(";\n");
        }
        for (String full : qualified) {
            sql.append("GRANT USE SCHEMA ON SCHEMA ").append(full).append(" TO ").append(sp).append(";\n");
            sql.append("GRANT SELECT ON SCHEMA ").append(full).append(" TO ").append(sp).append(";\n");
        }
        sql.append("GRANT CREATE SCHEMA ON CATALOG ").append(defaultCatalog).append(" TO ").append(sp).append(";\n");
        sql.append("-- Or, instead of CREATE SCHEMA, an admin pre-creates Segment's schema:\n");
        sql.append("-- CREATE SCHEMA IF NOT EXISTS ").append(defaultCatalog).append(".__segment_reverse_etl;\n");
        sql.append("-- GRANT ALL PRIVILEGES ON SCHEMA ").append(defaultCatalog).append(".__segment_reverse_etl TO ")
                .append(sp).append(";");
        return sql.toString();
    }
}
