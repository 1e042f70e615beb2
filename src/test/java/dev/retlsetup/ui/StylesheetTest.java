package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** The one stylesheet parses without an error: JavaFX skips the rest of a broken rule and only warns on stderr. */
class StylesheetTest {
    @Test
    void wizardCssParsesWithoutErrors() throws IOException {
        CssParser.errorsProperty().clear();
        new CssParser().parse(MainWindow.class.getResource("wizard.css"));
        List<String> errors = CssParser.errorsProperty().stream().map(CssParser.ParseError::toString).toList();
        assertEquals(List.of(), errors);
    }
}
