package dev.retlsetup.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Long inputs built to hurt regular expressions and parsers: long dotted names, long runs of
 * capital words, unbalanced quotes and backticks, wrapper prefixes repeated thousands of times,
 * huge single lines. Shared by the fuzz tests of {@code explain} and {@code validate}.
 */
public final class AdversarialText {
    private AdversarialText() {
    }

    /** The fixed cases (each 2 KB to 3 MB), then {@code randomCount} seeded mixtures of them. */
    public static List<String> cases(long seed, int randomCount) {
        List<String> out = new ArrayList<>(List.of(
                "a.".repeat(1000),
                "A ".repeat(3000),
                "does not have " + "A ".repeat(3000) + "on table x",
                "User does not have " + "USE ".repeat(5000) + "on Schema 'x'",
                "Catalog " + "a.".repeat(50_000) + " not found",
                "The table or view " + "`a`.".repeat(20_000) + " cannot be found",
                "`".repeat(100_000),
                "'" + "x".repeat(200_000),
                "\"" + "y".repeat(200_000),
                "errorMessage:" + "x".repeat(500_000),
                "displayMessage:" + ", displayMessage:".repeat(50_000),
                "[Simba][SparkJDBCDriver](500593) ".repeat(20_000),
                "<html><title>".repeat(50_000),
                "Error: cannot read a: ".repeat(30_000),
                "Source IP address: " + "1.".repeat(100_000) + " is blocked",
                "HTTP Response code: ".repeat(40_000) + "403",
                "\n\tat x.Y.z(Y.java:1)".repeat(100_000) + "\nCaused by: java.net.UnknownHostException: h.example.com",
                "%".repeat(300_000),
                "\\".repeat(300_000),
                "{".repeat(100_000) + "}".repeat(100_000),
                "\u0000".repeat(100_000),
                "\uD800".repeat(50_000),
                "🙂".repeat(100_000),
                "jdbc:databricks://" + "h;".repeat(100_000),
                "a".repeat(3 * 1024 * 1024)));
        RandomText random = new RandomText(seed);
        List<String> pieces = List.of("a.", "A ", "`", "'", "\"", "does not have ", " on Schema ", "Catalog ",
                "[Simba][Hardy] (35) ", "HTTP Response code: 403", "<html>", "errorMessage:", "displayMessage:",
                "Invalid SessionHandle", "\n", "\t", "USE SCHEMA ", "PWD=", "dapi", ";", "//", "%2", "\\u", "🙂");
        for (int i = 0; i < randomCount; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 20_000) {
                text.append(random.fragments(pieces, 400));
            }
            out.add(text.toString());
        }
        return out;
    }

    /** A short description of a case for assertion messages (never the whole text). */
    public static String describe(String text) {
        String head = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return text.length() + " chars starting " + head.replace("\n", "\\n");
    }
}
