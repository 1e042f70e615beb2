package dev.retlsetup.store;

import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;

/**
 * Saving a source as one transaction, for the wizard and the command line alike: the secret into the store the
 * user chose, the source's file, the old file when the source was renamed, and the draft cleared. A step that
 * fails stops the rest, and the exception says which.
 */
public final class SourceSaver {
    /**
     * What to save.
     *
     * @param typed     the fields as typed (what reopening the source shows)
     * @param settings  the same fields validated, with the secret (for the secret's store; never in the file)
     * @param lastTest  the test run on these settings, or {@code null}
     * @param replacing the name the source had before (a rename removes the old file), or {@code null}
     * @param demoScenario the demo workspace scenario when these settings point at the demo, or {@code null}
     */
    public record Request(String name, SourceInput typed, SourceSettings settings, SecretStorage storage,
            ConnectionTestSummary lastTest, String replacing, String demoScenario) {
        /** A source of a real workspace. */
        public Request(String name, SourceInput typed, SourceSettings settings, SecretStorage storage,
                ConnectionTestSummary lastTest, String replacing) {
            this(name, typed, settings, storage, lastTest, replacing, null);
        }
    }

    private final SourceStore sources;
    private final DraftStore drafts;
    private final SecretVaults vaults;

    public SourceSaver(SourceStore sources, DraftStore drafts, SecretVaults vaults) {
        this.sources = sources;
        this.drafts = drafts;
        this.vaults = vaults;
    }

    /** Blocking I/O: call it off the UI thread. The user's consent is the act of saving with that choice. */
    public SavedSource save(Request request) throws StoreException {
        vaults.vault(request.storage().kind()).write(request.storage(), request.settings(), true);
        SavedSource source = SavedSource.of(request.name(), request.typed(), request.storage())
                .withLastTest(request.lastTest()).withDemoScenario(request.demoScenario());
        SavedSource stored = sources.save(source);
        if (request.replacing() != null && !request.replacing().equalsIgnoreCase(request.name())) {
            sources.delete(request.replacing());
        }
        drafts.clear();
        return stored;
    }
}
