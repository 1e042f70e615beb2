package dev.retlsetup.ui.controls;

import dev.retlsetup.i18n.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * A masked input with a Show/Hide toggle. Both inputs share one text property; only one is
 * visible, so the clear text is never on screen unless the user asked for it.
 */
public final class SecretField extends HBox {
    private final PasswordField masked = new PasswordField();
    private final TextField clear = new TextField();
    private final ToggleButton reveal = new ToggleButton();

    public SecretField() {
        getStyleClass().add("secret-field");
        clear.textProperty().bindBidirectional(masked.textProperty());
        clear.promptTextProperty().bind(masked.promptTextProperty());
        clear.visibleProperty().bind(reveal.selectedProperty());
        clear.managedProperty().bind(reveal.selectedProperty());
        masked.visibleProperty().bind(reveal.selectedProperty().not());
        masked.managedProperty().bind(reveal.selectedProperty().not());
        reveal.setMnemonicParsing(true);
        reveal.textProperty().bind(javafx.beans.binding.Bindings.when(reveal.selectedProperty())
                .then(Messages.UI.text("button.hide")).otherwise(Messages.UI.text("button.show")));
        reveal.selectedProperty().addListener((obs, was, now) -> {
            // Keep the caret where the user was typing when switching views.
            (now ? clear : masked).requestFocus();
            (now ? clear : masked).end();
        });
        StackPane inputs = new StackPane(masked, clear);
        HBox.setHgrow(inputs, Priority.ALWAYS);
        setSpacing(6);
        getChildren().addAll(inputs, reveal);
    }

    public StringProperty textProperty() {
        return masked.textProperty();
    }

    public StringProperty promptTextProperty() {
        return masked.promptTextProperty();
    }

    public void setPromptText(String text) {
        masked.setPromptText(text);
    }

    public String getPromptText() {
        return masked.getPromptText();
    }

    public BooleanProperty revealedProperty() {
        return reveal.selectedProperty();
    }

    public PasswordField maskedInput() {
        return masked;
    }

    public TextField clearInput() {
        return clear;
    }

    public ToggleButton revealToggle() {
        return reveal;
    }

    /** Accessible names for the hidden and shown states and for the toggle. */
    public void setAccessibleNames(String hiddenName, String shownName, String toggleName) {
        masked.setAccessibleText(hiddenName);
        clear.setAccessibleText(shownName);
        reveal.setAccessibleText(toggleName);
    }
}
