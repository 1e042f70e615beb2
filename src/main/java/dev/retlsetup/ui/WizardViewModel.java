package dev.retlsetup.ui;

import dev.retlsetup.ui.steps.AddStepViewModel;
import dev.retlsetup.ui.steps.ConnectionStepViewModel;
import dev.retlsetup.ui.steps.CredentialsStepViewModel;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.WarehouseStepViewModel;
import dev.retlsetup.ui.steps.WorkspaceStepViewModel;
import dev.retlsetup.check.ConnectionTester;
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
    private final DemoMode demo;
    private final Map<WizardStep, StepViewModel> steps = new EnumMap<>(WizardStep.class);
    private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current", WizardStep.WORKSPACE);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;

    /** For tests without a toolkit: UI updates run on the tester's thread. */
    public WizardViewModel(SourceForm form) {
        this(form, Runnable::run);
    }

    /**
     * @param uiThread where view-model updates from background work are delivered
     *                 ({@code Platform::runLater} in the app)
     */
    public WizardViewModel(SourceForm form, Executor uiThread) {
        this.form = form;
        this.demo = new DemoMode(form, WizardViewModel::inBackground, uiThread);
        steps.put(WizardStep.WORKSPACE, new WorkspaceStepViewModel(form, demo, System.getenv(),
                java.nio.file.Path.of(System.getProperty("user.home"))));
        steps.put(WizardStep.WAREHOUSE, new WarehouseStepViewModel(form));
        steps.put(WizardStep.CONNECTION, new ConnectionStepViewModel(form));
        steps.put(WizardStep.CREDENTIALS, new CredentialsStepViewModel(form));
        steps.put(WizardStep.TEST, new TestStepViewModel(form, WizardViewModel::inBackground, uiThread,
                ConnectionTester::new));
        steps.put(WizardStep.ADD, new AddStepViewModel(form));
        canGoBack = Bindings.createBooleanBinding(() -> current.get().ordinal() > 0, current);
        // Re-select the current page's completeness whenever the page changes.
        ObjectBinding<Boolean> pageComplete = Bindings.createObjectBinding(
                () -> steps.get(current.get()).complete().get(),
                dependencies());
        canGoNext = Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(pageComplete.get()), pageComplete);
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
