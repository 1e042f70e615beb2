package dev.retlsetup.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model core runs without a toolkit (the CLI and the wizard share it) and its words all format. */
class ModelPackageRulesTest {
    @Test
    void modelPackageImportsNoJavaFxUiStoreOrDemo() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/retlsetup/model"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        for (String banned : List.of("javafx.", "dev.retlsetup.ui", "dev.retlsetup.store",
                                "dev.retlsetup.demo", "dev.retlsetup.cli")) {
                            assertFalse(line.contains(banned), file + ": " + line);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyMessageFormats() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.retlsetup.model.messages");
        for (String key : bundle.keySet()) {
            String text = ModelText.get(key, 2, 2, 2, 2, 2);
            assertFalse(text.isBlank(), key);
            assertFalse(text.contains("{"), key + ": " + text);
        }
        assertTrue(ModelText.get("model.tables.passed", 1, "t").startsWith("The table the model reads is readable"));
        assertTrue(ModelText.get("model.tables.passed", 3, "t").startsWith("All 3 tables"));
    }
}
