package dev.retlsetup.ui;

import dev.retlsetup.ui.steps.AddStepViewModel;
import dev.retlsetup.ui.steps.ConnectionStepViewModel;
import dev.retlsetup.ui.steps.CredentialsStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.WarehouseStepViewModel;
import dev.retlsetup.ui.steps.WorkspaceStepViewModel;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import java.util.EnumMap;
import java.util.concurrent.Executor;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Navigation through the steps: where the user is, and whether Back and Next are allowed. */
public final class WizardViewModel {
    private final SourceForm form;
    private final AppServices services;
    private final DemoMode demo;
    private final Map<WizardStep, StepViewModel> steps = new EnumMap<>(WizardStep.class);
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current", WizardStep.WORKSPACE);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    /** For tests without a toolkit: UI updates run on the worker's thread; storage in a temp directory. */
    public WizardViewModel(SourceForm form) {
        this(form, Runnable::run, AppServices.inTemporaryDirectory());
    }

    /**
     * @param uiThread where view-model updates from background work are delivered
     *                 ({@code Platform::runLater} in the app)
     * @param services where saved sources, drafts and secrets are kept
     */
    public WizardViewModel(SourceForm form, Executor uiThread, AppServices services) {
        this.form = form;
        this.services = services;
        this.demo = new DemoMode(form, WizardViewModel::inBackground, uiThread);
        steps.put(WizardStep.WORKSPACE, new WorkspaceStepViewModel(form, demo, System.getenv(),
                java.nio.file.Path.of(System.getProperty("user.home"))));
        steps.put(WizardStep.WAREHOUSE, new WarehouseStepViewModel(form));
        steps.put(WizardStep.CONNECTION, new ConnectionStepViewModel(form));
        steps.put(WizardStep.CREDENTIALS, new CredentialsStepViewModel(form));
        TestStepViewModel test = new TestStepViewModel(form, WizardViewModel::inBackground, uiThread,
                ConnectionTester::new);
        steps.put(WizardStep.TEST, test);
        AddStepViewModel add = new AddStepViewModel(form, services, test.lastReportProperty(),
                demo.scenarioProperty(), WizardViewModel::inBackground, uiThread);
        steps.put(WizardStep.ADD, add);
        current.addListener((obs, old, now) -> {
            if (now == WizardStep.ADD) {
                add.probeKeychain();
                add.refreshNames();
                add.suggestName(demo.scenarioProperty().get());
            }
        });
        canGoBack = Bindings.createBooleanBinding(() -> current.get().ordinal() > 0, current);
        // Re-select the current page's completeness whenever the page changes.
        ObjectBinding<Boolean> pageComplete = Bindings.createObjectBinding(
                () -> steps.get(current.get()).complete().get(),
                dependencies());
        canGoNext = Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(pageComplete.get())
                || (current.get() == WizardStep.ADD && add.savedProperty().get()), pageComplete, add.savedProperty());
    }

    private javafx.beans.Observable[] dependencies() {
        javafx.beans.Observable[] deps = new javafx.beans.Observable[steps.size() + 1];
        int i = 0;
        deps[i++] = current;
        for (StepViewModel vm : steps.values()) {
            deps[i++] = vm.complete();
        }
        return deps;
    }

    private static void inBackground(Runnable work) {
        Thread thread = new Thread(work, "wizard-background");
        thread.setDaemon(true);
        thread.start();
    }

    /** On exit: stop a running test (its clean-up included), then the demo workspace. */
    public void shutdown() {
        ((TestStepViewModel) steps.get(WizardStep.TEST)).shutdown(java.time.Duration.ofSeconds(10));
        demo.shutdown();
    }

    public AppServices services() {
        return services;
    }

    public AddStepViewModel addStep() {
        return (AddStepViewModel) steps.get(WizardStep.ADD);
    }

    /** Starts a new source from an empty form. */
    public void startNew() {
        discarded = false;
        demo.leave();
        form.clear();
        addStep().editing(null);
        addStep().sourceNameProperty().set("");
        current.set(WizardStep.WORKSPACE);
    }

    /**
     * Opens a saved source: its settings (and secret, when one was found) fill the form, and Add
     * will save over it. With {@code runTest}, goes as far as the Test step and starts the test.
     */
    public void open(SavedSource source, String secret, boolean runTest) {
        discarded = false;
        demo.leave();
        form.clear();
        form.fill(source.toInput(secret == null ? "" : secret));
        addStep().editing(source);
        current.set(WizardStep.WORKSPACE);
        if (runTest) {
            advanceTo(WizardStep.TEST);
            if (current.get() == WizardStep.TEST) {
                ((TestStepViewModel) steps.get(WizardStep.TEST)).runAll();
            }
        }
    }

    /** Resumes a draft: its fields (never a secret) and the step it was on, as far as the fields allow. */
    public void resume(Draft draft) {
        discarded = false;
        demo.leave();
        form.clear();
        form.fill(draft.toInput());
        if (draft.sourceName() != null) {
            addStep().sourceNameProperty().set(draft.sourceName());
        }
        current.set(WizardStep.WORKSPACE);
        for (WizardStep step : WizardStep.values()) {
            if (step.id().equals(draft.stepId())) {
                advanceTo(step);
            }
        }
    }

    /** Moves forward while each page is complete, stopping at the first that is not (or at the target). */
    public void advanceTo(WizardStep target) {
        while (current.get().compareTo(target) < 0 && next()) {
            // each next() checks the page it leaves
        }
    }

    /** The wizard's state as a draft: every field but the secret, and where the user is. */
    public Draft draft() {
        return Draft.of(form.toInput(), addStep().secretChoiceProperty().get(), current.get().id(),
                demo.activeProperty().get() ? demo.scenarioProperty().get() : null,
                addStep().sourceNameProperty().get().isBlank() ? null : addStep().sourceNameProperty().get().trim(),
                java.time.Instant.now());
    }

    /** Set when the user discarded their input, so a save still pending does not bring the draft back. */
    private volatile boolean discarded;

    public boolean discarded() {
        return discarded;
    }

    /** Throws the draft away (the user chose to discard what they typed). */
    public void discardDraft() {
        discarded = true;
        inBackground(() -> {
            try {
                services.drafts().clear();
            } catch (dev.retlsetup.store.StoreException e) {
                // Nothing to lose: at worst the draft is offered once more.
            }
        });
    }

    /** Whether the current state is worth keeping as a draft (something typed, not the demo, not saved). */
    public boolean draftWorthy() {
        return form.hasTypedInput() && !demo.activeProperty().get() && !addStep().savedProperty().get();
    }

    /** On the last step: saves the source; once saved, {@code whenDone} leaves the wizard. */
    public void finish(Runnable whenDone) {
        if (current.get() != WizardStep.ADD) {
            return;
        }
        AddStepViewModel add = addStep();
        if (add.savedProperty().get()) {
            whenDone.run();
        } else {
            add.add(saved -> { });
        }
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
        return delta < 0 ? StepState.DONE : delta == 0 ? StepState.CURRENT : StepState.UPCOMING;
    }

    /** Moves forward when allowed; returns whether it moved. */
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

    /** Jumps back to an earlier (done) step; upcoming steps stay locked until reached with Next. */
    public boolean goTo(WizardStep step) {
        if (step.compareTo(current.get()) >= 0) {
            return false;
        }
        current.set(step);
        return true;
    }
}
