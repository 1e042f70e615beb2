package dev.retlsetup.ui.steps;

import dev.retlsetup.check.ManagedSchemaSetup;
import dev.retlsetup.check.TestReport;
import dev.retlsetup.report.ReportSubject;
import dev.retlsetup.report.ReportWriter;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.store.TestSummary;
import dev.retlsetup.store.VaultStatus;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.Messages;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
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

    private final SourceForm form;
    private final AppServices services;
    private final ReadOnlyObjectProperty<TestReport> lastReport;
    private final ObservableStringValue demoScenario;
    private final Executor background;
    private final Executor ui;
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
    private final StringBinding nameProblem;
    private final StringBinding schemaStatement;
    private final BooleanBinding complete;
    /** Names already saved, read in the background (no disk access while typing). */
    private final ObjectProperty<java.util.Set<String>> takenNames =
            new SimpleObjectProperty<>(this, "takenNames", java.util.Set.of());
    private boolean keychainProbed;
    /** The saved source being edited, or null for a new one. */
    private String editing;

    public AddStepViewModel(SourceForm form, AppServices services, ReadOnlyObjectProperty<TestReport> lastReport,
            Executor background, Executor ui) {
        this(form, services, lastReport, new SimpleStringProperty(""), background, ui);
    }

    /** @param demoScenario the running demo's scenario ("" when not on the demo), named in saved reports */
    public AddStepViewModel(SourceForm form, AppServices services, ReadOnlyObjectProperty<TestReport> lastReport,
            ObservableStringValue demoScenario, Executor background, Executor ui) {
        this.form = form;
        this.demoScenario = demoScenario;
        this.services = services;
        this.lastReport = lastReport;
        this.background = background;
        this.ui = ui;
        this.summary = List.of(
                new SummaryRow("add.field.host", form.hostProperty(), false),
                new SummaryRow("add.field.port", form.portProperty(), false),
                new SummaryRow("add.field.httpPath", form.httpPathProperty(), false),
                new SummaryRow("add.field.clientId", form.clientIdProperty(), false),
                new SummaryRow("add.field.secret", form.secretProperty(), true),
                new SummaryRow("add.field.catalog", form.catalogProperty(), false),
                new SummaryRow("add.field.schemas", form.schemasProperty(), false));
        this.nameProblem = Bindings.createStringBinding(this::checkName, sourceName, takenNames);
        this.schemaStatement = Bindings.createStringBinding(() -> ManagedSchemaSetup.statement(catalogOrDefault()),
                form.catalogProperty());
        this.complete = Bindings.createBooleanBinding(() -> nameProblem.get() == null && !saving.get() && !saved.get()
                        && secretChoiceUsable(),
                nameProblem, saving, saved, secretChoice, profileName, profileConsent, keychainStatus);
        sourceName.addListener((obs, old, now) -> {
            if (profileName.get().isEmpty() || profileName.get().equals(profileFor(old))) {
                profileName.set(profileFor(now));
            }
        });
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
        background.execute(() -> {
            VaultStatus keychain = services.vaults().keychain().status();
            ui.execute(() -> {
                keychainStatus.set(keychain);
                if (keychain.available() && secretChoice.get() == SecretStorage.Kind.NONE) {
                    secretChoice.set(SecretStorage.Kind.KEYCHAIN);
                }
            });
        });
    }

    /** Re-reads the saved names in the background (after a save, or when the page opens). */
    public void refreshNames() {
        background.execute(() -> {
            java.util.Set<String> names = new java.util.HashSet<>();
            try {
                services.sources().names().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            } catch (StoreException e) {
                // Listing problems are shown on the start page; here they only mean no name is known taken.
            }
            ui.execute(() -> takenNames.set(names));
        });
    }

    private String catalogOrDefault() {
        String catalog = SourceValidator.catalog(form.catalogProperty().get()).value();
        return catalog == null ? Messages.get("add.schema.defaultCatalog") : catalog;
    }

    private String checkName() {
        String name = sourceName.get() == null ? "" : sourceName.get().trim();
        String problem = dev.retlsetup.store.SourceStore.nameProblem(name);
        if (problem != null) {
            return problem;
        }
        boolean same = editing != null && editing.equalsIgnoreCase(name);
        boolean taken = takenNames.get().contains(name.toLowerCase(Locale.ROOT));
        return !same && taken ? Messages.format("add.name.taken", name) : null;
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

    /** A name to start from, when the user has not typed one. */
    public void suggestName(String demoScenario) {
        if (!sourceName.get().isBlank()) {
            return;
        }
        String host = SourceValidator.host(form.hostProperty().get()).value();
        sourceName.set(demoScenario != null && !demoScenario.isBlank()
                ? Messages.format("add.name.demo", demoScenario)
                : Messages.format("add.name.default", host == null ? "" : host.split("\\.")[0]));
    }

    /** Loads a saved source for editing: Add will save over it. */
    public void editing(SavedSource source) {
        editing = source == null ? null : source.name();
        saved.set(false);
        status.set("");
        error.set("");
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
    public void add(Consumer<SavedSource> onSaved) {
        if (!complete.get()) {
            return;
        }
        saving.set(true);
        error.set("");
        status.set(Messages.get("add.saving"));
        SourceInput input = form.toInput();
        String name = sourceName.get().trim();
        SecretStorage storage = storage();
        boolean makeSchema = createSchema.get();
        TestReport report = lastReport.get();
        String previous = editing;
        background.execute(() -> {
            ManagedSchemaSetup.Result schema = null;
            if (makeSchema) {
                var settings = SourceValidator.validate(input).settings();
                schema = ManagedSchemaSetup.create(settings, form.trust(), settings.catalog());
            }
            ManagedSchemaSetup.Result schemaDone = schema;
            try {
                services.vaults().vault(storage.kind()).write(storage, input, true);
                SavedSource source = SavedSource.of(name, input, storage);
                if (report != null) {
                    source = source.withLastTest(TestSummary.of(report));
                }
                SavedSource stored = services.sources().save(source);
                if (previous != null && !previous.equalsIgnoreCase(name)) {
                    services.sources().delete(previous);
                }
                services.drafts().clear();
                ui.execute(() -> {
                    showSchema(schemaDone);
                    editing = stored.name();
                    saving.set(false);
                    saved.set(true);
                    status.set(Messages.format("add.saved." + storage.kind().name(), stored.name(),
                            storage.profile() == null ? "" : storage.profile()));
                    onSaved.accept(stored);
                });
            } catch (StoreException | RuntimeException e) {
                ui.execute(() -> {
                    showSchema(schemaDone);
                    saving.set(false);
                    status.set("");
                    error.set(Messages.format("add.failed", e.getMessage()));
                });
            }
        });
    }

    private void showSchema(ManagedSchemaSetup.Result result) {
        schemaOutcome.set(result);
        schemaResult.set(result == null ? "" : result.created() ? result.message()
                : Messages.format("add.schema.failed", result.message()));
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
        var settings = SourceValidator.validate(form.toInput(), false).settings();
        return String.join("\n",
                Messages.get("add.field.host") + ": " + settings.host(),
                Messages.get("add.field.port") + ": " + settings.port(),
                Messages.get("add.field.httpPath") + ": " + settings.httpPath(),
                Messages.get("add.field.clientId") + ": " + settings.clientId(),
                Messages.get("add.field.secret") + ": " + Messages.get("add.copy.secret"),
                Messages.get("add.field.catalog") + ": "
                        + (settings.catalog() == null ? Messages.get("add.value.defaultCatalog") : settings.catalog()));
    }

    public boolean hasReport() {
        return lastReport.get() != null;
    }

    /** Writes the last test run as HTML or JSON (by extension); blocking I/O for a background thread. */
    public void saveReport(Path file) throws StoreException {
        var settings = SourceValidator.validate(form.toInput(), false).settings();
        new ReportWriter().write(file, lastReport.get(),
                new ReportSubject(settings, sourceName.get(), demoScenario.get()));
    }

    public List<SummaryRow> summary() {
        return summary;
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

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
