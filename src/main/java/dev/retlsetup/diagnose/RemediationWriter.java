package dev.retlsetup.diagnose;

import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.diagnose.ErrorClassifier.MissingGrant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the fix for a {@link Diagnosis}: plain-words steps, and for permission problems the
 * exact GRANT statements, only for what the error says is missing, in the catalog's dialect.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Names are fully qualified. A schema-relative name is qualified with the default catalog
 *       (or {@code hive_metastore} for the legacy dialect, or the placeholder {@code <catalog>}).
 *       Legacy statements use {@code hive_metastore.<schema>} too: unqualified names would resolve
 *       against the current catalog, which on a Unity Catalog workspace is not hive_metastore.</li>
 *   <li>MISSING_SELECT on a table grants SELECT on that table (the least privilege the error
 *       asks for); the schema-level grant, which also covers future tables, is the
 *       alternative.</li>
 *   <li>Legacy SELECT is granted as {@code SELECT, READ_METADATA} (Segment's guide; without
 *       READ_METADATA the objects cannot be seen).</li>
 *   <li>MISSING_CREATE_SCHEMA grants CREATE SCHEMA (legacy: CREATE) on the catalog; pre-creating
 *       {@code __segment_reverse_etl} with ALL PRIVILEGES is the alternative block.</li>
 *   <li>*_NOT_FOUND may mean "exists but invisible": the SQL makes it visible and readable, and
 *       the steps say to check the spelling first.</li>
 *   <li>The dialect: a name starting with {@code hive_metastore} is legacy whatever the caller
 *       says; otherwise the given kind, else the default catalog's kind.</li>
 * </ul>
 */
public final class RemediationWriter {
    public static final String PRINCIPAL_PLACEHOLDER = "<service-principal-application-id>";
    public static final String CATALOG_PLACEHOLDER = "<catalog>";
    public static final String SCHEMA_PLACEHOLDER = "<schema>";
    public static final String TABLE_PLACEHOLDER = "<table>";
    public static final String OBJECT_PLACEHOLDER = "<object>";
    /** Placeholders for names the error did not give (the principal's is explained by its own step). */
    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("<(?:catalog|schema|table|object)>");
    private static final Pattern PRIVILEGE_WORDS = Pattern.compile("[A-Z][A-Z_]*(?: [A-Z][A-Z_]*)*");

    private final Explanations explanations;

    public RemediationWriter() {
        this(new Explanations());
    }

    public RemediationWriter(Explanations explanations) {
        this.explanations = explanations;
    }

    /** With the principal placeholder and the dialect inferred from the names. */
    public Remediation write(Diagnosis diagnosis) {
        return write(diagnosis, null, null, null);
    }

