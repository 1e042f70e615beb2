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
    private Runnable closeAction = () -> { };
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

    /** What the Cancel button and the window's close box do once the user confirmed. */
    public void setCloseAction(Runnable closeAction) {
        this.closeAction = closeAction;
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
     * The window's close box: the settings are kept as a draft (the secret is not), so this only
     * asks when a secret was typed that would be lost.
     */
    public boolean confirmClose() {
        if (!model.hasUnsavedInput() || model.form().field(Field.SECRET).get().isBlank()) {
            return true;
        }
        return ask("close.title", "close.header", "close.content", "close.confirm");
    }

    /** Where "Done" leads after the source was saved (the start page). */
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

    /** Cancel or Escape: closes the wizard, asking first when something was typed. */
    public void requestCancel() {
        if (confirmDiscard()) {
            closeAction.run();
        }
    }

    /** Asks before throwing away typed input; returns whether the wizard may close. */
    public boolean confirmDiscard() {
        if (!model.hasUnsavedInput()) {
            return true;
        }
        boolean discard = ask("discard.title", "discard.header", "discard.content", "discard.confirm");
        if (discard) {
            model.discardDraft();
        }
        return discard;
    }

    private boolean ask(String titleKey, String headerKey, String contentKey, String confirmKey) {
        ButtonType discard = new ButtonType(bundle.getString(confirmKey), ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(bundle.getString("discard.keep"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, bundle.getString(contentKey), discard, keep);
        alert.setTitle(bundle.getString(titleKey));
        alert.setHeaderText(bundle.getString(headerKey));
        Window owner = stepList.getScene() == null ? null : stepList.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
        }
        // Keeping the input is the safe default for Enter.
        ((Button) alert.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == discard;
    }

    private void show(WizardStep step) {
        pageTitle.setText(bundle.getString(step.titleKey()));
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
