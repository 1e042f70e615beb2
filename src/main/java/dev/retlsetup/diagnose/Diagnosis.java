package dev.retlsetup.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * What an error means.
 *
 * @param category the stable failure category
 * @param objects object names the text mentions, normalized: {@code main.sales.x} for
 *     {@code `main`.`sales`.`x`}; legacy hive_metastore names are qualified
 *     ({@code hive_metastore.db.t}); an IP address for {@link Category#IP_BLOCKED}
 * @param privilege the privilege the text says is missing (e.g. {@code MODIFY}), or null
 * @param rawText the relevant server text (the driver's wrapper removed), secrets masked
 * @param wrapper the tool that wrapped the error (a driver, a connector, Terraform, an HTML page), or null
 * @param charactersNotRead how many characters of an over-long text were not read (0 when all were)
 */
public record Diagnosis(Category category, List<String> objects, String privilege, String rawText, Wrapper wrapper,
        int charactersNotRead) {
    public Diagnosis {
        Objects.requireNonNull(category, "category");
        objects = objects == null ? List.of() : List.copyOf(objects);
        rawText = rawText == null ? "" : rawText;
        charactersNotRead = Math.max(0, charactersNotRead);
    }

    public Diagnosis(Category category, List<String> objects, String privilege, String rawText) {
        this(category, objects, privilege, rawText, null, 0);
    }

    /** The first object name, or null. */
    public String firstObject() {
        return objects.isEmpty() ? null : objects.get(0);
    }
}
