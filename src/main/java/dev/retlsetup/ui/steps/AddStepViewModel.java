package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import dev.retlsetup.check.ManagedSchemaSetup;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.store.SourceSaver;
import dev.retlsetup.report.ReportSubject;
import dev.retlsetup.report.ReportWriter;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.store.ConnectionTestSummary;
import dev.retlsetup.store.VaultStatus;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The Add step: name the source, choose where the secret is kept, optionally create Segment's
 * schema now, then save. All I/O runs in the background; the form is never cleared on failure.
 */
public final class AddStepViewModel implements StepViewModel {
    /** One summary line: a bundle key for the label and the live value (null when empty). */
    public record SummaryRow(String labelKey, ObservableStringValue value, boolean secret) {
    }

    /** Asks the user a yes/no question (the page's controller shows a dialog); true means go ahead. */
    public interface Confirmation {
        boolean confirm(String header, String content, String confirmLabel);
    }

    private final SourceForm form;
    private final AppServices services;
    private final ReadOnlyObjectProperty<ConnectionTestReport> lastReport;
    private final ObservableStringValue demoScenario;
    private final Background background;
    private final List<SummaryRow> summary;
    private final StringProperty sourceName = new SimpleStringProperty(this, "sourceName", "");
    private final ObjectProperty<SecretStorage.Kind> secretChoice =
            new SimpleObjectProperty<>(this, "secretChoice", SecretStorage.Kind.NONE);
    private final StringProperty profileName = new SimpleStringProperty(this, "profileName", "");
    private final BooleanProperty profileConsent = new SimpleBooleanProperty(this, "profileConsent", false);
    private final ObjectProperty<VaultStatus> keychainStatus = new SimpleObjectProperty<>(this, "keychainStatus");
    private final BooleanProperty createSchema = new SimpleBooleanProperty(this, "createSchema", false);
    private final StringProperty schemaResult = new SimpleStringProperty(this, "schemaResult", "");
    private final ObjectProperty<ManagedSchemaSetup.Result> schemaOutcome = new SimpleObjectProperty<>(this, "schemaOutcome");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** What the page's own actions did (copied, report saved), cleared when a new setup begins. */
    private final StringProperty actionStatus = new SimpleStringProperty(this, "actionStatus", "");
    private final javafx.beans.binding.ObjectBinding<TestVerdict> verdict;
    private final StringBinding testWarning;
    /** The user agreed to add despite {@link #testWarningProperty()} for this setup. */
    private boolean warningAccepted;
    private Confirmation confirmation = (header, content, confirm) -> false;
    private final StringBinding nameProblem;
    private final StringBinding schemaStatement;
    private final BooleanBinding canSave;
    private final BooleanBinding complete;
    /** Names already saved, read in the background (no disk access while typing). */
    private final ObjectProperty<java.util.Set<String>> takenNames =
            new SimpleObjectProperty<>(this, "takenNames", java.util.Set.of());
    private boolean keychainProbed;
    /** The name this page suggested, while the user has not changed it. */
    private String suggested;
    /** The saved source being edited, or null for a new one. */
    private String editing;
    /** The name the source is saved under, "" until it is (the Model step keeps its models there). */
    private final javafx.beans.property.ReadOnlyStringWrapper savedName =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "savedName", "");

    /**
     * @param lastReport   the Test step's last run (recorded on the saved source, written as a report)
     * @param demoScenario the demo workspace's scenario, or "" (a name suggestion)
     */
    public AddStepViewModel(SourceForm form, AppServices services, ReadOnlyObjectProperty<ConnectionTestReport> lastReport,
            ObservableStringValue demoScenario, Background background) {
        this.form = form;
        this.services = services;
        this.lastReport = lastReport;
        this.demoScenario = demoScenario;
        this.background = background;
        this.verdict = Bindings.createObjectBinding(() -> TestVerdict.of(lastReport.get()), lastReport);
        this.testWarning = Bindings.createStringBinding(this::warning, verdict);
        // In the order Segment's form asks for them.
        this.summary = List.of(Field.HOST, Field.PORT, Field.HTTP_PATH, Field.CLIENT_ID, Field.SECRET, Field.CATALOG,
                        Field.SCHEMAS).stream()
                .map(f -> new SummaryRow("add.field." + f.jsonName(), form.field(f), f == Field.SECRET)).toList();
        this.nameProblem = Bindings.createStringBinding(this::checkName, sourceName, takenNames);
        this.schemaStatement = Bindings.createStringBinding(() -> ManagedSchemaSetup.statement(catalogOrDefault()),
                form.validationProperty());
        this.canSave = Bindings.createBooleanBinding(() -> nameProblem.get() == null && !saving.get() && !saved.get()
                        && secretChoiceUsable(),
                nameProblem, saving, saved, secretChoice, profileName, profileConsent, keychainStatus);
        // Finish saves; once saved, Done leaves.
        this.complete = Bindings.createBooleanBinding(() -> canSave.get() || saved.get(), canSave, saved);
        sourceName.addListener((obs, old, now) -> {
            if (profileName.get().isEmpty() || profileName.get().equals(profileFor(old))) {
                profileName.set(profileFor(now));
            }
        });
    }

    /** Arriving on the page: what the page shows is read now, not at start-up. */
    @Override
    public void shown() {
        probeKeychain();
        refreshNames();
        suggestName(demoScenario.get());
    }

    /**
     * Finish saves the source (the page then says so), first asking when the connection is not proven (no finished
     * run, a failure, a stopped warehouse); once saved, Next goes on to the (optional) model.
     */
    @Override
    public void leave(Runnable proceed) {
        if (saved.get()) {
            proceed.run();
            return;
        }
        String warning = testWarning.get();
        if (!warning.isEmpty() && !warningAccepted) {
            if (!confirmation.confirm(Messages.UI.text("add.ask.header"), warning, Messages.UI.text("add.ask.confirm"))) {
                return;
            }
            warningAccepted = true;
        }
        save(stored -> { });
    }

    private String warning() {
        ConnectionTestReport report = lastReport.get();
        return switch (verdict.get()) {
            case PASSED -> "";
            case NOT_TESTED -> Messages.UI.text(report == null ? "add.warn.untested" : "add.warn.unfinished");
            case WAREHOUSE_STOPPED -> Messages.UI.text("add.warn.warehouseStopped");
            case FAILED -> Messages.UI.text("add.warn.failed", report.failed().size());
        };
    }

    /** Why the connection is not proven yet, for the page and the question before saving; "" after a pass. */
    public StringBinding testWarningProperty() {
        return testWarning;
    }

    /** How the page asks before saving an unproven source (set by the controller; tests answer themselves). */
    public void setConfirmation(Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    @Override
    public ObservableStringValue nextLabelKey() {
        return Bindings.createStringBinding(() -> saved.get() ? "button.addModel" : "button.finish", saved);
    }

    /**
     * Asks the OS credential store whether it works here (slow: it may start D-Bus clients), once,
     * when the page is first shown rather than at start-up.
     */
    public void probeKeychain() {
        if (keychainProbed) {
            return;
        }
        keychainProbed = true;
        background.task(() -> services.vaults().keychain().status()).onSuccess(keychain -> {
            keychainStatus.set(keychain);
            if (keychain.available() && secretChoice.get() == SecretStorage.Kind.NONE) {
                secretChoice.set(SecretStorage.Kind.KEYCHAIN);
            }
        }).start();
    }

    /** Re-reads the saved names in the background (after a save, or when the page opens). */
    public void refreshNames() {
        background.task(() -> {
            java.util.Set<String> names = new java.util.HashSet<>();
            try {
                services.sources().names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            } catch (StoreException e) {
                // Listing problems are shown on the start page; here they only mean no name is known taken.
            }
            return names;
        }).onSuccess(names -> {
            takenNames.set(names);
            if (sourceName.get().equals(suggested)) {
                suggestName(demoScenario.get());
            }
        }).start();
    }

    private String catalogOrDefault() {
        String catalog = form.settings().catalog();
        return catalog == null ? Messages.UI.text("add.schema.defaultCatalog") : catalog;
    }

    private String checkName() {
        String name = sourceName.get() == null ? "" : sourceName.get().trim();
        String problem = dev.retlsetup.store.SourceStore.nameProblem(name);
        if (problem != null) {
            return problem;
        }
        boolean same = editing != null && editing.equalsIgnoreCase(name);
        boolean taken = takenNames.get().contains(name.toLowerCase(Locale.ROOT));
        return !same && taken ? Messages.UI.text("add.name.taken", name) : null;
    }

    private boolean secretChoiceUsable() {
        return switch (secretChoice.get()) {
            case KEYCHAIN -> keychainStatus.get() != null && keychainStatus.get().available();
            case DATABRICKSCFG -> profileConsent.get() && !profileName.get().isBlank();
            case NONE -> true;
        };
    }

    static String profileFor(String name) {
        String slug = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "" : "segment-" + slug;
    }

    /**
     * A name to start from, when the user has not typed one, and not one already taken: "Databricks dbc-…",
     * else "Databricks dbc-… (2)", "(3)"… The saved names arrive in the background, so a suggestion still
     * standing is re-checked when they do.
     */
    public void suggestName(String demoScenario) {
        String current = sourceName.get();
        if (!current.isBlank() && !current.equals(suggested)) {
            return;
        }
        String host = form.settings().host();
        String base = demoScenario != null && !demoScenario.isBlank()
                ? Messages.UI.text("add.name.demo", demoScenario)
                : Messages.UI.text("add.name.default", host == null ? "" : host.split("\\.")[0]);
        String name = base;
        for (int i = 2; isTaken(name); i++) {
            name = Messages.UI.text("add.name.numbered", base, i);
        }
        suggested = name;
        sourceName.set(name);
    }

    private boolean isTaken(String name) {
        boolean same = editing != null && editing.equalsIgnoreCase(name.trim());
        return !same && takenNames.get().contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Which saved source the wizard edits ({@code null}: a new one); saving replaces it. */
    public void setEditedSource(SavedSource source) {
        editing = source == null ? null : source.name();
        savedName.set(editing == null ? "" : editing);
        // A new setup: nothing said or ticked for an earlier source remains.
        saved.set(false);
        status.set("");
        error.set("");
        actionStatus.set("");
        createSchema.set(false);
        schemaResult.set("");
        schemaOutcome.set(null);
        warningAccepted = false;
        if (source != null) {
            sourceName.set(source.name());
            secretChoice.set(source.secretStorage().kind());
            if (source.secretStorage().kind() == SecretStorage.Kind.DATABRICKSCFG) {
                profileName.set(source.secretStorage().profile());
                profileConsent.set(true);
            }
        }
    }

    /** Saves the source (and, when asked, creates the managed schema first). */
    public void save(Consumer<SavedSource> onSaved) {
        if (!canSave.get()) {
            return;
        }
        saving.set(true);
        error.set("");
        status.set(Messages.UI.text("add.saving"));
        SourceSettings settings = form.settings();
        ConnectionTestReport report = lastReport.get();
        // A run that did not finish proves nothing: the source is saved as not tested.
        String scenario = demoScenario.get();
        SourceSaver.Request request = new SourceSaver.Request(sourceName.get().trim(), form.toInput(), settings,
                storage(), report == null || !report.finished() ? null : ConnectionTestSummary.of(report), editing,
                scenario == null || scenario.isBlank() ? null : scenario);
        boolean makeSchema = createSchema.get();
        var trust = form.trust();
        ManagedSchemaSetup.Result[] schema = {null};
        background.task(() -> {
            if (makeSchema) {
                schema[0] = ManagedSchemaSetup.create(settings, trust, settings.catalog());
            }
            return services.saver().save(request);
        }).onSuccess(stored -> {
            showSchema(schema[0]);
            editing = stored.name();
            savedName.set(stored.name());
            saving.set(false);
            saved.set(true);
            status.set(Messages.UI.text("add.saved." + request.storage().kind().name(), stored.name(),
                    request.storage().profile() == null ? "" : request.storage().profile()));
            onSaved.accept(stored);
        }).onFailure(e -> {
            showSchema(schema[0]);
            saving.set(false);
            status.set("");
            error.set(Messages.UI.text("add.failed", e.getMessage()));
        }).start();
    }

    private void showSchema(ManagedSchemaSetup.Result result) {
        schemaOutcome.set(result);
        schemaResult.set(result == null ? "" : result.created() ? result.message()
                : Messages.UI.text("add.schema.failed", result.message()));
    }

    private SecretStorage storage() {
        return switch (secretChoice.get()) {
            case KEYCHAIN -> SecretStorage.keychain();
            case DATABRICKSCFG -> SecretStorage.databricksCfg(profileName.get().trim());
            case NONE -> SecretStorage.none();
        };
    }

    /** The values in the order Segment's form asks for them, ready to paste; never the secret. */
    public String settingsForSegment() {
        var settings = form.settings();
        return String.join("\n",
                Messages.UI.text("add.field.host") + ": " + settings.host(),
                Messages.UI.text("add.field.port") + ": " + settings.port(),
                Messages.UI.text("add.field.httpPath") + ": " + settings.httpPath(),
                Messages.UI.text("add.field.clientId") + ": " + settings.clientId(),
                Messages.UI.text("add.field.secret") + ": " + Messages.UI.text("add.copy.secret"),
                Messages.UI.text("add.field.catalog") + ": "
                        + (settings.catalog() == null ? Messages.UI.text("add.value.defaultCatalog") : settings.catalog()));
    }

    public boolean hasReport() {
        return lastReport.get() != null;
    }

    /** Writes the last test run as HTML or JSON (by extension), in the background; then one of the two. */
    public void saveReport(Path file, Runnable onSaved, Consumer<String> onFailed) {
        ConnectionTestReport report = lastReport.get();
        String scenario = demoScenario.get();
        ReportSubject subject = new ReportSubject(form.settings(), sourceName.get(),
                scenario == null || scenario.isBlank() ? null : scenario);
        background.task(() -> {
            new ReportWriter().write(file, report, subject);
            return file;
        }).onSuccess(written -> onSaved.run()).onFailure(e -> onFailed.accept(e.getMessage())).start();
    }

    public List<SummaryRow> summary() {
        return summary;
    }

    /** The name the source is saved under, "" until it is. */
    public javafx.beans.property.ReadOnlyStringProperty savedNameProperty() {
        return savedName.getReadOnlyProperty();
    }

    /** Opening a saved source to check its models: it is saved as it is. */
    public void markSaved(SavedSource source) {
        setEditedSource(source);
        saved.set(true);
    }

    public StringProperty sourceNameProperty() {
        return sourceName;
    }

    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    public ObjectProperty<SecretStorage.Kind> secretChoiceProperty() {
        return secretChoice;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public BooleanProperty profileConsentProperty() {
        return profileConsent;
    }

    public ObjectProperty<VaultStatus> keychainStatusProperty() {
        return keychainStatus;
    }

    public Path databricksCfgPath() {
        return dev.retlsetup.source.DatabricksConfigFile.locate(services.env(), services.home());
    }

    public BooleanProperty createSchemaProperty() {
        return createSchema;
    }

    public StringBinding schemaStatementProperty() {
        return schemaStatement;
    }

    public StringProperty schemaResultProperty() {
        return schemaResult;
    }

    public ObjectProperty<ManagedSchemaSetup.Result> schemaOutcomeProperty() {
        return schemaOutcome;
    }

    public BooleanProperty savedProperty() {
        return saved;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty actionStatusProperty() {
        return actionStatus;
    }

    /** The saved source being edited, or {@code null} for a new one. */
    public String editedSource() {
        return editing;
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
