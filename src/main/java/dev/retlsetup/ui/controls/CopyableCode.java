package dev.retlsetup.ui.controls;

import dev.retlsetup.i18n.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** A read-only block of SQL (or any code) with a Copy button, sized to its content. */
public final class CopyableCode extends VBox {
    private final TextArea code = new TextArea();
    private final Button copy = new Button(Messages.UI.text("button.copy"));
    private final HBox actions = new HBox();
    /** Width of one character of the 12px monospace font used for code (see wizard.css). */
    private static final double MONO_CHAR_WIDTH = 7.3;

    public CopyableCode() {
        getStyleClass().add("copyable-code");
        code.setEditable(false);
        code.setWrapText(true);
        code.getStyleClass().add("code");
        code.setFocusTraversable(true);
        // Grow with the script (long lines wrap) so nothing is hidden behind a scroll bar.
        code.prefRowCountProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(
                () -> rowsNeeded(code.getText(), code.getWidth()), code.textProperty(), code.widthProperty()));
        copy.setMnemonicParsing(true);
        copy.getStyleClass().add("copy-button");
        copy.setOnAction(e -> copyToClipboard());
        actions.getChildren().add(copy);
        actions.setSpacing(8);
        actions.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(code, actions);
        setSpacing(6);
    }

    /** Visual rows for the text at this width, estimated from the monospace character width. */
    static int rowsNeeded(String text, double width) {
        int columns = width <= 0 ? 100 : Math.max(20, (int) ((width - 30) / MONO_CHAR_WIDTH));
        int rows = 0;
        for (String line : text.split("\n", -1)) {
            rows += Math.max(1, (line.length() + columns - 1) / columns);
        }
        return Math.max(2, rows + 1);
    }

    public StringProperty textProperty() {
        return code.textProperty();
    }

    public String getText() {
        return code.getText();
    }

    public void setText(String text) {
        code.setText(text);
    }

    /** Accessible names of the code area and its Copy button, for screen readers. */
    public void setAccessibleNames(String codeName, String copyName) {
        code.setAccessibleText(codeName);
        copy.setAccessibleText(copyName);
    }

    /** The button row under the code, for extra actions such as "Save as .sql". */
    public HBox actions() {
        return actions;
    }

    public Button copyButton() {
        return copy;
    }

    private void copyToClipboard() {
        Nodes.copy(code.getText());
        copy.setText(Messages.UI.text("button.copied"));
        PauseTransition revert = new PauseTransition(Duration.seconds(1.5));
        revert.setOnFinished(e -> copy.setText(Messages.UI.text("button.copy")));
        revert.play();
    }
}
