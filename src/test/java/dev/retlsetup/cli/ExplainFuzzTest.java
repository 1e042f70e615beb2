package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.testing.AdversarialText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code explain} on long adversarial inputs: it never crashes (no StackOverflowError, no stack
 * trace), never stalls, always prints one JSON object with a category, and says when it did not
 * read everything.
 */
class ExplainFuzzTest {
    /** A stall guard, not a performance measure: a regex gone quadratic takes minutes, not seconds. */
    private static final Duration STALL = Duration.ofSeconds(20);

    record Result(int code, String out, String err) {
    }

    static Result explain(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("explain"), Arrays.stream(args)).toArray(String[]::new);
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of()).run(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> explainNeverCrashesOrStallsOnLongAdversarialInput() {
        List<String> cases = AdversarialText.cases(20240611L, 12);
        return cases.stream().map(text -> DynamicTest.dynamicTest(AdversarialText.describe(text), () -> {
            Result json = assertTimeoutPreemptively(STALL, () -> explain(text, "--json"));
            assertEquals(0, json.code(), json.err());
            assertFalse(json.err().contains("Exception"), json.err());
            assertFalse(json.out().contains("\tat "), "no stack trace on stdout");
            JsonNode root = new ObjectMapper().readTree(json.out());
            Category.valueOf(root.get("category").asText());
            assertFalse(root.get("explanation").asText().isBlank());

            Result plain = assertTimeoutPreemptively(STALL, () -> explain(text));
            assertEquals(0, plain.code(), plain.err());
            assertFalse(plain.out().contains("StackOverflowError"));
        }));
    }

    @Test
    void theCrashingTextsOfIssue11AreExplained() {
        for (String text : List.of("a.".repeat(1000), "A ".repeat(3000), "does not have " + "A ".repeat(3000) + "on table x")) {
            Result r = explain(text, "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().trim().startsWith("{") && r.out().trim().endsWith("}"), r.out());
        }
    }

    @Test
    void saysHowMuchOfAnOverlongTextWasNotRead() throws Exception {
        String text = "User does not have USE SCHEMA on Schema 'main.marketing'.\n" + "x".repeat(200_000);
        Result r = explain(text, "--json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("MISSING_USE_SCHEMA", root.get("category").asText());
        int notRead = root.get("notRead").get("characters").asInt();
        assertTrue(notRead > 100_000, r.out());
        assertTrue(root.get("explanation").asText().contains("characters in its middle were not read"),
                root.get("explanation").asText());
    }

    @Test
    void saysWhenStandardInputWasLongerThanItReads() throws Exception {
        Result r = explain("Invalid access token. " + "z".repeat(1024 * 1024 + 10), "--json");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("Only the first 1024 KB of standard input were read"), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.get("notRead").get("inputTruncated").asBoolean());
        assertEquals("ACCESS_TOKEN_REJECTED", root.get("category").asText());
    }
}
