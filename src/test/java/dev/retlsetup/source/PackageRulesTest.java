package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PackageRulesTest {
    @Test
    void sourcePackageImportsNoJavaFxUiOrCheck() throws IOException {
        Path dir = Path.of("src/main/java/dev/retlsetup/source");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        for (String banned : List.of("javafx.", "dev.retlsetup.ui", "dev.retlsetup.check")) {
                            assertFalse(line.contains(banned), file + ": " + line);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyMessageFormatsAndEveryFixHasItsMessage() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        Messages messages = Messages.forLocale(Locale.ROOT);
        for (String key : bundle.keySet()) {
            String pattern = bundle.getString(key);
            assertFalse(pattern.contains("'"), key + ": use ’ instead of ' (MessageFormat drops plain quotes)");
            assertFalse(messages.text(key, "A", "B", "C", "D", "E").isBlank(), key);
            if (key.endsWith(".fix")) {
                assertTrue(bundle.containsKey(key.substring(0, key.length() - 4)), "fix without message: " + key);
            }
        }
        for (Field field : Field.values()) {
            assertTrue(bundle.containsKey("field." + field.jsonName()));
        }
        for (Cloud cloud : Cloud.values()) {
            assertTrue(bundle.containsKey("cloud." + cloud.name()));
        }
    }
}
