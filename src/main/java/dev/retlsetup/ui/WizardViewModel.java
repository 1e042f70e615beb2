package dev.retlsetup.ui;

import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.ui.steps.AddStepViewModel;
import dev.retlsetup.ui.steps.ConnectionStepViewModel;
import dev.retlsetup.ui.steps.ModelStepViewModel;
import dev.retlsetup.model.ModelChecker;
import dev.retlsetup.ui.steps.CredentialsStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.WarehouseStepViewModel;
import dev.retlsetup.ui.steps.WorkspaceStepViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import dev.retlsetup.ui.admin.SignInStep;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Navigation through the steps: where the user is, and whether Back and Next are allowed. */
public final class WizardViewModel {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final SourceForm form;
    private final AppServices services;
    private final Background background;
    private final AdminSession admin;
    private final DemoMode demo;
    private final WorkspaceStepViewModel workspace;
    private final TestStepViewModel test;
    private final AddStepViewModel add;
    private final ModelStepViewModel model;
    private final CredentialsStepViewModel credentials;
    private final dev.retlsetup.ui.steps.WarehousePickerViewModel warehousePicker;
    private final dev.retlsetup.ui.steps.CatalogPickerViewModel catalogPicker;
    /** A re-test waits for the secret: it starts as soon as the Test step is reached. */
    private boolean testWhenReached;
    private final Map<WizardStep, StepViewModel> steps = new EnumMap<>(WizardStep.class);
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current", WizardStep.WORKSPACE);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    /** Set when the user discarded their input, so a save still pending does not bring the draft back. */
    private volatile boolean discarded;
    /** Counts setups (new, opened, resumed, discarded): a draft or a demo start from an earlier one is dropped. */
    private volatile int generation;
    /** The saved source this setup edits, as last saved or recorded; null for a new source. */
    private SavedSource opened;
    private final javafx.beans.property.StringProperty editing =
            new javafx.beans.property.SimpleStringProperty(this, "editing", "");
    /** The furthest step reached since the form last changed (see {@link #canJumpTo}). */
    private WizardStep furthest = WizardStep.WORKSPACE;

