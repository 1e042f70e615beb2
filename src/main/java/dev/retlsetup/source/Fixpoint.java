package dev.retlsetup.source;

import java.util.function.UnaryOperator;

/**
 * Repeats one normalizing step until the text stops changing. This is what makes every normalizer
 * idempotent: a value that needed several rounds (quotes inside backticks inside quotes) comes out the
 * same when it is normalized again.
 */
final class Fixpoint {
    /** Enough for any nesting people paste; bounds the work for adversarial input. */
    private static final int MAX_ROUNDS = 16;

    private Fixpoint() {
    }

    /** {@code step} applied to {@code raw} ({@code null} is "") until nothing changes, at most 16 times. */
    static String of(String raw, UnaryOperator<String> step) {
        String s = raw == null ? "" : raw;
        for (int i = 0; i < MAX_ROUNDS; i++) {
            String next = step.apply(s);
            if (next.equals(s)) {
                return s;
            }
            s = next;
        }
        return s;
    }
}
