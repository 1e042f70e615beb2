package dev.retlsetup.ui;

import dev.retlsetup.source.Field;
import dev.retlsetup.store.DraftStore;
import dev.retlsetup.store.StoreException;
import java.time.Duration;
import java.util.List;
import javafx.beans.Observable;

/**
 * Saves the wizard's state (never the secret) shortly after each change, off the UI thread, so
 * closing the window or a crash loses nothing that was typed.
 */
public final class DraftAutosave {
    static final Duration DELAY = Duration.ofMillis(700);

    private final WizardViewModel wizard;
    private final DraftStore drafts;
    private final Background background;
    private Background.Delayed pending;

    public DraftAutosave(WizardViewModel wizard, DraftStore drafts) {
        this.wizard = wizard;
        this.drafts = drafts;
        this.background = wizard.background();
        // The secret's field changes too, but a draft never holds it: nothing to save then.
        wizard.form().fields().stream().filter(p -> p != wizard.form().field(Field.SECRET))
                .forEach(value -> value.addListener(changed -> schedule()));
        for (Observable value : List.of(wizard.currentProperty(), wizard.addStep().sourceNameProperty(),
                wizard.addStep().secretChoiceProperty(), wizard.demo().activeProperty(),
                wizard.demo().scenarioProperty())) {
            value.addListener(changed -> schedule());
        }
    }

    /** Called on the UI thread on every change: the snapshot is taken now, written a little later. */
    private synchronized void schedule() {
        if (!wizard.draftWorthy()) {
            // Nothing worth keeping now: an earlier snapshot of this moment (the demo's values) must not land.
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            return;
        }
        var draft = wizard.draft();
        int setup = wizard.generation();
        if (pending != null) {
            pending.cancel();
        }
        pending = background.after(DELAY, () -> {
            // Discarded, or another setup began meanwhile: this snapshot belongs to nothing the user keeps.
            if (wizard.discarded() || wizard.generation() != setup) {
                return;
            }
            try {
                drafts.save(draft);
            } catch (StoreException e) {
                // The input stays in the window; the next change tries again.
            }
        });
    }

    /** Writes any pending draft now, on the calling thread (on exit). */
    public void flush() {
        Background.Delayed last;
        synchronized (this) {
            last = pending;
            pending = null;
        }
        if (last != null) {
            last.runNow();
        }
    }
}
