package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void everyFieldAndCloudHasItsName() {
        for (Field field : Field.values()) {
            assertFalse(field.displayName().equals("field." + field.jsonName()), field.name());
        }
        for (Cloud cloud : Cloud.values()) {
            assertTrue(Messages.SOURCE.has("cloud." + cloud.name()), cloud.name());
        }
    }
}
