package dev.retlsetup.source;

/** String helpers shared by the normalizers. None of them throws, whatever the input. */
final class Text {
    private Text() {
    }

    /** White space, control characters, no-break and zero-width spaces, byte-order marks. */
    static boolean isSpaceOrInvisible(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** {@code null} to "", and {@linkplain #isSpaceOrInvisible spaces and invisible characters} removed from both ends. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpaceOrInvisible(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpaceOrInvisible(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@link #clean}, then matching quotes or angle brackets around the whole removed, pair after pair. */
    static String unquote(String s) {
        String t = clean(s);
        while (t.length() >= 2) {
            char a = t.charAt(0);
            char b = t.charAt(t.length() - 1);
            if ((a == '"' && b == '"') || (a == '\'' && b == '\'') || (a == '<' && b == '>')
                    || (a == '“' && b == '”') || (a == '‘' && b == '’')) {
                t = clean(t.substring(1, t.length() - 1));
            } else {
                break;
            }
        }
        return t;
    }

    static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** True when any character of {@code s}, at the ends or inside, is a space or invisible. */
    static boolean containsSpaceOrInvisible(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSpaceOrInvisible(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A UUID in its 8-4-4-4-12 form, any case. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(String.valueOf(c))) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive prefix test that never throws. */
    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** {@code s} without the dots at its end. */
    static String stripTrailingDots(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
