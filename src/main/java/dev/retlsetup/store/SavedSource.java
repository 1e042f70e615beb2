package dev.retlsetup.store;

import dev.retlsetup.model.Model;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceInput;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named, saved Databricks source: the form's fields without the secret, where the secret is kept, the last
 * test's outcome, and its models. The fields are kept as typed, so reopening a source shows exactly what was saved.
 *
 * @param name          shown to the user; unique in the store ignoring case
 * @param input         the connection fields as typed; its secret is always empty
 * @param secretStorage where the secret is; never the secret itself
 * @param lastTest      the last connection test, or {@code null} when never tested
 * @param models        the models checked for this source (SQL, unique identifier, last check), in the order added
 * @param created       set by the store on first save
 * @param updated       set by the store on each save
 * @param demoScenario  the built-in demo workspace's scenario when this source points at the demo (its address and
 *                      port are only valid while that demo runs, so testing it starts the demo first), else
 *                      {@code null}
 */
public record SavedSource(String name, SourceInput input, SecretStorage secretStorage, ConnectionTestSummary lastTest,
        List<Model> models, Instant created, Instant updated, String demoScenario) {

    public SavedSource {
        Objects.requireNonNull(name, "name");
        input = input == null ? SourceInput.empty() : input.withSecret("");
        secretStorage = secretStorage == null ? SecretStorage.none() : secretStorage;
        models = models == null ? List.of() : List.copyOf(models);
        demoScenario = demoScenario == null || demoScenario.isBlank() ? null : demoScenario.strip();
    }

    /** A new source from the form's fields; the secret in {@code input} is dropped. */
    public static SavedSource of(String name, SourceInput input, SecretStorage secretStorage) {
        return new SavedSource(name, input, secretStorage, null, List.of(), null, null, null);
    }

    /** True when this source points at the built-in demo workspace. */
    public boolean isDemo() {
        return demoScenario != null;
    }

    /** The form's fields with {@code secret} (read from {@link #secretStorage()}). */
    public SourceInput toInput(String secret) {
        return input.withSecret(secret);
    }

    /** One field as typed. */
    public String get(Field field) {
        return input.get(field);
    }

    /** This source with the form's new fields (the secret in {@code input} is dropped). */
    public SavedSource withSettings(SourceInput value) {
        return new SavedSource(name, value, secretStorage, lastTest, models, created, updated, demoScenario);
    }

    public SavedSource withName(String value) {
        return new SavedSource(value, input, secretStorage, lastTest, models, created, updated, demoScenario);
    }

    public SavedSource withSecretStorage(SecretStorage value) {
        return new SavedSource(name, input, value, lastTest, models, created, updated, demoScenario);
    }

    public SavedSource withLastTest(ConnectionTestSummary value) {
        return new SavedSource(name, input, secretStorage, value, models, created, updated, demoScenario);
    }

    /** This source with its models (each with its last check). */
    public SavedSource withModels(List<Model> value) {
        return new SavedSource(name, input, secretStorage, lastTest, value, created, updated, demoScenario);
    }

    public SavedSource withDemoScenario(String value) {
        return new SavedSource(name, input, secretStorage, lastTest, models, created, updated, value);
    }

    SavedSource withTimes(Instant createdAt, Instant updatedAt) {
        return new SavedSource(name, input, secretStorage, lastTest, models, createdAt, updatedAt, demoScenario);
    }
}
