package dev.retlsetup.ui;

import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.StoreException;
import dev.retlsetup.ui.steps.AddStepViewModel;
import dev.retlsetup.ui.steps.ConnectionStepViewModel;
import dev.retlsetup.ui.steps.CredentialsStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.WarehouseStepViewModel;
import dev.retlsetup.ui.steps.WorkspaceStepViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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
    private final DemoMode demo;
    private final WorkspaceStepViewModel workspace;
    private final TestStepViewModel test;
    private final AddStepViewModel add;
    private final Map<WizardStep, StepViewModel> steps = new EnumMap<>(WizardStep.class);
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current", WizardStep.WORKSPACE);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    /** Set when the user discarded their input, so a save still pending does not bring the draft back. */
    private volatile boolean discarded;
    /** The furthest step reached since the form last changed (see {@link #canJumpTo}). */
    private WizardStep furthest = WizardStep.WORKSPACE;

    /** For tests without a toolkit: everything runs on the caller's thread; storage in a temp directory. */
    public WizardViewModel(SourceForm form) {
        this(form, Background.sameThread(), AppServices.inTemporaryDirectory());
    }

    /**
     * @param background where I/O runs and how its results reach the UI thread
     * @param services   where saved sources, drafts and secrets are kept, and the environment
     */
    public WizardViewModel(SourceForm form, Background background, AppServices services) {
        this.form = form;
        this.services = services;
        this.background = background;
        this.demo = new DemoMode(form, background);
        this.workspace = new WorkspaceStepViewModel(form, demo, background, services.env(), services.home());
        this.test = new TestStepViewModel(form, background, ConnectionTester::new);
        this.add = new AddStepViewModel(form, services, test.lastReportProperty(), demo.scenarioProperty(),
                background);
        steps.put(WizardStep.WORKSPACE, workspace);
        steps.put(WizardStep.WAREHOUSE, new WarehouseStepViewModel(form));
        steps.put(WizardStep.CONNECTION, new ConnectionStepViewModel(form));
        steps.put(WizardStep.CREDENTIALS, new CredentialsStepViewModel(form));
        steps.put(WizardStep.TEST, test);
        steps.put(WizardStep.ADD, add);
        current.addListener((obs, old, now) -> steps.get(now).shown());
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
        steps.values().forEach(StepViewModel::shutdown);
        demo.shutdown();
        background.shutdown(SHUTDOWN_WAIT);
    }

    public AppServices services() {
        return services;
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

    /** Starts a new source from an empty form. */
    public void startNew() {
        discarded = false;
        demo.leave();
        form.clear();
        add.setEditedSource(null);
        add.sourceNameProperty().set("");
        current.set(WizardStep.WORKSPACE);
        furthest = WizardStep.WORKSPACE;
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
        add.setEditedSource(source);
        current.set(WizardStep.WORKSPACE);
        furthest = WizardStep.WORKSPACE;
        if (runTest) {
            advanceTo(WizardStep.TEST);
            if (current.get() == WizardStep.TEST) {
                test.runAll();
            }
        }
    }

    /** Resumes a draft: its fields (never a secret) and the step it was on, as far as the fields allow. */
    public void resume(Draft draft) {
        discarded = false;
        demo.leave();
        form.clear();
        form.fill(draft.input());
        if (draft.sourceName() != null) {
            add.sourceNameProperty().set(draft.sourceName());
        }
        current.set(WizardStep.WORKSPACE);
        furthest = WizardStep.WORKSPACE;
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
        String name = add.sourceNameProperty().get().trim();
        return Draft.of(form.toInput(), add.secretChoiceProperty().get(), current.get().id(),
                demo.activeProperty().get() ? demo.scenarioProperty().get() : null, name.isEmpty() ? null : name,
                Instant.now());
    }

    public boolean discarded() {
        return discarded;
    }

    /** Throws the draft away (the user chose to discard what they typed). */
    public void discardDraft() {
        discarded = true;
        background.execute(() -> {
            try {
                services.drafts().clear();
            } catch (StoreException e) {
                // Nothing to lose: at worst the draft is offered once more.
            }
        });
    }

    /** Whether the current state is worth keeping as a draft (something typed, not the demo, not saved). */
    public boolean draftWorthy() {
        return form.hasTypedInput() && !demo.activeProperty().get() && !add.savedProperty().get();
    }

    /** Whether closing now would throw away something typed that is not saved (the demo's values are not). */
    public boolean hasUnsavedInput() {
        return draftWorthy();
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
