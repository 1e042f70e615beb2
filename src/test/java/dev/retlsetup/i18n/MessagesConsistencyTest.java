package dev.retlsetup.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundles and the code agree: every key the code names exists in its bundle, every key in a bundle is used,
 * every text formats, and apostrophes are written so that MessageFormat and FXML show them alike.
 */
class MessagesConsistencyTest {
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    /** {@code Messages.UI.text("key"} and the like: a literal key given to one bundle. */
    private static final Pattern LOOKUP =
            Pattern.compile("Messages\\.([A-Z]+)\\.(?:text|optional|has)\\(\\s*\"([A-Za-z0-9_.\\-]+)\"\\s*[,)]");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9_.\\-]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");

    private static final Map<String, Messages> BUNDLES = new LinkedHashMap<>();
    private static final Map<String, Properties> PROPERTIES = new LinkedHashMap<>();
    private static String code;
    private static Set<String> literals;

    @BeforeAll
    static void read() throws Exception {
        for (Field field : Messages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Messages.class) {
                Messages messages = (Messages) field.get(null);
                BUNDLES.put(field.getName(), messages);
                Path file = MAIN_RESOURCES.resolve(messages.baseName().replace('.', '/') + ".properties");
                Properties properties = new Properties();
                if (Files.exists(file)) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                }
                PROPERTIES.put(field.getName(), properties);
            }
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                Matcher m = FXML_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    all.append('"').append(m.group(1)).append("\"\n");
                }
            }
        }
        code = all.toString();
        literals = new HashSet<>();
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            literals.add(m.group(1));
        }
    }

    @Test
    void everyBundleOfTheAppIsReadThroughMessages() throws IOException {
        Set<String> known = new HashSet<>();
        BUNDLES.values().forEach(b -> known.add(b.baseName().replace('.', '/') + ".properties"));
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("messages.properties")).toList()) {
                String name = MAIN_RESOURCES.relativize(file).toString().replace('\\', '/');
                assertTrue(known.contains(name), name + " has no constant in Messages");
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        List<String> missing = new ArrayList<>();
        Matcher m = LOOKUP.matcher(code);
        while (m.find()) {
            Properties bundle = PROPERTIES.get(m.group(1));
            if (bundle == null || !bundle.containsKey(m.group(2))) {
                missing.add(m.group(1) + ": " + m.group(2));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyInABundleIsUsed() {
        Set<String> unused = new TreeSet<>();
        PROPERTIES.forEach((name, bundle) -> bundle.stringPropertyNames().stream()
                .filter(key -> !used(key))
                .forEach(key -> unused.add(name + ": " + key)));
        assertEquals(Set.of(), unused);
    }

    /**
     * A key is used when the code names it whole, or names a part of it that the rest is joined to: a prefix
     * ({@code "add.saved." + kind}), a suffix ({@code category + ".explanation"}), or the message a {@code .fix}
     * belongs to.
     */
    private static boolean used(String key) {
        if (literals.contains(key)) {
            return true;
        }
        if (key.endsWith(".fix") && used(key.substring(0, key.length() - 4))) {
            return true;
        }
        for (int i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) {
            String prefix = key.substring(0, i + 1);
            String suffix = key.substring(i);
            String bareSuffix = suffix.replaceAll("\\d+$", "");
            if (literals.contains(prefix) || literals.contains(suffix) || literals.contains(bareSuffix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyTextFormatsAndWritesApostrophesTypographically() {
        PROPERTIES.forEach((name, bundle) -> {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertFalse(pattern.contains("'"), name + " " + key + ": write ’, not ' (MessageFormat drops plain quotes)");
                Object[] args = new Object[24];
                java.util.Arrays.fill(args, 2);
                String text = BUNDLES.get(name).text(key, args);
                assertFalse(text.isBlank(), name + " " + key);
                assertFalse(text.matches("(?s).*\\{\\d+}.*"), name + " " + key + " has a placeholder it cannot fill");
            }
        });
    }

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("messages(_\\w+)?\\.properties")).toList()) {
                Set<String> keys = new HashSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0 && !keys.add(line.substring(0, eq).strip())) {
                        twice.add(MAIN_RESOURCES.relativize(file) + ": " + line.substring(0, eq).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), twice, "a later definition silently replaces the earlier one");
    }

    @Test
    void aMissingKeyShowsItselfAndNeverThrows() {
        assertEquals("no.such.key", Messages.UI.text("no.such.key", 1, 2));
        assertEquals(null, Messages.CHECK.optional("no.such.key"));
    }
}
