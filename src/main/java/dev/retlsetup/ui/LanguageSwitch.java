package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The language picker at the foot of the sidebar: the operating system's language, English or German. The
 * choice is remembered ({@link UiSettings}) and applies the next time the app opens: texts already on screen
 * (findings, test results) were written in the old language, and a half-translated window helps nobody.
 */
final class LanguageSwitch {
    static final List<String> CHOICES = List.of("", "en", "de");

    private LanguageSwitch() {
    }

    static VBox create() {
        Label label = new Label(Messages.UI.text("language.label"));
        label.getStyleClass().add("sidebar-small");
        ComboBox<String> choice = new ComboBox<>();
        choice.getItems().setAll(CHOICES);
        choice.getStyleClass().add("language-choice");
        choice.setId("languageChoice");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return name(tag);
            }

            @Override
            public String fromString(String text) {
                return CHOICES.stream().filter(t -> name(t).equals(text)).findFirst().orElse("");
            }
        });
        choice.setValue(UiSettings.current().language().map(Locale::getLanguage).filter(CHOICES::contains).orElse(""));
        label.setLabelFor(choice);
        choice.setAccessibleText(Messages.UI.text("language.label"));
        Label note = new Label(Messages.UI.text("language.restart"));
        note.getStyleClass().add("sidebar-small");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setVisible(false);
        note.setManaged(false);
        choice.valueProperty().addListener((obs, old, now) -> {
            UiSettings.current().setLanguage(now == null || now.isEmpty() ? null : Locale.forLanguageTag(now));
            note.setVisible(true);
            note.setManaged(true);
        });
        VBox box = new VBox(4, label, choice, note);
        box.getStyleClass().add("language-switch");
        return box;
    }

    private static String name(String tag) {
        return switch (tag == null ? "" : tag) {
            case "en" -> Messages.UI.text("language.english");
            case "de" -> Messages.UI.text("language.german");
            default -> Messages.UI.text("language.system");
        };
    }
}
