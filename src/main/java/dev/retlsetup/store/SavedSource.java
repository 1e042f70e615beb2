package dev.retlsetup.store;

import dev.retlsetup.source.SourceInput;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A named, saved Databricks source: the form's fields without the secret, where the secret is kept, and the
 * last test's outcome. Field values are kept as typed (as in {@link SourceInput}), so reopening a source shows
 * exactly what was saved.
 *
 * @param name          shown to the user; unique in the store ignoring case
 * @param port          as typed ("" = 443)
 * @param schemas       each schema as typed ({@code schema} or {@code catalog.schema})
 * @param secretStorage where the secret is; never the secret itself
 * @param lastTest      the last connection test, or {@code null} when never tested
 * @param created       set by the store on first save
 * @param updated       set by the store on each save
 */
public record SavedSource(String name, String host, String httpPath, String port, String clientId, String catalog,
        List<String> schemas, SecretStorage secretStorage, ConnectionTestSummary lastTest, Instant created, Instant updated) {

    public SavedSource {
        Objects.requireNonNull(name, "name");
        host = host == null ? "" : host;
        httpPath = httpPath == null ? "" : httpPath;
        port = port == null ? "" : port;
        clientId = clientId == null ? "" : clientId;
        catalog = catalog == null ? "" : catalog;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        secretStorage = secretStorage == null ? SecretStorage.none() : secretStorage;
    }

    /** A new source from the form's fields; the secret in {@code input} is dropped. */
    public static SavedSource of(String name, SourceInput input, SecretStorage secretStorage) {
        return new SavedSource(name, input.host(), input.httpPath(), input.port(), input.clientId(), input.catalog(),
                splitSchemas(input.schemas()), secretStorage, null, null, null);
    }

    /** The form's fields, with an empty secret. */
    public SourceInput toInput() {
        return toInput("");
    }

    /** The form's fields with {@code secret} (read from {@link #secretStorage()}). */
    public SourceInput toInput(String secret) {
        return new SourceInput(host, httpPath, port, clientId, secret, catalog, String.join(", ", schemas));
    }

    /** This source with the form's new fields (the secret in {@code input} is dropped). */
    public SavedSource withSettings(SourceInput input) {
        return new SavedSource(name, input.host(), input.httpPath(), input.port(), input.clientId(), input.catalog(),
                splitSchemas(input.schemas()), secretStorage, lastTest, created, updated);
    }

    public SavedSource withName(String value) {
        return new SavedSource(value, host, httpPath, port, clientId, catalog, schemas, secretStorage, lastTest,
                created, updated);
    }

    public SavedSource withSecretStorage(SecretStorage value) {
        return new SavedSource(name, host, httpPath, port, clientId, catalog, schemas, value, lastTest, created,
                updated);
    }

    public SavedSource withLastTest(ConnectionTestSummary value) {
        return new SavedSource(name, host, httpPath, port, clientId, catalog, schemas, secretStorage, value, created,
                updated);
    }

    SavedSource withTimes(Instant createdAt, Instant updatedAt) {
        return new SavedSource(name, host, httpPath, port, clientId, catalog, schemas, secretStorage, lastTest,
                createdAt, updatedAt);
    }

    /** Schemas typed as one text, separated by commas, spaces or new lines. */
    static List<String> splitSchemas(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
