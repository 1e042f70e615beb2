package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.ConnectionTestSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The start page: saved sources with re-test / edit / duplicate / delete, and the draft to resume. */
public final class StartPageController {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** What the start page asks the window to do. */
    public interface Navigation {
        void newSource();

        void tryDemo();

        void open(SavedSource source, String secret, boolean runTest);

        void resume(Draft draft);

        /** Opens the source on the Model step (add a model, or check the saved ones). */
        void openModels(SavedSource source, String secret);
    }

    private final StartPageViewModel viewModel;
    private final Navigation navigation;
    private int cardsBuilt;

    @FXML private VBox sourceList;
    @FXML private HBox draftBox;
    @FXML private Label draftText;
    @FXML private Label message;
    @FXML private VBox problems;
    @FXML private Label emptyText;

    public StartPageController(StartPageViewModel viewModel, Navigation navigation) {
        this.viewModel = viewModel;
        this.navigation = navigation;
    }

    @FXML
    private void initialize() {
        viewModel.sources().addListener((ListChangeListener<SavedSource>) change -> rebuild());
        viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems());
        viewModel.draftProperty().addListener((obs, old, draft) -> showDraft(draft));
        dev.retlsetup.ui.controls.AutoHide.bind(message, viewModel.messageProperty());
        showDraft(viewModel.draftProperty().get());
        rebuild();
        showProblems();
    }

    private void showDraft(Draft draft) {
        boolean show = draft != null;
        draftBox.setVisible(show);
        draftBox.setManaged(show);
        if (show) {
            String host = draft.input().host().isBlank() ? Messages.UI.text("start.draft.noHost") : draft.input().host();
            draftText.setText(draft.isDemo()
                    ? Messages.UI.text("start.draft.demo", WHEN.format(draft.savedAt()), draft.demoScenario())
                    : Messages.UI.text("start.draft", WHEN.format(draft.savedAt()), host));
        }
    }

    private void showProblems() {
        problems.getChildren().setAll(viewModel.problems().stream().map(text -> {
            Label label = new Label(Messages.UI.text("start.problem", text));
            label.getStyleClass().add("notice");
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.setMaxWidth(Double.MAX_VALUE);
            return label;
        }).toList());
    }

    private void rebuild() {
        cardsBuilt = 0;
        sourceList.getChildren().clear();
        emptyText.setVisible(viewModel.sources().isEmpty());
        emptyText.setManaged(viewModel.sources().isEmpty());
        sourceList.getChildren().setAll(viewModel.sources().stream().map(this::card).toList());
    }

    /** "Models: Active users (ready for Segment), Orders (needs a fix)". */
    private static String modelsLine(SavedSource source) {
        return Messages.UI.text("start.models", source.models().stream().map(m -> Messages.UI.text(
                m.lastCheck() == null ? "model.saved.unchecked" : m.lastCheck().ready() ? "model.saved.ready"
                        : "model.saved.notReady", m.name())).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** When the source's secret expires, once read (issue 14); a warning within 30 days. */
    private Label expiryLine(SavedSource source) {
        Label line = new Label();
        line.setWrapText(true);
        line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable update = () -> {
            SavedSourceExpiry.Line now = viewModel.expiry().lines().get(source.name());
            line.setText(now == null ? "" : now.text());
            line.setVisible(now != null);
            line.setManaged(now != null);
            line.getStyleClass().removeAll("expiry-warning", "expiry-info");
            line.getStyleClass().add(now != null && now.warn() ? "expiry-warning" : "expiry-info");
        };
        viewModel.expiry().lines().addListener(new javafx.collections.WeakMapChangeListener<>(expiryListener(line,
                update)));
        update.run();
        return line;
    }

    /** Kept by its label, so the map's weak listener lives as long as the card does. */
    private static javafx.collections.MapChangeListener<String, SavedSourceExpiry.Line> expiryListener(Label line,
            Runnable update) {
        javafx.collections.MapChangeListener<String, SavedSourceExpiry.Line> listener = change -> update.run();
        line.getProperties().put("expiry-listener", listener);
        return listener;
    }

    private VBox card(SavedSource source) {
        Label name = new Label(source.name());
        name.getStyleClass().add("source-name");
        // A demo source's address is the demo's of the day: say what it is instead.
        Label where = new Label(source.isDemo() ? Messages.UI.text("start.demoSource", source.demoScenario())
                : source.input().host() + "  ·  " + source.input().httpPath());
        where.getStyleClass().add("source-where");
        Label last = new Label(lastTest(source.lastTest()));
        last.getStyleClass().addAll("source-last", lastTestStyle(source.lastTest()));
        last.setWrapText(true);
        Button retest = button("start.retest", () -> viewModel.withSecret(source, (s, secret) -> navigation.open(s, secret, true)));
        Button edit = button("start.edit", () -> viewModel.withSecret(source, (s, secret) -> navigation.open(s, secret, false)));
        Button models = button(source.models().isEmpty() ? "start.addModel" : "start.checkModels",
                () -> viewModel.withSecret(source, navigation::openModels));
        Button duplicate = button("start.duplicate", () -> duplicate(source));
        Button delete = button("start.delete", () -> delete(source));
        // The buttons flow onto a second line on a narrow window rather than being cut at its edge.
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, retest, models, edit, duplicate,
                delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (cardsBuilt > 0) {
            // Mnemonics belong to the first card only: one letter, one control per page.
            for (Button b : new Button[] {retest, models, edit, duplicate, delete}) {
                b.setMnemonicParsing(false);
                b.setText(b.getText().replaceFirst("_(?!_)", ""));
            }
        }
        cardsBuilt++;
        where.setWrapText(true);
        VBox card = new VBox(4, name, where);
        if (!source.models().isEmpty()) {
            Label modelLine = new Label(modelsLine(source));
            modelLine.getStyleClass().add("source-where");
            modelLine.setWrapText(true);
            card.getChildren().add(modelLine);
        }
        card.getChildren().addAll(last, expiryLine(source), actions);
        card.getStyleClass().add("source-card");
        card.setAccessibleText(Messages.UI.text("start.accessible", source.name(), source.input().host(), last.getText()));
        return card;
    }

    private static Button button(String key, Runnable action) {
        Button button = new Button(Messages.UI.text(key));
        button.setMnemonicParsing(true);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    static String lastTest(ConnectionTestSummary summary) {
        if (summary == null) {
            return Messages.UI.text("start.lastTest.never");
        }
        String when = WHEN.format(summary.time());
        if (!summary.ok() && summary.failed() == 0) {
            // Recorded by an older version from a cancelled run: it proved nothing either way.
            return Messages.UI.text("start.lastTest.unfinished", when);
        }
        if (!summary.ok()) {
            return Messages.UI.text("start.lastTest.failed", when, summary.failed());
        }
        return Messages.UI.text(summary.complete() ? "start.lastTest.passed" : "start.lastTest.warned", when);
    }

    private static String lastTestStyle(ConnectionTestSummary summary) {
        return summary == null || (!summary.ok() && summary.failed() == 0) ? "last-never"
                : !summary.ok() ? "last-failed" : "last-passed";
    }

    /**
     * Asks for the copy's name and checks it as it is typed: a taken or unusable name is said under the field
     * and OK stays disabled, so the dialog never closes on a name that would fail.
     */
    private void duplicate(SavedSource source) {
        TextInputDialog dialog = new TextInputDialog(viewModel.copyName(source));
        dialog.initOwner(sourceList.getScene().getWindow());
        dialog.setTitle(Messages.UI.text("start.duplicate.title"));
        dialog.setHeaderText(Messages.UI.text("start.duplicate.header", source.name()));
        javafx.scene.control.TextField editor = dialog.getEditor();
        Label problem = new Label();
        problem.getStyleClass().addAll("field-message", "field-error");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setMaxWidth(360);
        problem.setId("duplicateProblem");
        VBox content = new VBox(6, editor, problem);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().setAll(sourceList.getScene().getStylesheets());
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String text = viewModel.copyNameProblem(editor.getText());
            problem.setText(text == null ? "" : text);
            problem.setVisible(text != null);
            problem.setManaged(text != null);
            ok.setDisable(text != null);
        };
        editor.textProperty().addListener((obs, old, now) -> check.run());
        check.run();
        javafx.application.Platform.runLater(editor::requestFocus);
        dialog.showAndWait().map(String::trim).filter(n -> viewModel.copyNameProblem(n) == null)
                .ifPresent(newName -> viewModel.duplicate(source, newName));
    }

    private void delete(SavedSource source) {
        ButtonType confirm = new ButtonType(Messages.UI.text("start.delete.confirm"), ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.UI.text("start.delete.keep"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.UI.text("start.delete.content"), confirm, keep);
        alert.initOwner(sourceList.getScene().getWindow());
        alert.setTitle(Messages.UI.text("start.delete.title"));
        alert.setHeaderText(Messages.UI.text("start.delete.header", source.name()));
        ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == confirm) {
            viewModel.delete(source);
        }
    }

    @FXML
    private void newSource() {
        navigation.newSource();
    }

    @FXML
    private void tryDemo() {
        navigation.tryDemo();
    }

    @FXML
    private void resumeDraft() {
        Draft draft = viewModel.draftProperty().get();
        if (draft != null) {
            navigation.resume(draft);
        }
    }

    @FXML
    private void discardDraft() {
        viewModel.discardDraft();
    }
}
