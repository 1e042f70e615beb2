package dev.retlsetup.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.demo.ScenarioSpec.BehaviourSpec;
import dev.retlsetup.demo.ScenarioSpec.WarehouseSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the demo workspace contains and how it misbehaves: catalogs, schemas, tables with rows, the
 * grants of the connecting service principal, the warehouse state and failure knobs. Immutable; a
 * running {@link DemoWorkspace} works on its own copy of the data, so DDL never changes a scenario.
 * The file format is documented in docs/demo-workspace.md.
 */
public final class Scenario {
    private static final List<String> BUILT_IN = List.of(
            "ready", "missing-use-schema", "missing-select", "missing-create", "managed-schema-precreated",
            "no-warehouse-access", "stopped-warehouse", "expired-secret", "ip-blocked", "hive-legacy", "slow", "models",
            "large", "no-principal", "secret-expiring", "missing-sql-entitlement");
    /** Built on first parse, so listing the scenario names (the wizard's first page) stays cheap. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    private final ScenarioSpec spec;

    private Scenario(ScenarioSpec spec) {
        this.spec = spec;
    }

    /** The scenarios shipped with the application, in the order they are documented. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /** @throws InvalidScenarioException for a name not in {@link #builtInNames()} */
    public static Scenario builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new InvalidScenarioException("unknown scenario '" + name + "'; built-in scenarios: "
                    + String.join(", ", BUILT_IN));
        }
        return parse(builtInText(name), "built-in scenario '" + name + "'");
    }

    /** @throws InvalidScenarioException when the file cannot be read, is not valid JSON or is inconsistent */
    public static Scenario fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidScenarioException("cannot read scenario file " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return parse(text, "scenario file " + file);
    }

    /** Parses scenario JSON; {@code source} names it in error messages. */
    public static Scenario fromJson(String json, String source) {
        return parse(json, source);
    }

    private static Scenario parse(String json, String source) {
        ScenarioSpec spec;
        try {
            spec = Json.MAPPER.treeToValue(withBase(Json.MAPPER.readTree(json), source, 0), ScenarioSpec.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidScenarioException(source + " is not a valid scenario" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (spec == null) {
            throw new InvalidScenarioException(source + " is empty");
        }
        try {
            ScenarioValidator.validate(spec);
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(source + " is not a valid scenario: " + e.getMessage(), e);
        }
        return new Scenario(spec);
    }

    /**
     * Resolves {@code "base": "<built-in name>"}: the file starts from that scenario and each top-level
     * key it sets replaces the base's key as a whole (so a variant restates all grants it wants).
     */
    private static JsonNode withBase(JsonNode node, String source, int depth) throws JsonProcessingException {
        if (!(node instanceof ObjectNode object) || !object.has("base")) {
            return node;
        }
        String baseName = object.get("base").asText();
        if (depth > 4 || !BUILT_IN.contains(baseName)) {
            throw new InvalidScenarioException(source + ": \"base\" must name a built-in scenario ("
                    + String.join(", ", BUILT_IN) + "), not '" + baseName + "'");
        }
        ObjectNode merged = (ObjectNode) withBase(Json.MAPPER.readTree(builtInText(baseName)), source, depth + 1);
        object.remove("base");
        merged.setAll(object);
        return merged;
    }

    private static String builtInText(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream("scenarios/" + name + ".json")) {
            if (in == null) {
                throw new InvalidScenarioException("built-in scenario '" + name + "' is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidScenarioException("cannot read built-in scenario '" + name + "': " + e, e);
        }
    }

    /** The catalog a newcomer should type for this scenario: its default catalog. */
    public String suggestedCatalog() {
        return spec.defaultCatalog() != null ? spec.defaultCatalog()
                : spec.catalogs().isEmpty() ? "" : spec.catalogs().get(0).name();
    }

    /** The schemas that hold tables (what models would read), as {@code catalog.schema}. */
    public List<String> suggestedSchemas() {
        List<String> schemas = new java.util.ArrayList<>();
        for (ScenarioSpec.CatalogSpec catalog : spec.catalogs()) {
            for (ScenarioSpec.SchemaSpec schema : catalog.schemas()) {
                if (schema.tables() != null && !schema.tables().isEmpty()
                        && !schema.name().equalsIgnoreCase("__segment_reverse_etl")) {
                    schemas.add(catalog.name() + "." + schema.name());
                }
            }
        }
        return schemas;
    }

    public String name() {
        return spec.name();
    }

    public String description() {
        return spec.description();
    }

    /** The display name of the connecting service principal (its user name is always the client id). */
    public String principalDisplayName() {
        return spec.principal().displayName();
    }

    /** The warehouse state at start: RUNNING, STOPPED, ... */
    public String initialWarehouseState() {
        return spec.warehouse().state();
    }

    public Duration startingDelay() {
        return Duration.ofMillis(spec.warehouse().startingDelayMillis());
    }

    public Duration latency() {
        return Duration.ofMillis(spec.behaviour().latencyMillis());
    }

    /** A copy whose warehouse stays STARTING for {@code delay} after a start (tests use a short one). */
    public Scenario withStartingDelay(Duration delay) {
        WarehouseSpec w = spec.warehouse();
        return copy(new WarehouseSpec(w.name(), w.state(), w.canUse(), delay.toMillis(), w.warehouseType(),
                w.serverless(), w.autoStopMins()), spec.behaviour());
    }

    /** A copy that adds {@code latency} to every response. */
    public Scenario withLatency(Duration latency) {
        BehaviourSpec b = spec.behaviour();
        return copy(spec.warehouse(), new BehaviourSpec(latency.toMillis(), b.secretExpired(), b.ipBlocked(),
                b.probeDropFails()));
    }

    /**
     * A copy whose generated tables get {@code rows} rows each (the {@code large} scenario at another
     * size: a benchmark compares two, a test starts a small one).
     */
    public Scenario withGeneratedRows(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        List<ScenarioSpec.CatalogSpec> catalogs = spec.catalogs().stream().map(c -> new ScenarioSpec.CatalogSpec(
                c.name(), c.owner(), c.schemas().stream().map(s -> new ScenarioSpec.SchemaSpec(s.name(), s.owner(),
                        s.tables().stream().map(t -> t.generate() == null ? t : new ScenarioSpec.TableSpec(t.name(),
                                t.owner(), t.columns(), t.rows(),
                                new ScenarioSpec.GenerateSpec(rows, t.generate().values()), t.view())).toList()))
                        .toList())).toList();
        return new Scenario(new ScenarioSpec(spec.name(), spec.description(), spec.workspaceId(), spec.principal(),
                spec.warehouse(), spec.behaviour(), spec.defaultCatalog(), catalogs, spec.grants()));
    }

    private Scenario copy(WarehouseSpec warehouse, BehaviourSpec behaviour) {
        return new Scenario(new ScenarioSpec(spec.name(), spec.description(), spec.workspaceId(), spec.principal(),
                warehouse, behaviour, spec.defaultCatalog(), spec.catalogs(), spec.grants()));
    }

    ScenarioSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "Scenario[" + spec.name() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario other && Objects.equals(spec, other.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }
}
