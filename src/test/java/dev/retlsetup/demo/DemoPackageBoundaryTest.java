package dev.retlsetup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The emulator is a peer on the wire: it must not reach into the application it is testing. */
class DemoPackageBoundaryTest {
    @Test
    void demoPackageImportsNothingFromTheRestOfTheApplication() throws IOException {
        Path sources = Path.of("src/main/java/dev/retlsetup/demo");
        assertTrue(Files.isDirectory(sources), "run from the project directory");
        List<String> offending;
        try (Stream<Path> files = Files.list(sources)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(line -> line.matches("\\s*import\\s+(static\\s+)?dev\\.retlsetup\\..*")
                                    && !line.matches("\\s*import\\s+(static\\s+)?dev\\.retlsetup\\.demo\\..*"))
                            .map(line -> f.getFileName() + ": " + line.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
    }
}
