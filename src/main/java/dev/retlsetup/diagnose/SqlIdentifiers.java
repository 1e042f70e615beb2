package dev.retlsetup.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Databricks SQL identifiers: quoting with backticks only where needed, and splitting names. */
public final class SqlIdentifiers {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z0-9_.-]+>");
    /**
     * Words Databricks always reserves (docs: "Reserved words and schemas"), plus the words of the
     * GRANT grammar itself: a bare {@code to} or {@code on} as a name would be misread.
     */
    private static final Set<String> RESERVED = Set.of(
            "ANTI", "CROSS", "EXCEPT", "FULL", "INNER", "INTERSECT", "JOIN", "LATERAL", "LEFT", "MINUS",
            "NATURAL", "ON", "RIGHT", "SEMI", "UNION", "USING", "TO", "ALL", "NULL");

    private SqlIdentifiers() {
    }

    /**
     * One identifier part, backticked only when it is not {@code [A-Za-z_][A-Za-z0-9_]*} (or is a
     * reserved word); embedded backticks are doubled. A placeholder like {@code <catalog>} is
     * returned unchanged so it stays visibly a placeholder.
     */
    public static String quote(String part) {
        if (part == null) {
            throw new IllegalArgumentException("identifier is null");
        }
        if (PLACEHOLDER.matcher(part).matches()) {
            return part;
        }
        if (PLAIN.matcher(part).matches() && !RESERVED.contains(part.toUpperCase(Locale.ROOT))) {
            return part;
        }
        return always(part);
    }

    /** Always in backticks: used for principals, whose application ID contains dashes anyway. */
    public static String always(String part) {
        return "`" + part.replace("`", "``") + "`";
    }

    /** A dotted name from its parts, each quoted as {@link #quote} does. */
    public static String qualified(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(quote(part));
        }
        return out.toString();
    }

    /** A dotted name, re-quoted: {@code `main`.`btda-dea`} and {@code main.btda-dea} both give {@code main.`btda-dea`}. */
    public static String requote(String name) {
        return qualified(parts(name).toArray(String[]::new));
    }

    /**
     * Splits a dotted name into its parts, honouring backticks ({@code `a.b`.c} is two parts;
     * doubled backticks inside quotes are one). Surrounding single or double quotes are removed.
     */
    public static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        if (name == null) {
            return parts;
        }
        String s = name.trim();
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder current = new StringBuilder();
        boolean inTicks = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inTicks) {
                if (c == '`') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '`') {
                        current.append('`');
                        i++;
                    } else {
                        inTicks = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '`') {
                inTicks = true;
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /**
     * A readable, normalized form of a name: dots between parts, no backticks unless a part itself
     * contains a dot or a backtick ({@code `main`.`sales`.`x`} → {@code main.sales.x},
     * {@code `btda-dea`} → {@code btda-dea}).
     */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : parts(name)) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(part.contains(".") || part.contains("`") ? always(part) : part);
        }
        return out.toString();
    }
}
