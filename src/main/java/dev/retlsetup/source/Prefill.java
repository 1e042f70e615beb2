package dev.retlsetup.source;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Values found outside the form (environment, a {@code ~/.databrickscfg} profile, a JDBC URL), and where
 * each came from, so that the UI can say "filled in from DATABRICKS_HOST".
 *
 * @param input   the values; fields not found are ""
 * @param origins for each filled field, where its value came from ({@code DATABRICKS_HOST},
 *                {@code profile [dev]}, {@code --host}, ...)
 */
public record Prefill(SourceInput input, Map<Field, String> origins) {
    public Prefill {
        input = input == null ? SourceInput.empty() : input;
        EnumMap<Field, String> copy = new EnumMap<>(Field.class);
        if (origins != null) {
            copy.putAll(origins);
        }
        origins = Collections.unmodifiableMap(copy);
    }

    public static Prefill none() {
        return new Prefill(SourceInput.empty(), Map.of());
    }

    /** Builds a prefill where every non-blank field of {@code input} came from {@code origin}. */
    public static Prefill of(SourceInput input, String origin) {
        EnumMap<Field, String> origins = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (!input.get(field).isBlank()) {
                origins.put(field, origin);
            }
        }
        return new Prefill(input, origins);
    }

    /** Field by field, this prefill's value when it has one, otherwise {@code fallback}'s (with its origin). */
    public Prefill orElse(Prefill fallback) {
        SourceInput merged = input.orElse(fallback.input);
        EnumMap<Field, String> merged0 = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (!input.get(field).isBlank()) {
                String origin = origins.get(field);
                if (origin != null) {
                    merged0.put(field, origin);
                }
            } else if (!fallback.input.get(field).isBlank() && fallback.origins.get(field) != null) {
                merged0.put(field, fallback.origins.get(field));
            }
        }
        return new Prefill(merged, merged0);
    }

    /** Where {@code field}'s value came from, or {@code null}. */
    public String origin(Field field) {
        return origins.get(field);
    }
}
