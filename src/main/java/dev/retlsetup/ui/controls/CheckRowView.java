package dev.retlsetup.ui.controls;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.i18n.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One check in the live checklist: status icon, title, time, one-line result, and for a failure
 * or a note the details (tried, answer, meaning, fix with copyable SQL, the alternative SQL), open by default on
 * failure. A failure offers "Copy for my admin"; every detail has a context menu to copy it.
 */
public final class CheckRowView extends VBox {
    /** What the row's buttons do with its result; the page supplies the source and the saving. */
    public interface Actions {
        /** The self-contained message for an admin about this result. */
        String adminMessage(CheckResult result);

        /** Saves this result's fix as a .sql file (asking where). */
        void saveFix(CheckResult result);
    }

    private final CheckRow row;
    private final Actions actions;
    private final Label icon = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label time = new Label();
    private final Label summary = new Label();
    private final Hyperlink toggle = new Hyperlink();
    private final VBox details = new VBox();

    public CheckRowView(CheckRow row, Actions actions) {
        this.row = row;
        this.actions = actions;
        getStyleClass().add("check-row");
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        icon.getStyleClass().add("check-icon");
        StackPane status = new StackPane(icon, spinner);
        status.setMinWidth(20);
        Label title = new Label();
        title.textProperty().bind(row.titleProperty());
        title.getStyleClass().add("check-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        time.getStyleClass().add("check-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, status, title, spacer, time);
        header.setAlignment(Pos.CENTER_LEFT);
        summary.getStyleClass().add("check-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> row.summaryProperty().get().isEmpty() ? Messages.UI.text("test.state." + row.state().name())
                        : row.summaryProperty().get(), row.summaryProperty(), row.stateProperty()));
        toggle.getStyleClass().add("details-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setOnAction(e -> setExpanded(!details.isVisible()));
        details.getStyleClass().add("check-details");
        details.setSpacing(8);
        HBox summaryLine = new HBox(6, summary, toggle);
        summaryLine.setAlignment(Pos.BASELINE_LEFT);
        summaryLine.setPadding(new javafx.geometry.Insets(0, 0, 0, 30));
        HBox.setHgrow(summary, Priority.ALWAYS);
        getChildren().addAll(header, summaryLine, details);
        setSpacing(4);
        row.stateProperty().addListener((obs, old, now) -> refresh());
        row.resultProperty().addListener((obs, old, now) -> refresh());
        row.millisProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /**
     * The row without its details: the state, time and one-line result only, for a view that shows the fix
     * elsewhere (the admin fix window's re-test; the page keeps the full row).
     */
    public static CheckRowView summaryOnly(CheckRow row) {
        return new CheckRowView(row, null);
    }

    public CheckRow row() {
        return row;
    }

    public boolean isExpanded() {
        return details.isVisible();
    }

    public void setExpanded(boolean expanded) {
        details.setVisible(expanded);
        details.setManaged(expanded);
        toggle.setText(Messages.UI.text(expanded ? "test.details.hide" : "test.details.show"));
    }

    private void refresh() {
        CheckRow.State state = row.state();
        getStyleClass().removeIf(c -> c.startsWith("check-state-"));
        getStyleClass().add("check-state-" + state.name().toLowerCase(java.util.Locale.ROOT));
        spinner.setVisible(state == CheckRow.State.RUNNING);
        icon.setVisible(state != CheckRow.State.RUNNING);
        icon.setText(switch (state) {
            case PENDING -> "\u25CB";
            case RUNNING -> "";
            case PASSED -> "\u2713";
            case WARNING -> "!";
            case FAILED -> "\u2717";
            case SKIPPED -> "\u2013";
        });
        long millis = row.millisProperty().get();
        time.setText(millis < 0 || state == CheckRow.State.SKIPPED ? ""
                : millis < 10_000 ? Messages.UI.text("test.millis", millis) : Messages.UI.text("test.seconds", millis / 1000));
        setAccessibleText(row.titleProperty().get() + ": " + Messages.UI.text("test.state." + state.name()) + ". "
                + row.summaryProperty().get());
        buildDetails(row.result());
    }

    private void buildDetails(CheckResult result) {
        details.getChildren().clear();
        boolean show = actions != null && result != null && (result.status().isFailure()
                || result.status() == dev.retlsetup.check.CheckStatus.WARNING);
        toggle.setVisible(show);
        toggle.setManaged(show);
        summary.setContextMenu(show ? menuFor(result, result.title(), result.summary()) : null);
        if (!show) {
            setExpanded(false);
            return;
        }
        section(result, Messages.UI.text("test.details.tried"), result.tried(), true);
        section(result, Messages.UI.text("test.details.answer"), result.raw(), true);
        section(result, Messages.UI.text("test.details.meaning"), result.explanation(), false);
        if (result.remediation() != null && !result.remediation().steps().isEmpty()) {
            section(result, Messages.UI.text("test.details.fix"), String.join("\n", result.remediation().steps()), false);
        }
        if (result.remediation() != null && !result.remediation().sql().isEmpty()) {
            CopyableCode code = code(Messages.UI.text("test.details.sql"),
                    String.join("\n", result.remediation().sql()), "fix-sql", "test.details.copy.accessible");
            Button save = new Button(Messages.UI.text("test.details.save"));
            save.setMnemonicParsing(true);
            save.getStyleClass().add("save-fix-button");
            save.setOnAction(e -> actions.saveFix(result));
            code.actions().getChildren().add(0, save);
        }
        if (result.remediation() != null && !result.remediation().alternative().isEmpty()) {
            code(Messages.UI.text("test.details.alternative"), String.join("\n", result.remediation().alternative()),
                    "fix-alternative-sql", "test.details.alternative.copy.accessible");
        }
        if (result.status().isFailure()) {
            Button admin = new Button(Messages.UI.text("test.details.admin"));
            admin.getStyleClass().add("copy-admin-button");
            admin.setMinWidth(Region.USE_PREF_SIZE);
            admin.setAccessibleText(Messages.UI.text("test.details.admin.accessible", row.titleProperty().get()));
            admin.setOnAction(e -> {
                copy(actions.adminMessage(result));
                admin.setText(Messages.UI.text("test.details.admin.copied"));
                PauseTransition revert = new PauseTransition(Duration.seconds(2));
                revert.setOnFinished(done -> admin.setText(Messages.UI.text("test.details.admin")));
                revert.play();
            });
            Label note = new Label(Messages.UI.text("test.details.admin.help"));
            note.getStyleClass().add("help");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(note, Priority.ALWAYS);
            HBox line = new HBox(10, admin, note);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("admin-line");
            details.getChildren().add(line);
        }
        setExpanded(result.status().isFailure());
    }

    private CopyableCode code(String heading, String sql, String styleClass, String copyAccessibleKey) {
        Label lead = new Label(heading);
        lead.getStyleClass().add("details-label");
        lead.setWrapText(true);
        lead.setMinHeight(Region.USE_PREF_SIZE);
        CopyableCode code = new CopyableCode();
        code.getStyleClass().add(styleClass);
        code.setText(sql);
        code.setAccessibleNames(heading, Messages.UI.text(copyAccessibleKey));
        details.getChildren().addAll(lead, code);
        return code;
    }

    private static void copy(String text) {
        Nodes.copy(text);
    }

    /** Right-click on a detail: copy that detail, or (for a failure) the whole message for an admin. */
    private ContextMenu menuFor(CheckResult result, String heading, String text) {
        MenuItem copyThis = new MenuItem(Messages.UI.text("test.details.menu.copy", heading));
        copyThis.setOnAction(e -> copy(text));
        ContextMenu menu = new ContextMenu(copyThis);
        if (result.status().isFailure()) {
            MenuItem admin = new MenuItem(Messages.UI.text("test.details.admin"));
            admin.setOnAction(e -> copy(actions.adminMessage(result)));
            menu.getItems().add(admin);
        }
        return menu;
    }

    private void section(CheckResult result, String heading, String text, boolean monospace) {
        if (text == null || text.isBlank()) {
            return;
        }
        Label label = new Label(heading);
        label.getStyleClass().add("details-label");
        Label body = new Label(text);
        body.getStyleClass().add(monospace ? "details-raw" : "details-text");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        ContextMenu menu = menuFor(result, heading, text);
        label.setContextMenu(menu);
        body.setContextMenu(menu);
        VBox section = new VBox(2, label, body);
        section.getStyleClass().add("details-section");
        details.getChildren().add(section);
    }
}