    /**
     * @param principalId the service principal's application ID; null or blank → {@value #PRINCIPAL_PLACEHOLDER}
     * @param kind the dialect; null → inferred from the object names, then from defaultCatalog
     * @param defaultCatalog the catalog the connection uses, for schema-relative names; nullable
     */
    public Remediation write(Diagnosis diagnosis, String principalId, CatalogKind kind, String defaultCatalog) {
        String principal = principalId == null || principalId.isBlank() ? PRINCIPAL_PLACEHOLDER : principalId.strip();
        Context ctx = new Context(SqlIdentifiers.always(principal), kind,
                defaultCatalog == null || defaultCatalog.isBlank() ? null : defaultCatalog.strip());
        Set<String> sql = new LinkedHashSet<>();
        Map<String, String> vars = new HashMap<>();
        vars.put("principal", principal);
        String first = diagnosis.firstObject();
        vars.put("object", first == null ? "the object named in the error" : first);
        vars.put("objects", diagnosis.objects().isEmpty() ? "the objects named in the error"
                : String.join(", ", diagnosis.objects()));
        List<String> alt = null;

        switch (diagnosis.category()) {
            case MISSING_USE_CATALOG, MISSING_USE_SCHEMA, MISSING_SELECT, MISSING_CREATE_SCHEMA, MISSING_PRIVILEGE -> {
                List<MissingGrant> grants = grantsOf(diagnosis, ctx);
                grants.sort((a, b) -> Integer.compare(rank(a.category()), rank(b.category())));
                for (MissingGrant g : grants) {
                    String statement = grantSql(g, ctx);
                    if (statement != null) {
                        sql.add(statement);
                    }
                }
                MissingGrant main = grants.stream().filter(g -> g.category() == diagnosis.category()).findFirst()
                        .orElse(grants.isEmpty() ? null : grants.get(0));
                if (diagnosis.category() == Category.MISSING_SELECT && main != null && main.object() != null) {
                    List<String> parts = ctx.table(main.object());
                    if (securable(main, main.object(), ctx).equals("TABLE")) {
                        List<String> schema = parts.subList(0, 2);
                        alt = List.of(GrantSql.select(ctx.kindOf(schema), "SCHEMA", schema, ctx.sp));
                    }
                }
                if (diagnosis.category() == Category.MISSING_CREATE_SCHEMA) {
                    String catalog = main == null || main.object() == null ? ctx.catalogOrPlaceholder()
                            : SqlIdentifiers.parts(main.object()).get(0);
                    alt = List.of(GrantSql.createManagedSchema(catalog), GrantSql.allOnManagedSchema(catalog, ctx.sp));
                }
            }
            case CATALOG_NOT_FOUND -> {
                if (first != null) {
                    String catalog = SqlIdentifiers.parts(first).get(0);
                    if (CatalogKind.ofCatalog(catalog) == CatalogKind.UNITY_CATALOG) {
                        sql.add(GrantSql.useCatalog(CatalogKind.UNITY_CATALOG, catalog, ctx.sp));
                    }
                }
            }
            case SCHEMA_NOT_FOUND -> {
                if (first != null) {
                    List<String> schema = ctx.schema(first);
                    CatalogKind k = ctx.kindOf(schema);
                    if (k == CatalogKind.UNITY_CATALOG) {
                        sql.add(GrantSql.useCatalog(k, schema.get(0), ctx.sp));
                    }
                    sql.add(GrantSql.useSchema(k, schema, ctx.sp));
                    sql.add(GrantSql.select(k, "SCHEMA", schema, ctx.sp));
                }
            }
            case TABLE_NOT_FOUND -> {
                if (first != null && SqlIdentifiers.parts(first).size() >= 2) {
                    List<String> table = ctx.table(first);
                    CatalogKind k = ctx.kindOf(table);
                    if (k == CatalogKind.UNITY_CATALOG) {
                        sql.add(GrantSql.useCatalog(k, table.get(0), ctx.sp));
                    }
                    sql.add(GrantSql.useSchema(k, table.subList(0, 2), ctx.sp));
                    sql.add(GrantSql.select(k, "TABLE", table, ctx.sp));
                }
            }
            case IP_BLOCKED -> vars.put("object", first == null ? "your IP address" : first);
            default -> {
                // plain-words steps only
            }
        }
        // {alt} only marks the step that points at the alternative block; the statements are not inlined.
        vars.put("alt", "");
        List<String> steps = new ArrayList<>();
        Set<String> toFill = new LinkedHashSet<>();
        for (String statement : sql) {
            var m = NAME_PLACEHOLDER.matcher(statement);
            while (m.find()) {
                toFill.add(m.group());
            }
        }
        if (!toFill.isEmpty()) {
            steps.add(Explanations.fill(explanations.text("remediation.fillPlaceholders"),
                    Map.of("placeholders", String.join(", ", toFill))));
        } else if (diagnosis.category().isMissingGrant() && sql.isEmpty()) {
            steps.add(explanations.text("remediation.noStatement"));
        }
        for (String template : explanations.stepTemplates(diagnosis.category())) {
            if (Explanations.uses(template, "alt") && alt == null) {
                continue;
            }
            steps.add(Explanations.fill(template, vars));
        }
        return new Remediation(steps, new ArrayList<>(sql), alt);
    }

