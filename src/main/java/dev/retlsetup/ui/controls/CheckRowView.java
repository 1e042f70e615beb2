package dev.retlsetup.ui.controls;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.i18n.Messages;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One check in the live checklist: status icon, title, time, one-line result, and for a failure
 * or a note the details (tried, answer, meaning, fix with copyable SQL), open by default on failure.
 */
public final class CheckRowView extends VBox {
    private final CheckRow row;
    private final Consumer<String> saveSql;
    private final Label icon = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label time = new Label();
    private final Label summary = new Label();
    private final Hyperlink toggle = new Hyperlink();
    private final VBox details = new VBox();

    /** @param saveSql called with the SQL when the user asks to save it for an admin */
    public CheckRowView(CheckRow row, Consumer<String> saveSql) {
        this.row = row;
        this.saveSql = saveSql;
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
        boolean show = result != null && (result.status().isFailure()
                || result.status() == dev.retlsetup.check.CheckStatus.WARNING);
        toggle.setVisible(show);
        toggle.setManaged(show);
        if (!show) {
            setExpanded(false);
            return;
        }
        section(Messages.UI.text("test.details.tried"), result.tried(), true);
        section(Messages.UI.text("test.details.answer"), result.raw(), true);
        section(Messages.UI.text("test.details.meaning"), result.explanation(), false);
        if (result.remediation() != null && !result.remediation().steps().isEmpty()) {
            section(Messages.UI.text("test.details.fix"), String.join("\n", result.remediation().steps()), false);
        }
        if (result.remediation() != null && !result.remediation().sql().isEmpty()) {
            String sql = String.join("\n", result.remediation().sql());
            Label lead = new Label(Messages.UI.text("test.details.sql"));
            lead.getStyleClass().add("details-label");
            lead.setWrapText(true);
            lead.setMinHeight(Region.USE_PREF_SIZE);
            CopyableCode code = new CopyableCode();
            code.getStyleClass().add("fix-sql");
            code.setText(sql);
            code.setAccessibleNames(Messages.UI.text("test.details.sql"), Messages.UI.text("test.details.copy.accessible"));
            Button save = new Button(Messages.UI.text("test.details.save"));
            save.setMnemonicParsing(true);
            save.setOnAction(e -> saveSql.accept(sql));
            code.actions().getChildren().add(0, save);
            details.getChildren().addAll(lead, code);
        }
        setExpanded(result.status().isFailure());
    }

    private void section(String heading, String text, boolean monospace) {
        if (text == null || text.isBlank()) {
            return;
        }
        Label label = new Label(heading);
        label.getStyleClass().add("details-label");
        Label body = new Label(text);
        body.getStyleClass().add(monospace ? "details-raw" : "details-text");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        details.getChildren().add(new VBox(2, label, body));
    }
}
