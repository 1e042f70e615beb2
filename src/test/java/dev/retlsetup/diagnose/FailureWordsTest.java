package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The words a user reads first: a headline that names the real cause, and sections that say different things. */
public class FailureWordsTest {
    /** HTTP codes (not the parts of an IP address), API enum words (PERMISSION_DENIED, STOPPED), command-line flags, "UUID". */
    public static final Pattern ENGINEER_SPEAK = Pattern.compile(
            "HTTP \\d|(?<![\\w.])[1-5]\\d\\d(?![\\w.])|\\b[A-Z]+_[A-Z_]+\\b|\\b(?:STOPPED|STARTING|STOPPING|RUNNING|DELETED)\\b|(?<![\\w-])--[a-z]|UUID");

    private final Explanations explanations = new Explanations();
    private final RemediationWriter writer = new RemediationWriter(explanations);

    /** Asserts the headline is plain words. */
    public static void assertPlainHeadline(String headline, String where) {
        assertFalse(headline == null || headline.isBlank(), where);
        assertFalse(ENGINEER_SPEAK.matcher(headline).find(), () -> where + ": engineer-speak in the headline: " + headline);
    }

    /** No sentence of what it means comes back in how to fix it. */
    public static void assertNoRepeat(String explanation, List<String> steps, String where) {
        Set<String> meant = sentences(explanation);
        for (String step : steps) {
            assertFalse(step.strip().equals(explanation == null ? "" : explanation.strip()), where + ": " + step);
            Set<String> shared = new HashSet<>(sentences(step));
            shared.retainAll(meant);
            assertTrue(shared.isEmpty(), () -> where + ": said twice: " + shared);
        }
    }

    static Set<String> sentences(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("(?<=[.!?:])\\s+")).map(String::strip).filter(s -> s.length() > 12)
                .collect(Collectors.toSet());
    }

    @Test
    void everyCategoryHasAPlainHeadlineWithAndWithoutAnObject() {
        for (Category category : Category.values()) {
            Diagnosis named = new Diagnosis(category, List.of(category == Category.IP_BLOCKED ? "198.51.100.7"
                    : "main.marketing"), null, "");
            Diagnosis unnamed = new Diagnosis(category, List.of(), null, "");
            assertPlainHeadline(explanations.headline(named), category + " with an object");
            assertPlainHeadline(explanations.headline(unnamed), category + " without one");
            assertPlainHeadline(explanations.title(category), category + " title");
            assertFalse(explanations.headline(unnamed).contains("{"), category.name());
        }
    }

    @Test
    void theIpBlockedHeadlineNamesTheIpAccessList() {
        Diagnosis d = new ErrorClassifier().classify(
                "HTTP 403: {\"error_code\":\"403\",\"message\":\"Source IP address: 198.51.100.7 is blocked by Databricks IP ACL for workspace: 1\"}");
        assertEquals(Category.IP_BLOCKED, d.category());
        assertEquals("The workspace’s IP access list blocks your address 198.51.100.7", explanations.headline(d));
        assertTrue(explanations.headline(new Diagnosis(Category.IP_BLOCKED, List.of(), null, "")).contains("IP access list"));
    }

    @Test
    void whatItMeansAndHowToFixItNeverSayTheSameSentence() {
        for (Category category : Category.values()) {
            for (List<String> objects : List.of(List.<String>of(), List.of("main.marketing"))) {
                Diagnosis d = new Diagnosis(category, objects, null, "");
                Remediation fix = writer.write(d, "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", null, "main");
                assertNoRepeat(explanations.explanation(d), fix.steps(), category + " " + objects);
            }
        }
    }

    @Test
    void noStepPointsAtTextThatIsNotThere() {
        for (Category category : Category.values()) {
            Remediation fix = writer.write(new Diagnosis(category, List.of("main.marketing"), null, ""));
            for (String step : fix.steps()) {
                assertFalse(step.toLowerCase().contains("text below"), category + ": " + step);
            }
        }
    }

    @Test
    void bundleWritesApostrophesAsTypographicOnes() throws Exception {
        try (var in = Explanations.class.getResourceAsStream("messages.properties")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    assertFalse(line.contains("'"), line);
                }
            }
        }
    }
}
