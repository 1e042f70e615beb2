package dev.retlsetup.diagnose;

import dev.retlsetup.source.SourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole set-up an admin runs for a service principal: read access to every schema the models
 * query, and the right to create Segment's managed schema, in the dialect of each catalog, plus
 * comment lines for what SQL cannot do (warehouse permission, entitlement).
 *
 * <p>Schemas are {@code schema} (in the source's catalog) or {@code catalog.schema}. With no
 * catalog (the workspace default) unqualified schemas use the placeholder {@code <default-catalog>}
 * and a comment says how to find its name; a catalog named {@code hive_metastore} gets the
 * legacy table-ACL forms.
 */
public final class SetupScript {
    public static final String DEFAULT_CATALOG_PLACEHOLDER = "<default-catalog>";

    private SetupScript() {
    }

    /** The script as text, one statement or comment per line, ending in a newline. */
    public static String text(String principalId, String catalog, List<String> schemas) {
        return String.join("\n", lines(principalId, catalog, schemas)) + "\n";
    }

    /** Only the statements (no comments), in order. */
    public static List<String> statements(String principalId, String catalog, List<String> schemas) {
        return lines(principalId, catalog, schemas).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("--"))
                .toList();
    }

    /** The script, line by line. */
    public static List<String> lines(String principalId, String catalog, List<String> schemas) {
        String principal = principalId == null || principalId.isBlank()
                ? RemediationWriter.PRINCIPAL_PLACEHOLDER : principalId.strip();
        String sp = SqlIdentifiers.always(principal);
        String home = catalog == null || catalog.isBlank() ? DEFAULT_CATALOG_PLACEHOLDER : catalog.strip();
        if (home.equalsIgnoreCase("spark_catalog")) {
            home = SourceSettings.HIVE_METASTORE;
        }

        // catalog -> schemas, in the order given
        Map<String, Set<List<String>>> byCatalog = new LinkedHashMap<>();
        byCatalog.put(home, new LinkedHashSet<>());
        for (String schema : schemas == null ? List.<String>of() : schemas) {
            if (schema == null || schema.isBlank()) {
                continue;
            }
            List<String> parts = SqlIdentifiers.parts(schema.strip());
            if (parts.isEmpty() || parts.size() > 2) {
                throw new IllegalArgumentException("not a schema name (schema or catalog.schema): " + schema);
            }
            if (parts.size() == 1) {
                parts = List.of(home, parts.get(0));
            } else if (parts.get(0).equalsIgnoreCase("spark_catalog")) {
                parts = List.of(SourceSettings.HIVE_METASTORE, parts.get(1));
            }
            byCatalog.computeIfAbsent(parts.get(0), k -> new LinkedHashSet<>()).add(parts);
        }

        Explanations words = new Explanations();
        List<String> out = new ArrayList<>();
        out.add(comment(words, "setupScript.title", Map.of("principal", principal)));
        out.add(comment(words, "setupScript.run", Map.of()));
        if (principal.equals(RemediationWriter.PRINCIPAL_PLACEHOLDER)) {
            out.add(comment(words, "fixScript.placeholder", Map.of()));
        }
        if (home.equals(DEFAULT_CATALOG_PLACEHOLDER)) {
            out.add(comment(words, "setupScript.defaultCatalog", Map.of("placeholder", DEFAULT_CATALOG_PLACEHOLDER)));
            out.add(comment(words, "setupScript.defaultCatalog.hive", Map.of()));
        }
        out.add("--");
        out.add(comment(words, "setupScript.ui", Map.of()));
        out.add("--   1. " + Explanations.fill(words.text("setupScript.ui.entitlement"), Map.of("principal", principal)));
        out.add("--   2. " + Explanations.fill(words.text("setupScript.ui.canUse"), Map.of("principal", principal)));

        for (Map.Entry<String, Set<List<String>>> entry : byCatalog.entrySet()) {
            String cat = entry.getKey();
            CatalogKind kind = CatalogKind.ofCatalog(cat);
            boolean isHome = cat.equals(home);
            if (entry.getValue().isEmpty() && !isHome) {
                continue;
            }
            out.add("");
            out.add(comment(words, kind == CatalogKind.HIVE_METASTORE ? "setupScript.catalog.hive" : "setupScript.catalog.uc",
                    Map.of("catalog", SqlIdentifiers.quote(cat))));
            if (kind == CatalogKind.UNITY_CATALOG) {
                out.add(GrantSql.useCatalog(kind, cat, sp));
            }
            if (!entry.getValue().isEmpty()) {
                out.add(comment(words, "setupScript.read", Map.of()));
            }
            for (List<String> schema : entry.getValue()) {
                out.add(GrantSql.useSchema(kind, schema, sp));
                out.add(GrantSql.select(kind, "SCHEMA", schema, sp));
            }
            if (isHome) {
                out.add(comment(words, "setupScript.create", Map.of("schema", SqlIdentifiers.qualified(cat, SourceSettings.MANAGED_SCHEMA))));
                out.add(GrantSql.createSchema(kind, cat, sp));
                out.add(comment(words, "setupScript.create.instead", Map.of()));
                out.add("-- " + GrantSql.createManagedSchema(cat));
                out.add("-- " + GrantSql.allOnManagedSchema(cat, sp));
            }
        }
        return out;
    }

    private static String comment(Explanations words, String key, Map<String, String> values) {
        return "-- " + Explanations.fill(words.text(key), values);
    }
}
