package dev.retlsetup.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for a mistyped option or command: the closest known word within a small edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known word closest to {@code typed} (optimal string alignment distance: insertions, deletions,
     * substitutions and swapped neighbours), if it is close enough to be a typo: at most one edit for short
     * words, two from five letters on, a third of the word at most. Ties go to the first in {@code known}.
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        String word = strip(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(word, strip(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(word.length() >= 5 ? 2 : 1, word.length() / 3 + 1));
        return best != null && bestDistance > 0 && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** A sentence end for an error: {@code "; did you mean --host?"}, or "" when nothing is close. */
    static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> "; did you mean " + s + "?").orElse("");
    }

    private static String strip(String option) {
        String s = option.toLowerCase(Locale.ROOT);
        int eq = s.indexOf('=');
        if (s.startsWith("--") && eq > 0) {
            s = s.substring(0, eq);
        }
        return s.replaceFirst("^-+", "");
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