    /**
     * @param background where I/O runs and how its results reach the UI thread
     * @param services   where saved sources, drafts and secrets are kept, and the environment
     */
    public WizardViewModel(SourceForm form, Background background, AppServices services) {
        this.form = form;
        this.services = services;
        this.background = background;
        this.demo = new DemoMode(form, background);
        this.admin = new AdminSession(background, services.browser());
        this.workspace = new WorkspaceStepViewModel(form, demo, background, services.env(), services.home());
        // Pickers and the secret's expiry (issue 14): lists read as the signed-in admin, else as the principal.
        dev.retlsetup.ui.steps.ListAccess lists = new dev.retlsetup.ui.steps.ListAccess(form, admin);
        this.warehousePicker = new dev.retlsetup.ui.steps.WarehousePickerViewModel(form, lists, background);
        this.catalogPicker = new dev.retlsetup.ui.steps.CatalogPickerViewModel(form, lists, background);
        this.test = new TestStepViewModel(form, background, ConnectionTester::new, admin, lists);
        test.offers().onPick(this::pick);
        this.add = new AddStepViewModel(form, services, test.lastReportProperty(), demo.scenarioProperty(),
                background);
        steps.put(WizardStep.WORKSPACE, workspace);
        workspace.setAdminSetup(this::adminSetup);
        test.setAdminSetup(this::adminSetup);
        steps.put(WizardStep.WAREHOUSE, new WarehouseStepViewModel(form, catalogPicker));
        steps.put(WizardStep.CONNECTION, new ConnectionStepViewModel(form, warehousePicker));
        this.credentials = new CredentialsStepViewModel(form);
        steps.put(WizardStep.CREDENTIALS, credentials);
        steps.put(WizardStep.TEST, test);
        steps.put(WizardStep.ADD, add);
        this.model = new ModelStepViewModel(form, services, background, ModelChecker::new, add.savedNameProperty(), admin);
        steps.put(WizardStep.MODEL, model);
        current.addListener((obs, old, now) -> {
            steps.get(now).shown();
            if (now == WizardStep.TEST && testWhenReached) {
                testWhenReached = false;
                credentials.secretRequestProperty().set("");
                test.runAll();
            }
        });
        // Reaching a step extends how far the step list may jump; an edit anywhere limits it to where the user is.
        current.addListener((obs, old, now) -> {
            if (now.compareTo(furthest) > 0) {
                furthest = now;
            }
        });
        for (javafx.beans.property.StringProperty field : form.fields()) {
            field.addListener((obs, old, now) -> furthest = current.get());
        }
        canGoBack = Bindings.createBooleanBinding(() -> current.get().ordinal() > 0, current);
        // Re-select the current page's completeness whenever the page changes.
        ObjectBinding<Boolean> pageComplete = Bindings.createObjectBinding(
                () -> steps.get(current.get()).complete().get(), dependencies());
        canGoNext = Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(pageComplete.get()), pageComplete);
        // Every finished test of a saved source, as saved, is that source's last test (start page, CLI alike).
        test.lastReportProperty().addListener((obs, old, report) -> recordOnSavedSource(report));
    }

    private void recordOnSavedSource(dev.retlsetup.check.ConnectionTestReport report) {
        SavedSource source = opened;
        if (report == null || !report.finished() || source == null || !describes(source)) {
            return;
        }
        var summary = dev.retlsetup.store.ConnectionTestSummary.of(report);
        int setup = generation;
        background.task(() -> services.sources().recordTest(source.name(), summary)).onSuccess(recorded -> {
            if (setup == generation) {
                opened = recorded;
            }
        }).onFailure(e -> test.noticeProperty().set(
                dev.retlsetup.i18n.Messages.UI.text("test.recordFailed", source.name(), e.getMessage()))).start();
    }

    /** True when the form still holds {@code source} as saved (the secret aside; for a demo, its catalog and schemas). */
    private boolean describes(SavedSource source) {
        dev.retlsetup.source.SourceInput now = form.toInput().withSecret("");
        if (source.isDemo()) {
            return demo.activeProperty().get() && source.demoScenario().equals(demo.scenarioProperty().get())
                    && now.catalog().equals(source.input().catalog()) && now.schemas().equals(source.input().schemas());
        }
        return asShown(now).equals(asShown(source.input()));
    }

    /** An input as the form shows it once filled: an empty port is the default port. */
    private static dev.retlsetup.source.SourceInput asShown(dev.retlsetup.source.SourceInput input) {
        return input.port().isBlank() ? input.with(dev.retlsetup.source.Field.PORT, SourceForm.DEFAULT_PORT) : input;
    }

    private Observable[] dependencies() {
        Observable[] deps = new Observable[steps.size() + 1];
        int i = 0;
        deps[i++] = current;
        for (StepViewModel vm : steps.values()) {
            deps[i++] = vm.complete();
        }
        return deps;
    }

    /** On exit: every step stops what it runs (a test's clean-up included), then the demo, then the workers. */
    public void shutdown() {
        admin.signOut();
        steps.values().forEach(StepViewModel::shutdown);
        demo.shutdown();
        background.shutdown(SHUTDOWN_WAIT);
    }

    public AppServices services() {
        return services;
    }

    /** "Set it up for me" for the workspace in the form: when the principal is made, its credentials are tested. */
    public dev.retlsetup.ui.admin.AdminSetupViewModel adminSetup() {
        return new dev.retlsetup.ui.admin.AdminSetupViewModel(admin, background, SignInStep.Workspace.of(form),
                form::trust, form.toInput(), this::testNewPrincipal);
    }

    /** The principal an admin just made: its settings fill the form, and the test runs as it. */
    private void testNewPrincipal(dev.retlsetup.source.SourceInput made) {
        form.fill(made);
        advanceTo(WizardStep.TEST);
        if (current.get() == WizardStep.TEST) {
            test.runAll();
        }
    }

    /** The admin signed in to this window, shared by the fix, the pickers and the secret expiry. */
    public AdminSession admin() {
        return admin;
    }

    public Background background() {
        return background;
    }

    public WorkspaceStepViewModel workspaceStep() {
        return workspace;
    }

    public AddStepViewModel addStep() {
        return add;
    }

    public ModelStepViewModel modelStep() {
        return model;
    }

    /** Goes to the page of {@code offer}'s picker and opens its list (from a failure on the Test page). */
    public void pick(dev.retlsetup.ui.steps.PickOffer offer) {
        goTo(offer.step());
        if (current.get() == offer.step()) {
            if (offer == dev.retlsetup.ui.steps.PickOffer.WAREHOUSE) {
                warehousePicker.load();
            } else {
                catalogPicker.load();
            }
        }
    }

    /** Starts a new source from an empty form. */
    public void startNew() {
        begin(null);
        current.set(WizardStep.WORKSPACE);
    }

    /** A new setup: the demo left, the form emptied, every page's leftovers from the last setup cleared. */
    private void begin(SavedSource source) {
        generation++;
        discarded = false;
        forgetPendingTest();
        demo.leave();
        form.clear();
        test.reset();
        add.setEditedSource(source);
        if (source == null) {
            add.sourceNameProperty().set("");
        }
        opened = source;
        editing.set(source == null ? "" : source.name());
        furthest = WizardStep.WORKSPACE;
    }

    /**
     * Opens a saved source: its settings (and secret, when one was found) fill the form, and Add
     * will save over it. With {@code runTest}, goes as far as the Test step and starts the test; when the secret is
     * not kept (or was not found), stops on Credentials, says why, and tests as soon as Next reaches the Test step.
     * A demo source starts its demo (with its scenario) first, and its address is the running demo's.
     */
    public void open(SavedSource source, String secret, boolean runTest) {
        begin(source);
        current.set(WizardStep.WORKSPACE);
        Runnable then = () -> {
            if (runTest) {
                advanceTo(WizardStep.TEST);
                if (current.get() == WizardStep.TEST) {
                    test.runAll();
                } else if (current.get() == WizardStep.CREDENTIALS && (secret == null || secret.isBlank())) {
                    testWhenReached = true;
                    boolean kept = source.secretStorage() != null
                            && source.secretStorage().kind() != dev.retlsetup.store.SecretStorage.Kind.NONE;
                    credentials.secretRequestProperty().set(Messages.UI.text(
                            kept ? "credentials.retest.notFound" : "credentials.retest", source.name()));
                }
            }
        };
        if (source.isDemo()) {
            int setup = generation;
            demo.start(source.demoScenario(), () -> {
                if (setup != generation) {
                    return;
                }
                form.field(dev.retlsetup.source.Field.CATALOG).set(source.input().catalog());
                form.field(dev.retlsetup.source.Field.SCHEMAS).set(source.input().schemas());
                then.run();
            });
            return;
        }
        form.fill(source.toInput(secret == null ? "" : secret));
        then.run();
    }

    /**
     * Opens a saved source on the Model step, to add or check its models. Without its secret the check says to
     * enter it on the Credentials step.
     */
    public void openModels(SavedSource source, String secret) {
        open(source, secret, false);
        add.markSaved(source);
        current.set(WizardStep.MODEL);
    }

    private void forgetPendingTest() {
        testWhenReached = false;
        credentials.secretRequestProperty().set("");
    }

    /**
     * Resumes a draft: its fields (never a secret) and the step it was on, as far as the fields allow. A draft made
     * in demo mode starts the demo with its scenario again (the old demo's port is gone), then goes to that step.
     */
    public void resume(Draft draft) {
        begin(null);
        form.fill(draft.input());
        if (draft.sourceName() != null) {
            add.sourceNameProperty().set(draft.sourceName());
        }
        current.set(WizardStep.WORKSPACE);
        Runnable toStep = () -> {
            for (WizardStep step : WizardStep.values()) {
                if (step.id().equals(draft.stepId())) {
                    advanceTo(step);
                }
            }
        };
        if (draft.isDemo()) {
            int setup = generation;
            demo.start(draft.demoScenario(), () -> {
                if (setup == generation) {
                    toStep.run();
                }
            });
        } else {
            toStep.run();
        }
    }

    /** Moves forward while each page is complete, stopping at the first that is not (or at the target). */
    public void advanceTo(WizardStep target) {
        while (current.get().compareTo(target) < 0 && next()) {
            // each next() checks the page it leaves
        }
    }

    /**
     * The wizard's state as a draft: every field but the secret, and where the user is. In demo mode, the user's
     * own values (put aside by the demo) and the scenario: resuming starts that demo again.
     */
    public Draft draft() {
        String name = add.sourceNameProperty().get().trim();
        String scenario = demo.requestedScenario();
        dev.retlsetup.source.SourceInput own = demo.ownInput();
        return Draft.of(own != null ? own : form.toInput(), add.secretChoiceProperty().get(), current.get().id(),
                scenario.isEmpty() ? null : scenario, name.isEmpty() ? null : name, Instant.now());
    }

    public boolean discarded() {
        return discarded;
    }

    /** Which setup this is; a pending draft of an earlier one is not written. */
    public int generation() {
        return generation;
    }

    /** The name of the saved source being edited, or "" for a new one (the wizard's title says it). */
    public javafx.beans.property.ReadOnlyStringProperty editingProperty() {
        return editing;
    }

    /** Cancel, confirmed: what was typed and its draft go, the demo stops; the window shows the start page next. */
    public void discard() {
        demo.leave();
        form.clear();
        discardDraft();
    }

    /** Throws the draft away (the user chose to discard what they typed). */
    public void discardDraft() {
        discarded = true;
        generation++;
        background.execute(() -> {
            try {
                services.drafts().clear();
            } catch (StoreException e) {
                // Nothing to lose: at worst the draft is offered once more.
            }
        });
    }

    /** Whether the current state is worth keeping as a draft (something typed, or the demo in use; not saved). */
    public boolean draftWorthy() {
        return !add.savedProperty().get() && (!demo.requestedScenario().isEmpty() || form.hasTypedInput());
    }

    /**
     * Whether leaving now would throw away something typed that is not saved: changes to the saved source being
     * edited, or the values of a new one (the user's own, not the demo's).
     */
    public boolean hasUnsavedInput() {
        if (add.savedProperty().get()) {
            return false;
        }
        if (opened != null) {
            return !describes(opened);
        }
        dev.retlsetup.source.SourceInput own = demo.ownInput();
        return own != null ? SourceForm.typed(own) : !demo.activeProperty().get() && form.hasTypedInput();
    }

    /** Whether a secret was typed that closing would lose (drafts never keep it). */
    public boolean secretTyped() {
        return !demo.activeProperty().get() && !form.field(dev.retlsetup.source.Field.SECRET).get().isBlank();
    }

    /**
     * Next or Finish: the page decides when to move on (the Add page saves first); on the last page, moving on
     * is {@code whenDone} (leaving the wizard).
     */
    public void forward(Runnable whenDone) {
        if (!canGoNext.get()) {
            return;
        }
        WizardStep from = current.get();
        steps.get(from).leave(() -> {
            if (from.isLast()) {
                whenDone.run();
            } else if (current.get() == from) {
                current.set(WizardStep.values()[from.ordinal() + 1]);
            }
        });
    }

    public DemoMode demo() {
        return demo;
    }

    public SourceForm form() {
        return form;
    }

    public StepViewModel step(WizardStep step) {
        return steps.get(step);
    }

    public ReadOnlyObjectProperty<WizardStep> currentProperty() {
        return current;
    }

    public WizardStep current() {
        return current.get();
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    /** True when the current page is complete; on the last step this means "finish" is allowed. */
    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public StepState stateOf(WizardStep step) {
        int delta = step.compareTo(current.get());
        return delta < 0 || (delta > 0 && canJumpTo(step)) ? StepState.DONE
                : delta == 0 ? StepState.CURRENT : StepState.UPCOMING;
    }

    /**
     * Whether the step list may jump to {@code step}: any earlier step, or a later one already reached while
     * nothing changed since (every page on the way is still complete and no field was edited after reaching it).
     */
    public boolean canJumpTo(WizardStep step) {
        if (step.compareTo(current.get()) <= 0) {
            return true;
        }
        if (step.compareTo(furthest) > 0) {
            return false;
        }
        for (WizardStep on = current.get(); on.compareTo(step) < 0; on = WizardStep.values()[on.ordinal() + 1]) {
            if (!Boolean.TRUE.equals(steps.get(on).complete().getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Which step has been reached without a change since; the step list can go forward up to it. */
    public WizardStep furthest() {
        return furthest;
    }

    /** Moves forward without the page's own leave work (drafts, re-opening); returns whether it moved. */
    public boolean next() {
        if (!canGoNext.get() || current.get().isLast()) {
            return false;
        }
        current.set(WizardStep.values()[current.get().ordinal() + 1]);
        return true;
    }

    public boolean back() {
        if (!canGoBack.get()) {
            return false;
        }
        current.set(WizardStep.values()[current.get().ordinal() - 1]);
        return true;
    }

    /** Jumps from the step list: back to any earlier step, forward to a step reached before ({@link #canJumpTo}). */
    public boolean goTo(WizardStep step) {
        if (step == current.get() || !canJumpTo(step)) {
            return false;
        }
        current.set(step);
        return true;
    }
}
