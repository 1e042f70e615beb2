package dev.retlsetup.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The German bundles match their base bundles exactly: every key is there, no key is extra, the placeholders
 * are the same, no plain apostrophe (MessageFormat's quote), and the texts really are translated.
 */
class GermanBundlesTest {
    /** The bundles translated so far; check, diagnose and report follow (their wording is still changing). */
    static final List<Messages> TRANSLATED = List.of(Messages.UI, Messages.SOURCE, Messages.STORE, Messages.CHECK,
            Messages.DIAGNOSE, Messages.REPORT, Messages.MODEL, Messages.ADMIN);
    /** An argument and its format type ({0}, {1,number}, {0,choice…): the words inside a choice are translated. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,\\s*\\w+)?");

    @Test
    void everyKeyOfEachTranslatedBaseBundleIsInItsGermanBundleWithTheSamePlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Messages messages : TRANSLATED) {
            String path = "/" + messages.baseName().replace('.', '/');
            Properties base = load(path + ".properties");
            Properties german = load(path + "_de.properties");
            for (String key : new TreeSet<>(base.stringPropertyNames())) {
                if (!german.containsKey(key)) {
                    problems.add(messages.baseName() + "_de lacks " + key);
                } else if (!placeholders(base.getProperty(key)).equals(placeholders(german.getProperty(key)))) {
                    problems.add(messages.baseName() + "_de " + key + ": placeholders " + placeholders(german.getProperty(key))
                            + " instead of " + placeholders(base.getProperty(key)));
                }
            }
            for (String key : german.stringPropertyNames()) {
                if (!base.containsKey(key)) {
                    problems.add(messages.baseName() + "_de has " + key + ", which the base bundle does not");
                }
                if (german.getProperty(key).contains("'")) {
                    problems.add(messages.baseName() + "_de " + key + " has a plain apostrophe");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void germanTextsAreShownInAGermanLocale() {
        assertEquals("_Weiter", Messages.UI.in(java.util.Locale.GERMANY).text("button.next"));
        assertEquals("Geben Sie den Server-Hostnamen Ihres Databricks-Workspace ein.",
                Messages.SOURCE.in(java.util.Locale.GERMAN).text("host.required"));
        assertEquals("_Next", Messages.UI.in(java.util.Locale.ENGLISH).text("button.next"));
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : m.group(2).replace(" ", "")));
        }
        found = new ArrayList<>(new java.util.TreeSet<>(found));
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GermanBundlesTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " exists");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
