package dev.retlsetup.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.retlsetup.model.Model;
import dev.retlsetup.source.SettingsJson;
import dev.retlsetup.source.SourceInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The versioned JSON of saved sources and drafts, written and read field by field (no reflection). */
final class StoreJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A file that is JSON but not what was expected; the message names what is wrong. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** A file written by a newer version of the app. */
    static final class Future extends Exception {
        final int version;

        Future(int version) {
            super("version " + version);
            this.version = version;
        }
    }

    private StoreJson() {
    }

    static byte[] bytes(ObjectNode root) {
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code bytes} are a JSON object whose {@code "version"} is above {@code current}. */
    static boolean isFuture(byte[] bytes, int current) {
        try {
            parse(bytes, current);
            return false;
        } catch (Future e) {
            return true;
        } catch (Malformed e) {
            return false;
        }
    }

    /** Parses {@code bytes} and checks {@code "version"}: 1..{@code current}. */
    static JsonNode parse(byte[] bytes, int current) throws Malformed, Future {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new Malformed("it is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("it is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new Malformed("it has no \"version\" number");
        }
        int v = version.intValue();
        if (v > current) {
            throw new Future(v);
        }
        if (v < 1) {
            throw new Malformed("its version " + v + " is not valid");
        }
        return root;
    }

    // ------------------------------------------------------------------ saved sources

    static ObjectNode source(SavedSource s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", SourceStore.VERSION);
        root.put("name", s.name());
        if (s.demoScenario() != null) {
            root.put("demoScenario", s.demoScenario());
        }
        SettingsJson.write(root.putObject("settings"), s.input());
        ObjectNode storage = root.putObject("secretStorage");
        storage.put("kind", s.secretStorage().kind().jsonName());
        storage.put("reference", s.secretStorage().reference());
        ConnectionTestSummary t = s.lastTest();
        if (t == null) {
            root.putNull("lastTest");
        } else {
            ObjectNode test = root.putObject("lastTest");
            test.put("time", instant(t.time()));
            test.put("ok", t.ok());
            test.put("complete", t.complete());
            test.put("passed", t.passed());
            test.put("failed", t.failed());
            test.put("warnings", t.warnings());
            test.put("skipped", t.skipped());
            test.put("principal", t.principal());
        }
        ArrayNode models = root.putArray("models");
        for (Model m : s.models()) {
            ObjectNode model = models.addObject();
            model.put("name", m.name());
            model.put("sql", m.sql());
            model.put("key", m.key());
            Model.LastCheck c = m.lastCheck();
            if (c == null) {
                model.putNull("lastCheck");
            } else {
                ObjectNode check = model.putObject("lastCheck");
                check.put("checkedAt", c.checkedAt());
                check.put("ready", c.ready());
                c.failed().forEach(check.putArray("failed")::add);
                check.put("summary", c.summary());
                check.put("rows", c.rows());
            }
        }
        root.put("created", instant(s.created()));
        root.put("updated", instant(s.updated()));
        return root;
    }

    static SavedSource source(JsonNode root) throws Malformed {
        String name = text(root, "name", true);
        if (name.isBlank()) {
            throw new Malformed("its \"name\" is empty");
        }
        SourceInput input = settings(object(root, "settings"));
        JsonNode storageNode = object(root, "secretStorage");
        SecretStorage.Kind kind = SecretStorage.Kind.fromJson(text(storageNode, "kind", true));
        if (kind == null) {
            throw new Malformed("\"secretStorage.kind\" is not keychain, databrickscfg or none");
        }
        SecretStorage storage;
        try {
            storage = new SecretStorage(kind, text(storageNode, "reference", false));
        } catch (IllegalArgumentException e) {
            throw new Malformed("\"secretStorage\" is incomplete");
        }
        ConnectionTestSummary lastTest = null;
        JsonNode test = root.get("lastTest");
        if (test != null && !test.isNull()) {
            if (!test.isObject()) {
                throw new Malformed("\"lastTest\" is not an object");
            }
            lastTest = new ConnectionTestSummary(instant(test, "time"), test.path("ok").asBoolean(false),
                    test.path("complete").asBoolean(false), test.path("passed").asInt(0),
                    test.path("failed").asInt(0), test.path("warnings").asInt(0), test.path("skipped").asInt(0),
                    text(test, "principal", false));
        }
        return new SavedSource(name, input, storage, lastTest, models(root), instant(root, "created"),
                instant(root, "updated"), text(root, "demoScenario", false));
    }

    /** The source's models; a file from before models were kept has none. */
    private static List<Model> models(JsonNode root) throws Malformed {
        JsonNode list = root.get("models");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new Malformed("\"models\" is not a list");
        }
        List<Model> models = new ArrayList<>();
        for (JsonNode node : list) {
            if (!node.isObject()) {
                throw new Malformed("\"models\" holds something that is not a model");
            }
            String name = text(node, "name", true);
            Model.LastCheck check = null;
            JsonNode c = node.get("lastCheck");
            if (c != null && !c.isNull()) {
                List<String> failed = new ArrayList<>();
                c.path("failed").forEach(f -> failed.add(f.asText()));
                check = new Model.LastCheck(text(c, "checkedAt", false), c.path("ready").asBoolean(false), failed,
                        text(c, "summary", false), c.hasNonNull("rows") ? c.get("rows").asLong() : null);
            }
            models.add(new Model(name, text(node, "sql", false), text(node, "key", false), check));
        }
        return models;
    }

    // ------------------------------------------------------------------ drafts

    static ObjectNode draft(Draft d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", DraftStore.VERSION);
        root.put("savedAt", instant(d.savedAt()));
        root.put("stepId", d.stepId());
        root.put("demoScenario", d.demoScenario());
        root.put("sourceName", d.sourceName());
        ObjectNode fields = SettingsJson.write(root.putObject("fields"), d.input());
        fields.put("secretStorage", d.secretStorage() == null ? null : d.secretStorage().jsonName());
        return root;
    }

    static Draft draft(JsonNode root) throws Malformed {
        JsonNode fields = object(root, "fields");
        String storage = text(fields, "secretStorage", false);
        return new Draft(settings(fields), storage == null ? null : SecretStorage.Kind.fromJson(storage),
                text(root, "stepId", false),
                text(root, "demoScenario", false), text(root, "sourceName", false), instant(root, "savedAt"));
    }

    // ------------------------------------------------------------------ helpers

    private static SourceInput settings(JsonNode node) throws Malformed {
        try {
            return SettingsJson.read(node);
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage());
        }
    }

    private static JsonNode object(JsonNode parent, String field) throws Malformed {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new Malformed("it has no \"" + field + "\" object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field, boolean required) throws Malformed {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Malformed("it has no \"" + field + "\"");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new Malformed("\"" + field + "\" is not text");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode parent, String field) throws Malformed {
        String value = text(parent, field, false);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Malformed("\"" + field + "\" is not a date and time");
        }
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
