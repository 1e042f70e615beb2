package dev.retlsetup.demo;

import java.util.ArrayList;
import java.util.List;

/** Splits a statement into words, backticked identifiers, numbers, string literals and symbols. */
final class SqlLexer {
    enum Kind { WORD, QUOTED_IDENTIFIER, NUMBER, STRING, SYMBOL, END }

    /** {@code position} is the offset in the statement, used for PARSE_SYNTAX_ERROR's "pos". */
    record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokenize(String sql) throws SqlError {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), start));
            } else if (c == '`' || c == '\'' || c == '"') {
                int start = i;
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw DatabricksErrors.parseSyntax(sql, start);
                }
                Kind kind = c == '`' ? Kind.QUOTED_IDENTIFIER : Kind.STRING;
                tokens.add(new Token(kind, sql.substring(start + 1, end), start));
                i = end + 1;
            } else if ("(),.*;=".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw DatabricksErrors.parseSyntax(sql, i);
            }
        }
        tokens.add(new Token(Kind.END, "", sql.length()));
        return tokens;
    }
}
