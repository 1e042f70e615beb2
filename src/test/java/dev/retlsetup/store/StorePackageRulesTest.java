package dev.retlsetup.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StorePackageRulesTest {
    @Test
    void storePackageImportsNoJavaFxOrUi() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/retlsetup/store"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    for (String banned : List.of("javafx.", "dev.retlsetup.ui")) {
                        assertFalse(line.contains(banned), file + ": " + line);
                    }
                }
            }
        }
    }
}
