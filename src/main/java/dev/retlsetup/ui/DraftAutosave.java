package dev.retlsetup.ui;

import dev.retlsetup.store.DraftStore;
import dev.retlsetup.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.Observable;

/**
 * Saves the wizard's state (never the secret) shortly after each change, off the UI thread, so
 * closing the window or a crash loses nothing that was typed.
 */
public final class DraftAutosave {
    static final Duration DELAY = Duration.ofMillis(700);

    private final WizardViewModel wizard;
    private final DraftStore drafts;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "draft-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;

    public DraftAutosave(WizardViewModel wizard, DraftStore drafts) {
        this.wizard = wizard;
        this.drafts = drafts;
        SourceForm form = wizard.form();
        for (Observable value : List.of(form.hostProperty(), form.httpPathProperty(), form.portProperty(),
                form.clientIdProperty(), form.catalogProperty(), form.schemasProperty(), wizard.currentProperty(),
                wizard.addStep().sourceNameProperty(), wizard.addStep().secretChoiceProperty())) {
            value.addListener(changed -> schedule());
        }
    }

    /** Called on the UI thread on every change: the snapshot is taken now, written a little later. */
    private synchronized void schedule() {
        if (!wizard.draftWorthy()) {
            return;
        }
        var draft = wizard.draft();
        if (pending != null) {
            pending.cancel(false);
        }
        pending = writer.schedule(() -> {
            if (wizard.discarded()) {
                return;
            }
            try {
                drafts.save(draft);
            } catch (StoreException e) {
                // The input stays in the window; the next change tries again.
            }
        }, DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes any pending draft now (on exit). */
    public void flush() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