    /** The grants the raw text lists, or, for a hand-made diagnosis, those its category and objects imply. */
    private static List<MissingGrant> grantsOf(Diagnosis d, Context ctx) {
        List<MissingGrant> fromText = new ArrayList<>(ErrorClassifier.missingGrants(d.rawText()));
        if (fromText.stream().anyMatch(g -> g.category() == d.category())) {
            return fromText;
        }
        List<MissingGrant> out = new ArrayList<>();
        List<String> objects = d.objects().isEmpty() ? java.util.Collections.singletonList(null) : d.objects();
        for (String object : objects) {
            out.add(new MissingGrant(d.category(), d.privilege(), null, object));
        }
        return out;
    }

    private static int rank(Category c) {
        return switch (c) {
            case MISSING_USE_CATALOG -> 0;
            case MISSING_USE_SCHEMA -> 1;
            case MISSING_SELECT -> 2;
            case MISSING_CREATE_SCHEMA -> 3;
            default -> 4;
        };
    }

    private static String grantSql(MissingGrant g, Context ctx) {
        String object = g.object();
        switch (g.category()) {
            case MISSING_USE_CATALOG -> {
                String catalog = object == null ? ctx.catalogOrPlaceholder() : SqlIdentifiers.parts(object).get(0);
                return GrantSql.useCatalog(ctx.kindOf(List.of(catalog)), catalog, ctx.sp);
            }
            case MISSING_USE_SCHEMA -> {
                List<String> schema = ctx.schema(object == null ? SCHEMA_PLACEHOLDER : object);
                return GrantSql.useSchema(ctx.kindOf(schema), schema, ctx.sp);
            }
            case MISSING_SELECT -> {
                if (object == null) {
                    // The text names no table: a statement to complete, said so in a step.
                    List<String> parts = ctx.table(TABLE_PLACEHOLDER);
                    return GrantSql.select(ctx.kindOf(parts), "TABLE", parts, ctx.sp);
                }
                String securable = securable(g, object, ctx);
                List<String> parts = switch (securable) {
                    case "CATALOG" -> List.of(SqlIdentifiers.parts(object).get(0));
                    case "SCHEMA" -> ctx.schema(object);
                    default -> ctx.table(object);
                };
                return GrantSql.select(ctx.kindOf(parts), securable, parts, ctx.sp);
            }
            case MISSING_CREATE_SCHEMA -> {
                String catalog = object == null ? ctx.catalogOrPlaceholder() : SqlIdentifiers.parts(object).get(0);
                return GrantSql.createSchema(ctx.kindOf(List.of(catalog)), catalog, ctx.sp);
            }
            default -> {
                return genericGrant(g, ctx);
            }
        }
    }

    /**
     * TABLE, SCHEMA or CATALOG for a SELECT grant: from the type the text names, else from the
     * name: Unity Catalog names in errors are fully qualified (a.b is a schema), legacy ones are
     * schema-relative (a.b is a table).
     */
    private static String securable(MissingGrant g, String object, Context ctx) {
        String type = g.type();
        if (type != null) {
            switch (type) {
                case "CATALOG" -> {
                    return "CATALOG";
                }
                case "SCHEMA", "DATABASE" -> {
                    return "SCHEMA";
                }
                default -> {
                    return "TABLE";
                }
            }
        }
        List<String> parts = SqlIdentifiers.parts(object);
        boolean hiveRelative = ctx.kindOf(List.of()) == CatalogKind.HIVE_METASTORE
                && !parts.isEmpty() && CatalogKind.ofCatalog(parts.get(0)) != CatalogKind.HIVE_METASTORE;
        if (parts.size() >= 3) {
            return "TABLE";
        }
        if (parts.size() == 2) {
            return hiveRelative ? "TABLE" : "SCHEMA";
        }
        return hiveRelative ? "SCHEMA" : "CATALOG";
    }

