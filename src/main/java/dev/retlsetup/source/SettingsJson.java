package dev.retlsetup.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON shape of a source's connection settings: {@code host, httpPath, port, clientId, catalog,
 * schemas[]}, in field order, never the secret. Used by the store (fields as typed), {@code validate --json} and
 * the reports (settings as normalized).
 */
public final class SettingsJson {
    private SettingsJson() {
    }

    /** Normalized settings: {@code null} for what is empty, the port a number, the schemas a list. */
    public static ObjectNode write(ObjectNode into, SourceSettings settings) {
        for (Field field : Field.values()) {
            switch (field) {
                case SECRET -> { }
                case PORT -> {
                    if (settings.port() > 0) {
                        into.put(field.jsonName(), settings.port());
                    } else {
                        into.putNull(field.jsonName());
                    }
                }
                case SCHEMAS -> settings.schemas().forEach(into.putArray(field.jsonName())::add);
                default -> into.put(field.jsonName(), normalized(settings, field));
            }
        }
        return into;
    }

    /** Fields exactly as typed; the schemas split into a list with {@link SchemaList#split}. */
    public static ObjectNode write(ObjectNode into, SourceInput typed) {
        for (Field field : Field.values()) {
            if (field == Field.SCHEMAS) {
                SchemaList.split(typed.schemas()).forEach(into.putArray(field.jsonName())::add);
            } else if (field != Field.SECRET) {
                into.put(field.jsonName(), typed.get(field));
            }
        }
        return into;
    }

    /**
     * Reads what {@link #write(ObjectNode, SourceInput)} wrote (missing fields are empty; the schemas may also
     * be one text, as older drafts kept them). The secret is always empty.
     *
     * @throws IllegalArgumentException when a field has the wrong type; the message names the field
     */
    public static SourceInput read(JsonNode node) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            JsonNode value = field == Field.SECRET ? null : node.get(field.jsonName());
            values.put(field, value == null || value.isNull() ? "" : text(field, value));
        }
        return SourceInput.of(values::get);
    }

    private static String text(Field field, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (field == Field.SCHEMAS && value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : (ArrayNode) value) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException("\"" + field.jsonName() + "\" holds something that is not text");
                }
                items.add(item.asText());
            }
            return SchemaList.join(items);
        }
        throw new IllegalArgumentException("\"" + field.jsonName() + "\" is not text");
    }

    private static String normalized(SourceSettings settings, Field field) {
        return switch (field) {
            case HOST -> settings.host();
            case HTTP_PATH -> settings.httpPath();
            case CLIENT_ID -> settings.clientId();
            case CATALOG -> settings.catalog();
            default -> throw new IllegalArgumentException(field.name());
        };
    }
}
