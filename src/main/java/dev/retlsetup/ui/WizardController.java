package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The wizard shell: the step list, the current page, and Back / Next / Cancel. */
public final class WizardController {
    private final WizardViewModel model;
    private final ResourceBundle bundle;
    private final Map<WizardStep, Parent> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private Runnable doneAction = () -> { };
    private Runnable savedSourcesAction = () -> { };

    @FXML private VBox stepList;
    @FXML private Label pageTitle;
    @FXML private ScrollPane pageScroll;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button cancelButton;
    @FXML private HBox demoBanner;
    @FXML private Label demoBannerText;

    public WizardController(WizardViewModel model, ResourceBundle bundle) {
        this.model = model;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        for (WizardStep step : WizardStep.values()) {
            Label label = new Label(bundle.getString(step.titleKey()));
            label.getStyleClass().add("step-item");
            label.setMaxWidth(Double.MAX_VALUE);
            label.setOnMouseClicked(e -> model.goTo(step));
            label.setFocusTraversable(false);
            stepLabels.put(step, label);
            stepList.getChildren().add(label);
        }
        backButton.disableProperty().bind(model.canGoBackProperty().not());
        nextButton.disableProperty().bind(model.canGoNextProperty().not());
        // The current page names its forward button (Next, Finish, Done).
        model.currentProperty().addListener((obs, old, now) -> bindNextLabel(now));
        bindNextLabel(model.current());
        model.currentProperty().addListener((obs, old, now) -> show(now));
        model.editingProperty().addListener((obs, old, now) -> showTitle(model.current()));
        DemoMode demo = model.demo();
        demoBanner.visibleProperty().bind(demo.activeProperty());
        demoBanner.managedProperty().bind(demo.activeProperty());
        demoBannerText.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.UI.text("demo.banner", demo.scenarioProperty().get()), demo.scenarioProperty()));
        show(model.current());
        // An edit can close the way forward (or a page becoming complete open it): the step list follows.
        for (var field : model.form().fields()) {
            field.addListener((obs, old, now) -> showSteps());
        }
    }

    private void bindNextLabel(WizardStep step) {
        var key = model.step(step).nextLabelKey();
        nextButton.textProperty().bind(Bindings.createStringBinding(() -> bundle.getString(key.get()), key));
    }

    @FXML
    private void next() {
        model.forward(doneAction);
    }

    public void setSavedSourcesAction(Runnable action) {
        this.savedSourcesAction = action;
    }

    @FXML
    private void showSavedSources() {
        savedSourcesAction.run();
    }

    /**
     * The window's close box: with unsaved input, offers to keep it as a draft (the default; the secret is never
     * kept), to discard it, or to stay.
     */
    public boolean confirmClose() {
        if (!model.hasUnsavedInput()) {
            return true;
        }
        ButtonType keep = new ButtonType(bundle.getString("close.keepDraft"), ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(bundle.getString("close.discard"), ButtonData.OTHER);
        ButtonType stay = new ButtonType(bundle.getString("close.stay"), ButtonData.CANCEL_CLOSE);
        String content = bundle.getString("close.content.draft")
                + (model.secretTyped() ? " " + bundle.getString("close.content.secret") : "");
        Alert alert = alert(Alert.AlertType.CONFIRMATION, bundle.getString("close.title"),
                bundle.getString("close.header"), content, keep, discard, stay);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ButtonType answer = alert.showAndWait().orElse(stay);
        if (answer == discard) {
            model.discardDraft();
        }
        return answer != stay;
    }

    /** Where "Done" leads after the source was saved, and Cancel after discarding (the start page). */
    public void setDoneAction(Runnable doneAction) {
        this.doneAction = doneAction;
    }

    @FXML
    private void leaveDemo() {
        model.demo().leave();
        model.goTo(WizardStep.WORKSPACE);
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void cancel() {
        requestCancel();
    }

    /**
     * Cancel or Escape: leaves the wizard for the start page (never quits the application), asking first when
     * something typed would be thrown away.
     */
    public void requestCancel() {
        if (confirmDiscard()) {
            model.discard();
            savedSourcesAction.run();
        }
    }

    /** Asks before throwing away typed input (or the changes to a saved source); returns whether to go on. */
    public boolean confirmDiscard() {
        if (!model.hasUnsavedInput()) {
            return true;
        }
        String edited = model.editingProperty().get();
        ButtonType discard = new ButtonType(bundle.getString(edited.isEmpty() ? "discard.confirm" : "discard.edit.confirm"),
                ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(bundle.getString("discard.keep"), ButtonData.CANCEL_CLOSE);
        Alert alert = edited.isEmpty()
                ? alert(Alert.AlertType.CONFIRMATION, bundle.getString("discard.title"),
                        bundle.getString("discard.header"), bundle.getString("discard.content"), discard, keep)
                : alert(Alert.AlertType.CONFIRMATION, bundle.getString("discard.title"),
                        Messages.UI.text("discard.edit.header", edited), Messages.UI.text("discard.edit.content", edited),
                        discard, keep);
        // Keeping the input is the safe default for Enter.
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == discard;
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content, ButtonType... buttons) {
        Alert alert = new Alert(type, content, buttons);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Window owner = stepList.getScene() == null ? null : stepList.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }

    private void showTitle(WizardStep step) {
        String title = bundle.getString(step.titleKey());
        String edited = model.editingProperty().get();
        pageTitle.setText(edited.isEmpty() ? title : Messages.UI.text("wizard.editing", title, edited));
    }

    private void show(WizardStep step) {
        showTitle(step);
        pageScroll.setContent(pages.computeIfAbsent(step, this::load));
        pageScroll.setVvalue(0);
        showSteps();
    }

    private void showSteps() {
        int total = WizardStep.values().length;
        for (WizardStep each : WizardStep.values()) {
            StepState state = model.stateOf(each);
            Label label = stepLabels.get(each);
            label.getStyleClass().removeAll("step-done", "step-current", "step-upcoming");
            label.getStyleClass().add("step-" + state.name().toLowerCase());
            label.setText(marker(state) + "  " + bundle.getString(each.titleKey()));
            label.setAccessibleText(Messages.UI.text("steps.accessible", each.ordinal() + 1, total,
                    bundle.getString(each.titleKey()), bundle.getString("steps.state." + state.name().toLowerCase())));
        }
    }

    private static String marker(StepState state) {
        return switch (state) {
            case DONE -> "\u2713";
            case CURRENT -> "\u25CF";
            case UPCOMING -> "\u25CB";
        };
    }

    private Parent load(WizardStep step) {
        StepViewModel viewModel = model.step(step);
        FXMLLoader loader = new FXMLLoader(WizardController.class.getResource(step.fxml()), bundle);
        // Each step controller takes its own view model in the constructor.
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(viewModel.getClass()).newInstance(viewModel);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Controller " + type.getName() + " needs a constructor taking "
                        + viewModel.getClass().getSimpleName(), e);
            }
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + step.fxml(), e);
        }
    }
}
