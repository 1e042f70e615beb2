package dev.retlsetup.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way to split the Schemas field: items separated by commas, semicolons, spaces or new lines
 * (any Unicode space or invisible character counts as a space). Items come back exactly as typed; cleaning
 * them (backticks, case) is the validator's job.
 */
public final class SchemaList {
    private SchemaList() {
    }

    /** The typed items in order, without empty ones; never {@code null}. */
    public static List<String> split(String typed) {
        List<String> items = new ArrayList<>();
        String s = typed == null ? "" : typed;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ',';
            if (c == ',' || c == ';' || Text.isJunk(c)) {
                if (current.length() > 0) {
                    items.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        return items;
    }

    /** The items as one text for the Schemas field. */
    public static String join(List<String> items) {
        return String.join(", ", items);
    }
}
