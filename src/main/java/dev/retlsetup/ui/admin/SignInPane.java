package dev.retlsetup.ui.admin;

import dev.retlsetup.ui.controls.Nodes;
import dev.retlsetup.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sign-in section of both admin windows: the help, the button, the wait, and who signed in. */
public final class SignInPane extends VBox {
    private final Label help = new Label(Messages.UI.text("adminfix.signIn.help"));
    private final Button button = new Button();
    private final ProgressIndicator waiting = new ProgressIndicator();
    private final Label who = new Label();
    private final Label problem = new Label();
    private final Label byHand = new Label();
    private final javafx.scene.control.TextField page = new javafx.scene.control.TextField();
    private final Button copyPage = new Button(Messages.UI.text("adminsetup.copy"));
    private final HBox pageRow = new HBox(8, page, copyPage);

    public SignInPane() {
        getStyleClass().add("field-group");
        Label heading = new Label(Messages.UI.text("adminfix.signIn.heading"));
        heading.getStyleClass().add("section-heading");
        help.getStyleClass().add("help");
        for (Label label : new Label[] {help, who, problem}) {
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
        }
        button.setId("signInButton");
        button.getStyleClass().add("primary");
        button.setMnemonicParsing(true);
        button.setMinWidth(Button.USE_PREF_SIZE);
        waiting.setPrefSize(18, 18);
        waiting.setMaxSize(18, 18);
        who.setId("who");
        who.getStyleClass().add("admin-who");
        problem.setId("signInProblem");
        problem.getStyleClass().add("field-error");
        HBox row = new HBox(8, button, waiting, who);
        row.getStyleClass().add("toolbar");
        byHand.getStyleClass().add("help");
        byHand.setWrapText(true);
        byHand.setMinHeight(Label.USE_PREF_SIZE);
        page.setId("signInPage");
        page.setEditable(false);
        page.getStyleClass().add("readonly-value");
        HBox.setHgrow(page, javafx.scene.layout.Priority.ALWAYS);
        copyPage.setMinWidth(Button.USE_PREF_SIZE);
        copyPage.setOnAction(event -> Nodes.copy(page.getText()));
        getChildren().addAll(heading, help, row, byHand, pageRow, problem);
    }

    /**
     * Shows the step; {@code busy} and {@code busyText} let the window add its own wait (reading the
     * workspace) after the sign-in, so one spinner says what is going on.
     */
    public void bind(SignInStep step, Runnable signIn, ObservableBooleanValue busy, ObservableStringValue busyText) {
        var state = step.stateProperty();
        var signedIn = state.isEqualTo(SignInStep.State.SIGNED_IN);
        Nodes.showWhen(button, signedIn.not());
        Nodes.showWhen(help, state.isEqualTo(SignInStep.State.SIGNED_OUT));
        button.disableProperty().bind(state.isEqualTo(SignInStep.State.SIGNING_IN));
        button.textProperty().bind(Bindings.when(state.isEqualTo(SignInStep.State.SIGNING_IN))
                .then(Messages.UI.text("adminfix.signIn.waiting")).otherwise(Messages.UI.text("adminfix.signIn")));
        button.setOnAction(event -> signIn.run());
        Nodes.showWhen(waiting, Bindings.createBooleanBinding(() -> state.get() == SignInStep.State.SIGNING_IN || busy.get(),
                state, busy));
        who.textProperty().bind(Bindings.createStringBinding(() -> state.get() == SignInStep.State.SIGNING_IN
                ? Messages.UI.text("adminfix.signIn.browser")
                : busy.get() ? step.whoProperty().get() + " " + busyText.get() : step.whoProperty().get(),
                state, busy, busyText, step.whoProperty()));
        var waitingForPage = state.isEqualTo(SignInStep.State.SIGNING_IN)
                .and(Bindings.createBooleanBinding(() -> !step.pageProperty().get().isEmpty(), step.pageProperty()));
        Nodes.showWhen(byHand, waitingForPage);
        Nodes.showWhen(pageRow, waitingForPage);
        byHand.textProperty().bind(Bindings.createStringBinding(() -> step.browserProblemProperty().get().isEmpty()
                ? Messages.UI.text("adminfix.signIn.byHand")
                : Messages.UI.text("adminfix.signIn.noBrowser", step.browserProblemProperty().get()),
                step.browserProblemProperty()));
        page.textProperty().bind(step.pageProperty());
        problem.textProperty().bind(step.messageProperty());
        // Back from the browser's sign-in page: the window comes to the front again.
        state.addListener((obs, old, now) -> {
            if (now == SignInStep.State.SIGNED_IN && getScene() != null
                    && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.toFront();
            }
        });
        Nodes.showWhen(problem, step.messageProperty().isNotEmpty());
    }

}