    private static String genericGrant(MissingGrant g, Context ctx) {
        String privilege = g.privilege();
        if (privilege == null || !PRIVILEGE_WORDS.matcher(privilege).matches() || g.type() == null) {
            return null;
        }
        String type = g.type().toUpperCase(Locale.ROOT);
        switch (type) {
            case "ANY FILE", "ANONYMOUS FUNCTION" -> {
                return GrantSql.grant(privilege, type, null, ctx.sp);
            }
            default -> {
                // below
            }
        }
        if (g.object() == null) {
            // The text names the privilege and the kind of object, not the object: a statement to complete.
            return switch (type) {
                case "CATALOG" -> GrantSql.grant(privilege, "CATALOG", ctx.catalogOrPlaceholder(), ctx.sp);
                case "SCHEMA", "DATABASE" -> GrantSql.grant(privilege, "SCHEMA", GrantSql.name(ctx.schema(SCHEMA_PLACEHOLDER)), ctx.sp);
                case "TABLE", "VIEW", "MATERIALIZED VIEW", "STREAMING TABLE" ->
                        GrantSql.grant(privilege, "TABLE", GrantSql.name(ctx.table(TABLE_PLACEHOLDER)), ctx.sp);
                case "METASTORE" -> GrantSql.grant(privilege, "METASTORE", null, ctx.sp);
                default -> null;
            };
        }
        return switch (type) {
            case "CATALOG" -> GrantSql.grant(privilege, "CATALOG", SqlIdentifiers.quote(SqlIdentifiers.parts(g.object()).get(0)), ctx.sp);
            case "SCHEMA", "DATABASE" -> GrantSql.grant(privilege, "SCHEMA", GrantSql.name(ctx.schema(g.object())), ctx.sp);
            case "TABLE", "VIEW", "MATERIALIZED VIEW", "STREAMING TABLE" ->
                    GrantSql.grant(privilege, "TABLE", GrantSql.name(ctx.table(g.object())), ctx.sp);
            case "FUNCTION", "VOLUME" -> GrantSql.grant(privilege, type, GrantSql.name(ctx.table(g.object())), ctx.sp);
            case "EXTERNAL LOCATION", "STORAGE CREDENTIAL", "CONNECTION", "SHARE", "RECIPIENT", "PROVIDER" ->
                    GrantSql.grant(privilege, type, SqlIdentifiers.qualified(g.object()), ctx.sp);
            default -> null; // metastore, models: granted through Catalog Explorer
        };
    }

    /** Name qualification and dialect for one call. */
    private static final class Context {
        final String sp;
        final CatalogKind kind;
        final String defaultCatalog;

        Context(String sp, CatalogKind kind, String defaultCatalog) {
            this.sp = sp;
            this.kind = kind;
            this.defaultCatalog = defaultCatalog;
        }

        CatalogKind kindOf(List<String> parts) {
            if (!parts.isEmpty() && CatalogKind.ofCatalog(parts.get(0)) == CatalogKind.HIVE_METASTORE) {
                return CatalogKind.HIVE_METASTORE;
            }
            if (!parts.isEmpty() && !parts.get(0).startsWith("<")) {
                // A name the error qualified with another catalog is Unity Catalog whatever the
                // caller's default (legacy error texts are qualified with hive_metastore above).
                return CatalogKind.UNITY_CATALOG;
            }
            if (kind != null) {
                return kind;
            }
            return CatalogKind.ofCatalog(defaultCatalog);
        }

        String catalogOrPlaceholder() {
            if (defaultCatalog != null) {
                return defaultCatalog;
            }
            return kind == CatalogKind.HIVE_METASTORE ? SourceSettings.HIVE_METASTORE : CATALOG_PLACEHOLDER;
        }

        /** catalog.schema from a schema-relative or full name (a longer name keeps its first two parts). */
        List<String> schema(String name) {
            List<String> parts = hiveAlias(SqlIdentifiers.parts(name));
            if (parts.size() == 1) {
                parts.add(0, catalogOrPlaceholder());
            }
            return List.copyOf(parts.subList(0, 2));
        }

        /** catalog.schema.table from a table, schema.table or full name. */
        List<String> table(String name) {
            List<String> parts = hiveAlias(SqlIdentifiers.parts(name));
            if (parts.size() == 1) {
                parts.add(0, SCHEMA_PLACEHOLDER);
            }
            if (parts.size() == 2) {
                parts.add(0, catalogOrPlaceholder());
            }
            return List.copyOf(parts);
        }

        private static List<String> hiveAlias(List<String> parts) {
            List<String> out = new ArrayList<>(parts);
            if (!out.isEmpty() && out.get(0).equalsIgnoreCase("spark_catalog")) {
                out.set(0, SourceSettings.HIVE_METASTORE);
            }
            return out;
        }
    }
}
