package dev.retlsetup.ui.steps;

import dev.retlsetup.check.AdminMessage;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.diagnose.FixScript;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.model.ColumnInfo;
import dev.retlsetup.model.KeyColumns;
import dev.retlsetup.model.Model;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.model.ModelListener;
import dev.retlsetup.model.ModelReport;
import dev.retlsetup.model.ModelRequest;
import dev.retlsetup.model.ModelStep;
import dev.retlsetup.model.QueryAnalysis;
import dev.retlsetup.model.QueryAnalyzer;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import dev.retlsetup.ui.controls.CheckRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Model step (optional, after Add): the model's SQL read offline as it is typed, then checked live as the
 * service principal (every table, compile, a preview, the unique identifier counted on the warehouse). Models are
 * kept with the saved source, each with its last check; the secret never is.
 */
public final class ModelStepViewModel implements StepViewModel {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final SourceForm form;
    private final AppServices services;
    private final Background background;
    private final Supplier<ModelChecker> checkers;
    private final ObservableStringValue sourceName;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty sql = new SimpleStringProperty(this, "sql", "");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final ObservableList<Model> models = FXCollections.observableArrayList();
    private final LiveChecklist checklist;
    private final ObservableList<CheckRow> rows;
    private final ObservableList<String> keyChoices = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final ObjectProperty<ModelReport> report = new SimpleObjectProperty<>(this, "report");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectBinding<QueryAnalysis> analysis;
    private final StringBinding offline;
    private final StringBinding blocked;
    private final BooleanBinding canCheck;
    private final BooleanBinding complete;
    private volatile ModelChecker current;
    private final dev.retlsetup.ui.AdminSession admin;
    /** When a re-check for the admin fix ends: whether the model is ready for Segment (then cleared). */
    private java.util.function.Consumer<Boolean> whenCheckDone;
    /** Set while the identifier's choices are replaced: the combo box may touch its value, the user did not. */
    private boolean offeringChoices;
    private volatile CompletableFuture<Void> runDone = CompletableFuture.completedFuture(null);

    /** @param sourceName the saved source the models belong to ("" until Add saved it) */
    public ModelStepViewModel(SourceForm form, AppServices services, Background background,
            Supplier<ModelChecker> checkers, ObservableStringValue sourceName, dev.retlsetup.ui.AdminSession admin) {
        this.form = form;
        this.admin = admin;
        this.services = services;
        this.background = background;
        this.checkers = checkers;
        this.sourceName = sourceName;
        this.checklist = new LiveChecklist(background);
        this.rows = checklist.rows();
        this.analysis = Bindings.createObjectBinding(() -> QueryAnalyzer.analyze(sql.get()), sql);
        this.offline = Bindings.createStringBinding(() -> offlineText(analysis.get()), analysis, form.validationProperty());
        this.blocked = Bindings.createStringBinding(() -> !form.validation().valid()
                ? Messages.UI.text("model.blocked.settings") : null, form.validationProperty());
        this.canCheck = Bindings.createBooleanBinding(() -> !running.get() && analysis.get().runnable()
                && blocked.get() == null, running, analysis, blocked);
        this.complete = running.not();
        sql.addListener((obs, old, now) -> invalidateResults());
        key.addListener((obs, old, now) -> {
            if (!offeringChoices) {
                invalidateResults();
            }
        });
        newModel();
    }

    /** What the offline reading says, in plain words: why Segment could not run it, or which tables it reads. */
    private String offlineText(QueryAnalysis a) {
        if (sql.get().isBlank()) {
            return Messages.UI.text("model.offline.empty");
        }
        return switch (a.kind()) {
            case NOT_ONE_STATEMENT -> Messages.UI.text("model.offline.statements", a.statements());
            case NOT_A_QUERY -> Messages.UI.text("model.offline.notQuery", a.firstWord());
            case QUERY -> !a.parsed() ? Messages.UI.text("model.offline.unparsed")
                    : a.tables().isEmpty() ? Messages.UI.text("model.offline.noTables")
                    : Messages.UI.text("model.offline.tables", a.resolvedTables(catalog()).stream()
                            .map(t -> t.fullName()).collect(Collectors.joining(", ")));
        };
    }

    private String catalog() {
        String catalog = form.settings().catalog();
        return catalog == null ? Messages.UI.text("model.defaultCatalog") : catalog;
    }

