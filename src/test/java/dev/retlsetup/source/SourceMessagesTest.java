package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import org.junit.jupiter.api.Test;

/** The source package's labels: every field and cloud has one (the bundle-wide rules are MessagesConsistencyTest's). */
class SourceMessagesTest {
    @Test
    void everyFieldAndCloudHasItsName() {
        for (Field field : Field.values()) {
            assertFalse(field.displayName().equals("field." + field.jsonName()), field.name());
        }
        for (Cloud cloud : Cloud.values()) {
            assertTrue(Messages.SOURCE.has("cloud." + cloud.name()), cloud.name());
        }
    }

    @Test
    void everyFixHasItsMessage() {
        var bundle = Messages.SOURCE.bundle();
        for (String key : bundle.keySet()) {
            if (key.endsWith(".fix")) {
                assertTrue(bundle.containsKey(key.substring(0, key.length() - 4)), "fix without message: " + key);
            }
        }
    }
}
