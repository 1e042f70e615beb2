package dev.retlsetup.report;

import dev.retlsetup.source.SourceSettings;
import java.util.Objects;

/**
 * What a report is about: the validated settings that were tested, and where they came from.
 *
 * @param settings     the normalized settings; the secret in them is only used to mask it, never written
 * @param sourceName   the saved source's name, or {@code null} when the settings were not saved (yet)
 * @param demoScenario the demo workspace's scenario when the test ran against the built-in demo, else {@code null}
 */
public record ReportSubject(SourceSettings settings, String sourceName, String demoScenario) {
    public ReportSubject {
        Objects.requireNonNull(settings, "settings");
        sourceName = blankToNull(sourceName);
        demoScenario = blankToNull(demoScenario);
    }

    /** Settings with no saved name, not from the demo. */
    public static ReportSubject of(SourceSettings settings) {
        return new ReportSubject(settings, null, null);
    }

    boolean demo() {
        return demoScenario != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
