package dev.retlsetup.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into statements at top-level semicolons, the way a SQL editor does: semicolons in
 * string literals, backticked names and comments do not count. Works on any text, parsable or not.
 */
final class SqlText {
    private SqlText() {
    }

    /** The non-empty statements, each without its terminating semicolon, comments kept. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = skip(sql, i);
            if (end > i) {
                current.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current.toString());
        return statements;
    }

    /** The text with comments replaced by spaces and literals kept, for looking at keywords. */
    static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end = skip(sql, i);
            if (end > i) {
                boolean comment = sql.startsWith("--", i) || sql.startsWith("/*", i);
                out.append(comment ? " " : sql.substring(i, end));
                i = end;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The first word of the statement (after comments and opening parentheses), upper case, or "". */
    static String firstWord(String statement) {
        String text = withoutComments(statement).strip();
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '(' || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(start, i).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Backticked names as standard double-quoted ones ({@code `a``b`} → {@code "a`b"}), so a standard
     * SQL parser reads Databricks' escapes; literals and comments are left as they are.
     */
    static String backticksAsDoubleQuotes(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            int end = skip(sql, i);
            if (end > i && sql.charAt(i) == '`') {
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("``", "`");
                out.append('"').append(inner.replace("\"", "\"\"")).append('"');
                i = end;
            } else if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(sql.charAt(i++));
            }
        }
        return out.toString();
    }

    private static void add(List<String> statements, String statement) {
        if (!withoutComments(statement).isBlank()) {
            statements.add(statement.strip());
        }
    }

    /** The end of the literal, quoted name or comment starting at {@code i}, or {@code i} when none does. */
    private static int skip(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '-' && sql.startsWith("--", i)) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline;
        }
        if (c == '/' && sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < sql.length()) {
                char d = sql.charAt(j);
                if (d == '\\' && c != '`') {
                    j += 2;
                } else if (d == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return sql.length();
        }
        return i;
    }
}
