package dev.retlsetup.ui.admin;

import dev.retlsetup.ui.controls.Nodes;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.ui.controls.CheckRowView;
import dev.retlsetup.ui.admin.AdminFixViewModel.Phase;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Binds the admin fix window to its view model: each phase shows its part; nothing here decides. */
public final class AdminFixController {
    private final AdminFixViewModel viewModel;
    private final Runnable close;

    @FXML private SignInPane signInPane;
    @FXML private VBox planSection;
    @FXML private Label planIntro;
    @FXML private VBox planSteps;
    @FXML private VBox notFixable;
    @FXML private CheckBox precreateBox;
    @FXML private Button setUpButton;
    @FXML private Button applyButton;
    @FXML private Button copyPlanButton;
    @FXML private Button replanButton;
    @FXML private VBox confirmBar;
    @FXML private Label confirmText;
    @FXML private Button confirmButton;
    @FXML private VBox resultSection;
    @FXML private VBox retestRows;
    @FXML private Label message;
    @FXML private Button cancelButton;

    public AdminFixController(AdminFixViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        var phase = viewModel.phaseProperty();
        var busy = phase.isEqualTo(Phase.PLANNING).or(phase.isEqualTo(Phase.APPLYING)).or(phase.isEqualTo(Phase.RETESTING));
        signInPane.bind(viewModel.signInStep(), viewModel::signIn, busy, Bindings.createStringBinding(() ->
                Messages.UI.text(phase.get() == Phase.PLANNING ? "adminfix.planning" : "adminfix.working"), phase));

        BooleanBinding planned = phase.isNotEqualTo(Phase.SIGN_IN).and(phase.isNotEqualTo(Phase.PLANNING));
        Nodes.showWhen(planSection, planned);
        planIntro.textProperty().bind(Bindings.createStringBinding(() -> viewModel.steps().isEmpty()
                ? Messages.UI.text("adminfix.plan.empty")
                : Messages.UI.text("adminfix.plan.intro", viewModel.steps().size()), viewModel.steps()));
        viewModel.steps().addListener((ListChangeListener<PlanRow>) c -> rebuildSteps());
        viewModel.notFixable().addListener((ListChangeListener<String>) c -> rebuildNotFixable());
        rebuildSteps();
        rebuildNotFixable();
        Nodes.showWhen(precreateBox, Bindings.createBooleanBinding(viewModel::offersManagedSchema));
        precreateBox.selectedProperty().bindBidirectional(viewModel.precreateProperty());
        Nodes.showWhen(setUpButton, viewModel.setUpOfferedProperty());
        Nodes.showWhen(planSteps, Bindings.isNotEmpty(viewModel.steps()));
        precreateBox.disableProperty().bind(phase.isNotEqualTo(Phase.PLAN));
        // Once applied, the plan is a record of what ran: Apply and Read again give way to the result.
        Nodes.showWhen(applyButton, Bindings.createBooleanBinding(() -> !viewModel.steps().isEmpty()
                && (phase.get() == Phase.PLAN || phase.get() == Phase.CONFIRM), viewModel.steps(), phase));
        applyButton.textProperty().bind(Bindings.createStringBinding(() -> Messages.UI.text("adminfix.apply",
                viewModel.steps().size()), viewModel.steps()));
        applyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canApply(), phase,
                viewModel.signInStep().adminProperty(), viewModel.steps()));
        copyPlanButton.disableProperty().bind(Bindings.isEmpty(viewModel.steps()));
        Nodes.showWhen(replanButton, phase.isEqualTo(Phase.PLAN));
        Nodes.showWhen(confirmBar, phase.isEqualTo(Phase.CONFIRM));
        phase.addListener((obs, old, now) -> {
            if (now == Phase.CONFIRM) {
                confirmButton.requestFocus();
                AdminWindows.reveal(confirmBar);
            } else if (now == Phase.RETESTING || now == Phase.DONE) {
                AdminWindows.reveal(message);
            }
        });
        confirmText.textProperty().bind(Bindings.createStringBinding(() -> Messages.UI.text("adminfix.confirm.text",
                viewModel.steps().size(), viewModel.signInStep().identityProperty().get()), viewModel.steps(),
                viewModel.signInStep().identityProperty()));

        Nodes.showWhen(resultSection, phase.isEqualTo(Phase.RETESTING).or(phase.isEqualTo(Phase.DONE))
                .and(Bindings.isNotEmpty(viewModel.retestRows())));
        viewModel.retestRows().addListener((ListChangeListener<CheckRow>) c -> retestRows.getChildren().setAll(
                viewModel.retestRows().stream().map(CheckRowView::summaryOnly).toList()));

        message.textProperty().bind(viewModel.messageProperty());
        Nodes.showWhen(message, viewModel.messageProperty().isNotEmpty());
        viewModel.messageProperty().addListener((obs, old, now) -> styleMessage());
        viewModel.passedProperty().addListener((obs, old, now) -> styleMessage());
        Nodes.showWhen(cancelButton, busy.or(viewModel.signInStep().stateProperty().isEqualTo(SignInStep.State.SIGNING_IN)));
    }

    private void styleMessage() {
        message.getStyleClass().removeAll("verdict-passed", "verdict-failed", "verdict-incomplete");
        Phase now = viewModel.phaseProperty().get();
        message.getStyleClass().add(viewModel.passedProperty().get() ? "verdict-passed"
                : now == Phase.DONE ? "verdict-failed" : "verdict-incomplete");
    }

    private void rebuildSteps() {
        planSteps.getChildren().setAll(viewModel.steps().stream().map(row -> new PlanRowView(row, LiveSteps.FIXES)).toList());
    }

    private void rebuildNotFixable() {
        notFixable.getChildren().setAll(viewModel.notFixable().stream().map(text -> {
            Label label = new Label(text);
            label.getStyleClass().add("notice");
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            return label;
        }).toList());
    }

    @FXML
    private void askToApply() {
        viewModel.askToApply();
    }

    @FXML
    private void confirmApply() {
        viewModel.confirmApply();
    }

    @FXML
    private void notYet() {
        viewModel.notYet();
    }

    @FXML
    private void replan() {
        viewModel.replan();
    }

    @FXML
    private void copyPlan() {
        Nodes.copy(viewModel.planText());
    }

    /** The principal does not exist: this window gives way to the set-up, over the same wizard, still signed in. */
    @FXML
    private void setUpFromScratch() {
        javafx.stage.Window owner = ((javafx.stage.Stage) setUpButton.getScene().getWindow()).getOwner();
        AdminSetupViewModel setUp = viewModel.setUpFromScratch();
        close.run();
        AdminWindows.openSetup(owner, setUp, () -> { });
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        close.run();
    }
}
