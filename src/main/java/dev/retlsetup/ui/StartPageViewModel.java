package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.store.CorruptFileException;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SourceStore;
import dev.retlsetup.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start page: saved sources with their last test, problems reading the store, and an
 * unfinished draft to resume. Every read and write runs in the background.
 */
public final class StartPageViewModel {
    private final AppServices services;
    private final Background background;
    private final ObservableList<SavedSource> sources = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Draft> draft = new SimpleObjectProperty<>(this, "draft");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public StartPageViewModel(AppServices services, Background background) {
        this(services, background, null);
    }

    /** @param admin the admin signed in to this window, whose token reads a secret's expiry in their workspace */
    public StartPageViewModel(AppServices services, Background background, AdminSession admin) {
        this.services = services;
        this.background = background;
        this.expiry = new SavedSourceExpiry(services, background, admin);
    }

    // Each card's line on when its secret expires (issue 14), read after every refresh.
    private final SavedSourceExpiry expiry;

    public SavedSourceExpiry expiry() {
        return expiry;
    }

    /** Re-reads the saved sources and the draft. */
    public void refresh() {
        background.execute(() -> {
            List<SavedSource> found = new ArrayList<>();
            List<String> trouble = new ArrayList<>();
            Draft unfinished = null;
            try {
                SourceStore.Listing listing = services.sources().list();
                found.addAll(listing.sources());
                listing.problems().forEach(p -> trouble.add(p.message()));
            } catch (StoreException e) {
                trouble.add(e.getMessage());
            }
            try {
                unfinished = services.drafts().load();
            } catch (CorruptFileException e) {
                trouble.add(e.getMessage());
            } catch (StoreException e) {
                trouble.add(e.getMessage());
            }
            Draft resumable = unfinished == null || unfinished.isEmpty() ? null : unfinished;
            background.onUi(() -> {
                sources.setAll(found);
                expiry.read(found);
                problems.setAll(trouble);
                draft.set(resumable);
            });
        });
    }

    public void delete(SavedSource source) {
        act(() -> services.sources().delete(source.name()), Messages.UI.text("start.deleted", source.name()));
    }

    public void duplicate(SavedSource source, String newName) {
        act(() -> {
            SavedSource copy = services.sources().duplicate(source.name(), newName);
            services.vaults().copy(source.secretStorage(), copy.secretStorage());
        }, Messages.UI.text("start.duplicated", source.name(), newName));
    }

    public void discardDraft() {
        act(() -> services.drafts().clear(), "");
    }

    /** Loads a source's secret from where it was kept (or the environment), then hands both over. */
    public void withSecret(SavedSource source, BiConsumer<SavedSource, String> then) {
        background.execute(() -> {
            String secret = null;
            String problem = "";
            try {
                secret = services.vaults().secretFor(source).orElse(null);
            } catch (StoreException e) {
                problem = e.getMessage();
            }
            String found = secret;
            String note = problem;
            background.onUi(() -> {
                message.set(note);
                then.accept(source, found);
            });
        });
    }

    private interface StoreAction {
        void run() throws StoreException;
    }

    private void act(StoreAction action, String done) {
        background.execute(() -> {
            String result = done;
            try {
                action.run();
            } catch (StoreException | RuntimeException e) {
                result = e.getMessage();
            }
            String text = result;
            background.onUi(() -> message.set(text));
            refresh();
        });
    }

    /**
     * What is wrong with {@code name} for a copy (the store's naming rules, or a saved source already called
     * that, case-insensitively), or {@code null} when it can be used: checked in the dialog, as it is typed.
     */
    public String copyNameProblem(String name) {
        String trimmed = name == null ? "" : name.trim();
        String problem = dev.retlsetup.store.SourceStore.nameProblem(trimmed);
        if (problem != null) {
            return problem;
        }
        return sourceNamed(trimmed) ? Messages.UI.text("add.name.taken", trimmed) : null;
    }

    /** A name for a copy that is not taken yet: "X (copy)", "X (copy 2)"... */
    public String copyName(SavedSource source) {
        String base = Messages.UI.text("start.copyName", source.name());
        String name = base;
        for (int i = 2; sourceNamed(name); i++) {
            name = base.substring(0, base.length() - 1) + " " + i + ")";
        }
        return name;
    }

    private boolean sourceNamed(String name) {
        return sources.stream().anyMatch(s -> s.name().equalsIgnoreCase(name));
    }

    public ObservableList<SavedSource> sources() {
        return sources;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObjectProperty<Draft> draftProperty() {
        return draft;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