    private ModelRequest request() {
        return new ModelRequest(form.validation(), form.trust(), sql.get(), key.get(), ModelRequest.DEFAULT_PREVIEW,
                ModelRequest.DEFAULT_STATEMENT_TIMEOUT);
    }

    /** Arriving on the page: the saved source's models are read (in the background). */
    @Override
    public void shown() {
        String source = sourceName.get();
        if (source == null || source.isBlank()) {
            return;
        }
        background.task(() -> services.sources().find(source).map(SavedSource::models).orElse(List.of()))
                .onSuccess(saved -> {
                    models.setAll(saved);
                    if (sql.get().isBlank() && !saved.isEmpty()) {
                        select(saved.get(0));
                    }
                }).start();
    }

    /** The model step is optional: Done (or Skip) leaves the wizard. */
    @Override
    public ObservableStringValue nextLabelKey() {
        return Bindings.createStringBinding(() -> models.isEmpty() ? "button.skip" : "button.done", models);
    }

    /** Optional: the user may leave at any time but while a check runs (Cancel stops it first). */
    @Override
    public BooleanBinding complete() {
        return complete;
    }

    /** Starts an empty model with the next free name. */
    public void newModel() {
        cancel();
        java.util.Set<String> names = new java.util.HashSet<>(models.stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
        int n = models.size() + 1;
        while (names.contains(Messages.UI.text("model.name.default", n).toLowerCase(Locale.ROOT))) {
            n++;
        }
        name.set(Messages.UI.text("model.name.default", n));
        sql.set("");
        key.set("");
        keyChoices.clear();
        status.set("");
    }

    /** Puts a saved model in the editor. */
    public void select(Model model) {
        cancel();
        name.set(model.name());
        sql.set(model.sql());
        key.set(model.key());
        status.set("");
    }

    /** Runs the live checks as the service principal; the checklist follows them. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        ModelRequest request = request();
        ModelChecker checker = checkers.get();
        current = checker;
        running.set(true);
        status.set("");
        checklist.show(ModelChecker.plan(request), ModelStep::id, ModelStep::title);
        CompletableFuture<Void> done = new CompletableFuture<>();
        runDone = done;
        background.execute(() -> {
            ModelReport result = null;
            try {
                result = checker.run(request, new RowUpdater());
            } finally {
                done.complete(null);
                ModelReport finished = result;
                background.onUi(() -> finish(finished));
            }
        });
    }

    private void finish(ModelReport result) {
        current = null;
        running.set(false);
        if (result != null) {
            List<String> names = result.columns().stream().map(ColumnInfo::name).toList();
            LinkedHashSet<String> choices = new LinkedHashSet<>(KeyColumns.suggest(result.columns()));
            choices.addAll(names);
            String chosen = key.get();
            offeringChoices = true;
            try {
                keyChoices.setAll(choices);
                key.set(chosen);
            } finally {
                offeringChoices = false;
            }
        }
        report.set(result);
        java.util.function.Consumer<Boolean> done = whenCheckDone;
        whenCheckDone = null;
        if (done != null) {
            done.accept(result != null && result.ok());
        }
        if (result == null) {
            return;
        }
        if (!result.cancelled()) {
            remember(new Model(name.get().isBlank() ? Messages.UI.text("model.name.default", 1) : name.get().trim(),
                    sql.get(), key.get(), Model.LastCheck.of(result)));
        }
    }

    /** Keeps the checked model with the saved source (replacing one of the same name). */
    private void remember(Model model) {
        List<Model> updated = new ArrayList<>(models);
        updated.removeIf(m -> m.name().equalsIgnoreCase(model.name()));
        updated.add(model);
        models.setAll(updated);
        String source = sourceName.get();
        if (source == null || source.isBlank()) {
            status.set(Messages.UI.text("model.notSaved"));
            return;
        }
        background.task(() -> {
            SavedSource saved = services.sources().load(source);
            return services.sources().save(saved.withModels(updated));
        }).onSuccess(stored -> status.set(Messages.UI.text("model.saved", model.name(), stored.name())))
                .onFailure(e -> status.set(Messages.UI.text("model.saveFailed", e.getMessage()))).start();
    }

    /** Stops the check: the statement running on the warehouse is cancelled there. */
    public void cancel() {
        ModelChecker checker = current;
        if (checker != null) {
            checker.cancel();
        }
    }

    @Override
    public void shutdown() {
        cancel();
        try {
            runDone.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Leaving anyway: the statement was asked to stop.
        }
    }

    /** One failure as a self-contained message for an admin (secrets masked). */
    public String adminMessage(CheckResult result) {
        return AdminMessage.text(result, form.settings(), principal());
    }

    /** The .sql file for one failure: a header naming the workspace, warehouse and principal, then the fix. */
    public String fixScript(CheckResult result) {
        var settings = form.settings();
        String warehouse = settings.warehouseId() != null ? settings.warehouseId() : settings.httpPath();
        ModelReport last = report.get();
        return new FixScript().text(new FixScript.Target(settings.host(), warehouse, principal()), result.title(),
                result.summary(), result.remediation(), last != null ? last.startedAt() : java.time.Instant.now());
    }

    /** Writes {@code text} to {@code file} in the background; says how it went on the UI thread. */
    public void save(java.nio.file.Path file, String text) {
        background.task(() -> {
            java.nio.file.Files.writeString(file, text.endsWith("\n") ? text : text + "\n",
                    java.nio.charset.StandardCharsets.UTF_8);
            return file;
        }).onSuccess(saved -> status.set(Messages.UI.text("test.save.done", saved.toAbsolutePath())))
                .onFailure(e -> status.set(Messages.UI.text("test.save.failed", file.toAbsolutePath(), e.getMessage())))
                .start();
    }

    private String principal() {
        ModelReport last = report.get();
        return last != null && last.principal() != null ? last.principal() : form.settings().clientId();
    }

    /** The model as Segment's form asks for it: the SQL and the unique identifier. */
    public String forSegment() {
        return new Model(name.get(), sql.get(), key.get(), null).forSegment();
    }

    private void invalidateResults() {
        if (running.get()) {
            return;
        }
        report.set(null);
        checklist.show(ModelChecker.plan(request()), ModelStep::id, ModelStep::title);
    }

    /** Carries the checker's events to the checklist. */
    private final class RowUpdater implements ModelListener {
        @Override
        public void started(ModelStep step) {
            checklist.started(step.id());
        }

        @Override
        public void progress(ModelStep step, String message) {
            checklist.progress(step.id(), message);
        }

        @Override
        public void finished(CheckResult result) {
            checklist.finished(result);
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty sqlProperty() {
        return sql;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public ObservableList<Model> models() {
        return models;
    }

    public ObservableList<CheckRow> rows() {
        return rows;
    }

    public ObservableList<String> keyChoices() {
        return keyChoices;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<ModelReport> reportProperty() {
        return report;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringBinding offlineProperty() {
        return offline;
    }

    public ObjectBinding<QueryAnalysis> analysisProperty() {
        return analysis;
    }

    /** Why the check cannot run with these settings (for example no secret), or null. */
    public StringBinding blockedProperty() {
        return blocked;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** Whether the last check failed on a table the service principal may not read (an admin can grant it). */
    public boolean adminCanHelp() {
        ModelReport last = report.get();
        return last != null && !running.get() && last.tables().stream()
                .anyMatch(t -> !t.readable() && t.remediation() != null);
    }

    /** The admin fix window for the last check's missing grants; its re-check is this page's check. */
    public dev.retlsetup.ui.admin.AdminFixViewModel adminFix() {
        ModelReport failed = report.get();
        ModelRequest request = request();
        return new dev.retlsetup.ui.admin.AdminFixViewModel(admin, background, new dev.retlsetup.ui.admin.FixTarget() {
            @Override
            public dev.retlsetup.ui.admin.SignInStep.Workspace workspace() {
                return dev.retlsetup.ui.admin.SignInStep.Workspace.of(form);
            }

            @Override
            public Fixer open(dev.retlsetup.admin.AdminToken token) throws Exception {
                dev.retlsetup.admin.ModelFix fix = new dev.retlsetup.admin.ModelFix(request, token);
                // A model's plan is its tables' grants: the managed schema plays no part.
                return Fixer.of(precreate -> fix.plan(failed), fix::apply, fix::cancel);
            }

            @Override
            public boolean offersManagedSchema() {
                return false;
            }

            @Override
            public void retest(dev.retlsetup.admin.FixPlan plan, java.util.function.Consumer<Boolean> done) {
                whenCheckDone = done;
                check();
            }

            @Override
            public List<CheckRow> retestRows(dev.retlsetup.admin.FixPlan plan) {
                return rows;
            }

            @Override
            public void cancelRetest() {
                cancel();
            }
        });
    }
}
