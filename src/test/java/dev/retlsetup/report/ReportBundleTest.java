package dev.retlsetup.report;

import dev.retlsetup.i18n.Messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportBundleTest {
    static final Path SOURCES = Path.of("src/main/java/dev/retlsetup/report");
    /** A key handed to the bundle: {@code text("key"} or a key literal chosen in a conditional. */
    static final Pattern KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z]+)+)\"");

    static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportWriter.class.getResourceAsStream("messages.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every dotted string literal in the renderer's sources (resource names excluded). */
    static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".css") && !key.endsWith(".properties") && !key.startsWith("dev.")) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheReportUsesExistsInItsBundle() throws IOException {
        Properties bundle = bundle();
        Set<String> used = keysInSources();
        assertTrue(used.size() > 40, "the scan finds the keys: " + used);
        for (String key : used) {
            assertTrue(bundle.containsKey(key), "missing in report/messages.properties: " + key);
        }
    }

    @Test
    void everyKeyInTheBundleIsUsed() throws IOException {
        Set<String> unused = new TreeSet<>(bundle().stringPropertyNames());
        unused.removeAll(keysInSources());
        assertEquals(Set.of(), unused, "keys no code uses");
    }

    @Test
    void everyTextFormatsWithoutLeftoverQuotesOrBraces() throws IOException {
        Messages m = Messages.REPORT.in(Locale.ENGLISH);
        for (String key : bundle().stringPropertyNames()) {
            String text = m.text(key, 2, 3);
            assertFalse(text.contains("'"), key + ": write apostrophes as ’ (MessageFormat drops ')");
            assertFalse(text.contains("{") && !key.equals("date.pattern"), key + ": " + text);
        }
        assertEquals("One problem stops Segment from connecting", m.text("verdict.failed", 1));
        assertEquals("3 problems stop Segment from connecting", m.text("verdict.failed", 3));
    }

    @Test
    void aMissingKeyShowsAsItselfAndNeverThrows() {
        assertEquals("no.such.key", Messages.REPORT.in(Locale.GERMAN).text("no.such.key", 1));
    }

    @Test
    void reportPackageReadsValidatedSettingsAndKeepsOutOfTheUi() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                for (String banned : Set.of("SourceValidator", "SourceInput", "javafx.", "dev.retlsetup.ui")) {
                    assertFalse(text.contains(banned), file + " uses " + banned);
                }
            }
        }
    }
}
