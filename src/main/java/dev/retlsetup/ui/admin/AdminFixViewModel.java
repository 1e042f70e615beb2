package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.FixOutcome;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.AdminSession;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.controls.CheckRow;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admin fix window: sign in as an admin, read the plan (the exact statements and API calls, each with
 * what it fixes), confirm, watch each step applied, and see the failed checks re-run as the service
 * principal. Nothing is applied before {@link #confirmApply()}; the token never leaves the {@link AdminSession}.
 */
public final class AdminFixViewModel {
    /** Where the window stands; each phase shows its own part of the page. */
    public enum Phase { SIGN_IN, PLANNING, PLAN, CONFIRM, APPLYING, RETESTING, DONE }

    private final Background background;
    private final FixTarget target;
    private final SignInStep signIn;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.SIGN_IN);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty passed = new SimpleBooleanProperty(this, "passed", false);
    private final BooleanProperty precreate = new SimpleBooleanProperty(this, "precreate", false);
    private final BooleanProperty setUpOffered = new SimpleBooleanProperty(this, "setUpOffered", false);
    private final ObservableList<PlanRow> steps = FXCollections.observableArrayList();
    private final ObservableList<String> notFixable = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> retestRows = FXCollections.observableArrayList();
    /** The fix in flight (planning or applying), for cancel; each run gets a fresh one. */
    private volatile FixTarget.Fixer fix;
    /** Cancel pressed while the fix was still being opened. */
    private volatile boolean cancelRequested;
    private FixPlan plan;
    private boolean applied;

    public AdminFixViewModel(AdminSession session, Background background, FixTarget target) {
        this.background = background;
        this.target = target;
        this.signIn = new SignInStep(session, target.workspace());
        precreate.addListener((obs, was, now) -> {
            if (phase.get() == Phase.PLAN) {
                plan();
            }
        });
    }

    /** Opens on the plan when an admin of this workspace signed in already (one sign-in per window). */
    public void start() {
        signIn.resume(who -> plan());
    }

    public SignInStep signInStep() {
        return signIn;
    }

    /** Opens the workspace's sign-in page in the browser and waits for it (cancel with {@link #cancel()}). */
    public void signIn() {
        signIn.signIn(who -> plan());
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** What happened to the plan: it could not be read, a step failed, the re-test's verdict. */
    public StringProperty messageProperty() {
        return message;
    }

    /** True once the re-test as the service principal passed. */
    public BooleanProperty passedProperty() {
        return passed;
    }

    /** Pre-create the managed schema instead of granting CREATE SCHEMA on the catalog; changing it re-plans. */
    public BooleanProperty precreateProperty() {
        return precreate;
    }

    /** No service principal has the test's client ID: the window offers to set one up from scratch. */
    public BooleanProperty setUpOfferedProperty() {
        return setUpOffered;
    }

    /** A new set-up window's view model for the same workspace (the admin stays signed in). */
    public AdminSetupViewModel setUpFromScratch() {
        return target.setUpFromScratch();
    }

    public boolean offersManagedSchema() {
        return target.offersManagedSchema();
    }

    public ObservableList<PlanRow> steps() {
        return steps;
    }

    public ObservableList<String> notFixable() {
        return notFixable;
    }

    /** The page's rows the re-test runs again, live. */
    public ObservableList<CheckRow> retestRows() {
        return retestRows;
    }

    /**
     * A fresh fix as the signed-in admin (a cancelled one stays cancelled); made on the worker, since opening it
     * reads the trust store. A cancel pressed meanwhile reaches it as soon as it exists.
     */
    private FixTarget.Fixer newFix() throws OpenFailed {
        FixTarget.Fixer created;
        try {
            created = target.open(signIn.signedIn().token());
        } catch (Exception e) {
            throw new OpenFailed(Messages.UI.text("adminfix.openFailed", e.getMessage()));
        }
        fix = created;
        if (cancelRequested) {
            created.cancel();
        }
        return created;
    }

    /** The fix could not be opened; the message says why. */
    private static final class OpenFailed extends Exception {
        OpenFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the workspace and shows the plan; nothing changes. */
    private void plan() {
        boolean managed = precreate.get();
        phase.set(Phase.PLANNING);
        message.set("");
        cancelRequested = false;
        background.task(() -> newFix().plan(managed)).onSuccess(this::showPlan).onFailure(error -> {
            phase.set(Phase.PLAN);
            steps.clear();
            notFixable.clear();
            message.set(error instanceof OpenFailed ? error.getMessage()
                    : Messages.UI.text("adminfix.planFailed", error.getMessage()));
        }).start();
    }

    private void showPlan(FixPlan planned) {
        plan = planned;
        List<FixStep> list = planned.steps();
        steps.setAll(java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> new PlanRow(i + 1, list.get(i)))
                .toList());
        notFixable.setAll(planned.notFixable());
        setUpOffered.set(planned.principalMissing() && target.setUpFromScratch() != null);
        retestRows.setAll(target.retestRows(planned));
        phase.set(Phase.PLAN);
        if (planned.nothingToApply() && planned.notFixable().isEmpty()) {
            message.set(Messages.UI.text("adminfix.nothingToApply"));
        } else if (planned.nothingToApply()) {
            message.set("");
        } else if (!signIn.adminProperty().get()) {
            message.set(Messages.UI.text("adminfix.reviewOnly"));
        }
    }

    /** Reads the plan again (after a cancelled or failed read, or a change in the workspace). */
    public void replan() {
        if (phase.get() == Phase.PLAN && signIn.signedIn() != null) {
            plan();
        }
    }

    /** Apply is offered for a plan with steps, to a workspace admin. */
    public boolean canApply() {
        return phase.get() == Phase.PLAN && plan != null && !plan.nothingToApply() && signIn.adminProperty().get();
    }

    /** The first click on Apply: asks for the explicit go-ahead. */
    public void askToApply() {
        if (canApply()) {
            phase.set(Phase.CONFIRM);
        }
    }

    /** Back from the confirmation to the plan: nothing ran. */
    public void notYet() {
        if (phase.get() == Phase.CONFIRM) {
            phase.set(Phase.PLAN);
        }
    }

    /** The go-ahead: applies exactly the plan shown, step by step, then re-tests as the service principal. */
    public void confirmApply() {
        if (phase.get() != Phase.CONFIRM) {
            return;
        }
        FixPlan.Confirmed confirmed = plan.confirm();
        phase.set(Phase.APPLYING);
        applied = true;
        cancelRequested = false;
        background.task(() -> newFix().apply(confirmed, new LiveSteps(background, steps))).onSuccess(this::applied)
                .onFailure(error -> {
                    phase.set(Phase.DONE);
                    message.set(error.getMessage());
                }).start();
    }

    private void applied(FixOutcome outcome) {
        if (!outcome.complete()) {
            phase.set(Phase.DONE);
            message.set(LiveSteps.failure(outcome));
            return;
        }
        phase.set(Phase.RETESTING);
        message.set("");
        target.retest(plan, ok -> {
            passed.set(ok);
            phase.set(Phase.DONE);
            message.set(Messages.UI.text(ok ? "adminfix.retest.passed" : "adminfix.retest.failed"));
        });
    }

    /** The plan as text for an admin who reviews it elsewhere: numbered, each step with what it fixes. */
    public String planText() {
        return LiveSteps.text(Messages.UI.text("adminfix.copy.header", signIn.workspaceUrl()), steps, notFixable, LiveSteps.FIXES);
    }

    /** Whether anything was applied in this window (the page's old results are then stale). */
    public boolean appliedAnything() {
        return applied;
    }

    /** Stops whatever runs: the sign-in, the plan, a step, the re-test. What was applied so far is said. */
    public void cancel() {
        switch (phase.get()) {
            case SIGN_IN -> signIn.cancel();
            case RETESTING -> target.cancelRetest();
            case PLANNING, APPLYING -> {
                cancelRequested = true;
                FixTarget.Fixer current = fix;
                if (current != null) {
                    current.cancel();
                }
            }
            default -> {
            }
        }
    }
}
