package dev.retlsetup.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level scalar fields of a JSON object (an OAuth or warehouse API answer), as text. Read
 * with Jackson's streaming parser: the checks need a handful of flat fields, and the data-binding
 * layer would cost a fresh process a few hundred classes and ~0.2 s of start-up for them.
 */
final class JsonFields {
    static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, String> values;

    private JsonFields(Map<String, String> values) {
        this.values = values;
    }

    /** The fields, or empty when {@code body} is not one JSON object. Nested objects and arrays are skipped. */
    static Optional<JsonFields> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    values.put(name, parser.getText());
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new JsonFields(values));
    }

    /** Whether the field is there with a non-null scalar value. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    long number(String name, long otherwise) {
        try {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    boolean flag(String name) {
        return "true".equals(values.get(name));
    }
}
