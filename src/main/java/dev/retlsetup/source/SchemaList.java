package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Schemas typed as one text ({@code main.sales, main.marketing}): the one way to cut that text into
 * items and to write a list back. Splitting does not clean the items (backticks, case) nor drop
 * duplicates; {@link SourceValidator#schemas(String)} does that on top.
 */
public final class SchemaList {
    /** What {@link #join} puts between two schemas. */
    public static final String SEPARATOR = ", ";

    private SchemaList() {
    }

    /**
     * The items of {@code typed}, in order, cut at commas, semicolons, white space and invisible
     * characters (no-break and zero-width spaces, control characters, byte-order marks). No item is empty;
     * {@code null} or blank text is an empty list. Never throws.
     */
    public static List<String> split(String typed) {
        String s = typed == null ? "" : typed;
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || Text.isSpaceOrInvisible(c)) {
                addNonEmpty(items, current);
            } else {
                current.append(c);
            }
        }
        addNonEmpty(items, current);
        return List.copyOf(items);
    }

    /** The schemas as one text, separated by {@value #SEPARATOR}; {@code null} is "". */
    public static String join(List<String> schemas) {
        return schemas == null ? "" : String.join(SEPARATOR, schemas);
    }

    private static void addNonEmpty(List<String> items, StringBuilder current) {
        if (current.length() > 0) {
            items.add(current.toString());
            current.setLength(0);
        }
    }
}
