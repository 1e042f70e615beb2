package dev.retlsetup.store;

import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceInput;
import java.time.Instant;
import java.util.Objects;

/**
 * A named, saved Databricks source: the form's fields without the secret, where the secret is kept, and the
 * last test's outcome. The fields are kept as typed, so reopening a source shows exactly what was saved.
 *
 * @param name          shown to the user; unique in the store ignoring case
 * @param input         the connection fields as typed; its secret is always empty
 * @param secretStorage where the secret is; never the secret itself
 * @param lastTest      the last connection test, or {@code null} when never tested
 * @param created       set by the store on first save
 * @param updated       set by the store on each save
 * @param demoScenario  the built-in demo workspace's scenario when this source points at the demo (its address and
 *                      port are only valid while that demo runs, so testing it starts the demo first), else
 *                      {@code null}
 */
public record SavedSource(String name, SourceInput input, SecretStorage secretStorage, ConnectionTestSummary lastTest,
        Instant created, Instant updated, String demoScenario) {

    public SavedSource {
        Objects.requireNonNull(name, "name");
        input = input == null ? SourceInput.empty() : input.withSecret("");
        secretStorage = secretStorage == null ? SecretStorage.none() : secretStorage;
        demoScenario = demoScenario == null || demoScenario.isBlank() ? null : demoScenario.strip();
    }

    /** A source of a real workspace (not the demo). */
    public SavedSource(String name, SourceInput input, SecretStorage secretStorage, ConnectionTestSummary lastTest,
            Instant created, Instant updated) {
        this(name, input, secretStorage, lastTest, created, updated, null);
    }

    /** True when this source points at the built-in demo workspace. */
    public boolean isDemo() {
        return demoScenario != null;
    }

    public SavedSource withDemoScenario(String value) {
        return new SavedSource(name, input, secretStorage, lastTest, created, updated, value);
    }

    /** A new source from the form's fields; the secret in {@code input} is dropped. */
    public static SavedSource of(String name, SourceInput input, SecretStorage secretStorage) {
        return new SavedSource(name, input, secretStorage, null, null, null);
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
        return new SavedSource(name, value, secretStorage, lastTest, created, updated, demoScenario);
    }

    public SavedSource withName(String value) {
        return new SavedSource(value, input, secretStorage, lastTest, created, updated, demoScenario);
    }

    public SavedSource withSecretStorage(SecretStorage value) {
        return new SavedSource(name, input, value, lastTest, created, updated, demoScenario);
    }

    public SavedSource withLastTest(ConnectionTestSummary value) {
        return new SavedSource(name, input, secretStorage, value, created, updated, demoScenario);
    }

    SavedSource withTimes(Instant createdAt, Instant updatedAt) {
        return new SavedSource(name, input, secretStorage, lastTest, createdAt, updatedAt, demoScenario);
    }
}
