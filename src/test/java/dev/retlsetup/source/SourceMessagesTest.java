package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The source package's message bundle: every text formats, and every field and cloud has its label. */
class SourceMessagesTest {
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
