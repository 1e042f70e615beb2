package dev.retlsetup.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Seeded generators for property-style tests: the same seed gives the same inputs, so a failure
 * is reproducible, and the failing input is named in the assertion message.
 */
public final class RandomText {
    private final Random random;

    public RandomText(long seed) {
        this.random = new Random(seed);
    }

    /** Up to {@code maxPieces} fragments glued together: texts close to the real formats. */
    public String fragments(List<String> pieces, int maxPieces) {
        int count = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }

    /** Any UTF-16 code units, including control characters, lone surrogates and NUL. */
    public String anyChars(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Any code points (emoji, accents, right-to-left...). */
    public String anyCodePoints(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (Character.isValidCodePoint(cp)) {
                text.appendCodePoint(cp);
            }
        }
        return text.toString();
    }

    public String ascii(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(128));
        }
        return text.toString();
    }

    /** One of the given generators, chosen at random (null stands for a missing value). */
    @SafeVarargs
    public final String oneOf(Supplier<String>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    /** Runs {@code check} on {@code tries} generated values, naming the failing one. */
    public static <T> void forAll(int tries, Supplier<T> generator, Consumer<T> check) {
        List<T> seen = new ArrayList<>(1);
        for (int i = 0; i < tries; i++) {
            T value = generator.get();
            seen.clear();
            seen.add(value);
            try {
                check.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed for input #" + i + ": " + describe(value), e);
            }
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder();
        String s = value.toString();
        for (int i = 0; i < Math.min(s.length(), 300); i++) {
            char c = s.charAt(i);
            text.append(c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.toString();
    }
}
