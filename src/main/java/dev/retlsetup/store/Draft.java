package dev.retlsetup.store;

import dev.retlsetup.source.SourceInput;
import java.time.Instant;

/**
 * The wizard's unfinished work, saved on every change so it can be resumed after a close or a crash: every
 * field as typed except the secret, which is never part of a draft.
 *
 * @param input         the connection fields as typed; its secret is always empty
 * @param secretStorage where the user chose to keep the secret, or {@code null} when not chosen yet
 * @param stepId        the step the user was on (the UI's step id)
 * @param demoScenario  the demo workspace scenario when in demo mode, else {@code null}
 * @param sourceName    the saved source being edited, or {@code null} for a new one
 * @param savedAt       when the draft was saved
 */
public record Draft(SourceInput input, SecretStorage.Kind secretStorage, String stepId, String demoScenario,
        String sourceName, Instant savedAt) {

    public Draft {
        input = input == null ? SourceInput.empty() : input.withSecret("");
    }

    /** A draft of the form's fields; the secret in {@code input} is dropped. */
    public static Draft of(SourceInput input, SecretStorage.Kind secretStorage, String stepId, String demoScenario,
            String sourceName, Instant savedAt) {
        return new Draft(input, secretStorage, stepId, demoScenario, sourceName, savedAt);
    }

    /** The same draft saved at another time. */
    Draft savedAt(Instant time) {
        return new Draft(input, secretStorage, stepId, demoScenario, sourceName, time);
    }

    /** True when nothing was typed and the demo was not in use (no need to offer to resume). */
    public boolean isEmpty() {
        return demoScenario == null && input.withSecret("").with(dev.retlsetup.source.Field.PORT, "")
                .equals(SourceInput.empty()) && (input.port().isBlank() || input.port().strip().equals("443"));
    }

    /** True when the draft was made in demo mode: resuming it starts the demo with {@link #demoScenario()}. */
    public boolean isDemo() {
        return demoScenario != null && !demoScenario.isBlank();
    }
}
