package dev.retlsetup.demo;

import dev.retlsetup.demo.SqlLexer.Kind;
import dev.retlsetup.demo.SqlLexer.Token;
import dev.retlsetup.demo.SqlStatement.ColumnDef;
import dev.retlsetup.demo.SqlStatement.Name;
import dev.retlsetup.demo.SqlStatement.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the emulator's small dialect. Anything else fails with
 * PARSE_SYNTAX_ERROR pointing at the first token it could not use, like Spark's parser does.
 */
final class SqlParser {
    private static final Set<String> FUNCTIONS = Set.of(
            "current_user", "session_user", "current_catalog", "current_schema", "current_database", "current_version");

    private final String sql;
    private final List<Token> tokens;
    private int next;

    private SqlParser(String sql) throws SqlError {
        this.sql = sql;
        this.tokens = SqlLexer.tokenize(sql);
    }

    static SqlStatement parse(String sql) throws SqlError {
        SqlParser parser = new SqlParser(sql);
        SqlStatement statement = parser.statement();
        if (parser.peek().isSymbol(";")) {
            parser.next++;
        }
        parser.expectEnd();
        return statement;
    }

    /** Words a query beyond this dialect may use where the dialect stops reading (so no typo). */
    private static final Set<String> QUERY_WORDS = Set.of("WHERE", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "FULL",
            "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "BY", "HAVING", "QUALIFY", "UNION", "EXCEPT", "INTERSECT",
            "MINUS", "LIMIT", "OFFSET", "AS", "WINDOW", "LATERAL", "DISTINCT", "ALL", "AND", "OR", "NOT", "IN", "IS",
            "CASE", "WHEN", "THEN", "ELSE", "END", "NULL", "TRUE", "FALSE", "SELECT", "FROM", "WITH", "VALUES", "OVER",
            "PARTITION", "BETWEEN", "LIKE", "ILIKE", "RLIKE", "EXISTS", "ASC", "DESC", "NULLS", "FIRST", "LAST",
            "INTERVAL", "CAST", "TABLESAMPLE", "PIVOT", "UNPIVOT", "CLUSTER", "DISTRIBUTE", "SORT");

    /**
     * When a query fails both this dialect and the SQL engine's full parser, which error to show: the
     * full parser's, unless this dialect stopped earlier at a plain word (a mistyped keyword such as
     * FORM), which is what Spark's own parser points at too.
     */
    static SqlError likelierSyntaxError(String sql, SqlError dialect, SqlError query) {
        if (!query.errorClass().equals("PARSE_SYNTAX_ERROR") || dialect.position() < 0) {
            return query;
        }
        try {
            for (Token token : SqlLexer.tokenize(sql)) {
                if (token.position() == dialect.position()) {
                    boolean plainWord = token.kind() == Kind.WORD
                            && !QUERY_WORDS.contains(token.text().toUpperCase(Locale.ROOT));
                    return plainWord && dialect.position() < query.position() ? dialect : query;
                }
            }
        } catch (SqlError unreadable) {
            return query;
        }
        return query;
    }

    private SqlStatement statement() throws SqlError {
        Token first = peek();
        if (accept("SELECT")) {
            return select();
        }
        if (accept("SHOW")) {
            return show();
        }
        if (accept("USE")) {
            if (accept("CATALOG")) {
                return new SqlStatement.UseCatalog(identifier());
            }
            accept("SCHEMA");
            accept("DATABASE");
            return new SqlStatement.UseSchema(name(2));
        }
        if (accept("GRANT")) {
            return grant();
        }
        if (accept("DESCRIBE") || accept("DESC")) {
            accept("TABLE");
            return new SqlStatement.Describe(name(3));
        }
        if (accept("CREATE")) {
            if (accept("SCHEMA") || accept("DATABASE")) {
                boolean ifNotExists = ifNotExists();
                return new SqlStatement.CreateSchema(name(2), ifNotExists);
            }
            expect("TABLE");
            boolean ifNotExists = ifNotExists();
            Name table = name(3);
            return new SqlStatement.CreateTable(table, ifNotExists, columnDefs());
        }
        if (accept("DROP")) {
            if (accept("SCHEMA") || accept("DATABASE")) {
                boolean ifExists = false;
                if (accept("IF")) {
                    expect("EXISTS");
                    ifExists = true;
                }
                return new SqlStatement.DropSchema(name(2), ifExists);
            }
            expect("TABLE");
            boolean ifExists = false;
            if (accept("IF")) {
                expect("EXISTS");
                ifExists = true;
            }
            return new SqlStatement.DropTable(name(3), ifExists);
        }
        if (accept("SET")) {
            return setConfig();
        }
        throw error(first);
    }

    private SqlStatement select() throws SqlError {
        if (peek().isSymbol("*") || (peek().isIdentifier() && !isFunctionCall() && lookAheadHasFrom())) {
            return selectFrom();
        }
        List<Value> values = new ArrayList<>();
        do {
            values.add(value());
        } while (acceptSymbol(","));
        return new SqlStatement.SelectValues(values);
    }

    private boolean lookAheadHasFrom() {
        for (int i = next; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("FROM")) {
                return true;
            }
        }
        return false;
    }

    private boolean isFunctionCall() {
        return peek().kind() == Kind.WORD && FUNCTIONS.contains(peek().text().toLowerCase(Locale.ROOT))
                && tokens.get(next + 1).isSymbol("(");
    }

    private SqlStatement selectFrom() throws SqlError {
        List<String> columns = new ArrayList<>();
        if (!acceptSymbol("*")) {
            do {
                columns.add(identifier());
            } while (acceptSymbol(","));
        }
        expect("FROM");
        Name table = name(3);
        Long limit = null;
        if (accept("LIMIT")) {
            Token number = take();
            if (number.kind() != Kind.NUMBER) {
                throw error(number);
            }
            limit = limit(number.text());
        }
        return new SqlStatement.SelectFrom(columns, table, limit);
    }

    /** LIMIT takes an INT; anything larger is refused as Spark refuses it. */
    private static long limit(String digits) throws SqlError {
        try {
            long n = Long.parseLong(digits);
            if (n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through: wider than a BIGINT
        }
        throw DatabricksErrors.limitNotInteger(digits);
    }

    private Value value() throws SqlError {
        Token token = take();
        Value value;
        if (token.kind() == Kind.NUMBER) {
            long number;
            try {
                number = Long.parseLong(token.text());
            } catch (NumberFormatException e) {
                throw error(token); // a DECIMAL literal: the SQL engine answers it
            }
            value = new Value(token.text(), number, null);
        } else if (token.kind() == Kind.STRING) {
            value = new Value(token.text(), token.text(), null);
        } else if (token.kind() == Kind.WORD && FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))) {
            expectSymbol("(");
            expectSymbol(")");
            String function = token.text().toLowerCase(Locale.ROOT);
            value = new Value(function + "()", null, function);
        } else {
            throw error(token);
        }
        if (accept("AS")) {
            return new Value(identifier(), value.literal(), value.function());
        }
        return value;
    }

    private SqlStatement show() throws SqlError {
        if (accept("CATALOGS")) {
            return new SqlStatement.ShowCatalogs();
        }
        if (accept("SCHEMAS") || accept("DATABASES")) {
            String catalog = null;
            if (accept("IN") || accept("FROM")) {
                catalog = identifier();
            }
            return new SqlStatement.ShowSchemas(catalog);
        }
        if (accept("TABLES")) {
            Name schema = null;
            if (accept("IN") || accept("FROM")) {
                schema = name(2);
            }
            return new SqlStatement.ShowTables(schema);
        }
        if (accept("GRANTS") || accept("GRANT")) {
            String principal = null;
            if (!peek().isWord("ON")) {
                principal = identifier();
            }
            expect("ON");
            Token typeToken = take();
            SecurableType type;
            try {
                type = SecurableType.parse(typeToken.text());
            } catch (IllegalArgumentException e) {
                throw error(typeToken);
            }
            int parts = type == SecurableType.CATALOG ? 1 : type == SecurableType.SCHEMA ? 2 : 3;
            return new SqlStatement.ShowGrants(principal, type, name(parts));
        }
        throw error(peek());
    }

    /** {@code GRANT USE SCHEMA, SELECT ON SCHEMA main.sales TO `principal`}. */
    private SqlStatement grant() throws SqlError {
        List<String> privileges = new ArrayList<>();
        StringBuilder privilege = new StringBuilder();
        while (!peek().isWord("ON")) {
            Token token = take();
            if (token.isSymbol(",") && privilege.length() > 0) {
                privileges.add(privilege.toString());
                privilege.setLength(0);
            } else if (token.kind() == Kind.WORD) {
                privilege.append(privilege.length() == 0 ? "" : " ").append(token.text().toUpperCase(Locale.ROOT));
            } else {
                throw error(token);
            }
        }
        if (privilege.length() == 0) {
            throw error(peek());
        }
        privileges.add(privilege.toString());
        expect("ON");
        Token typeToken = take();
        SecurableType type;
        try {
            type = SecurableType.parse(typeToken.text());
        } catch (IllegalArgumentException e) {
            throw error(typeToken);
        }
        Name object = name(type == SecurableType.CATALOG ? 1 : type == SecurableType.SCHEMA ? 2 : 3);
        expect("TO");
        return new SqlStatement.Grant(privileges, type, object, identifier());
    }

    private SqlStatement setConfig() throws SqlError {
        StringBuilder key = new StringBuilder();
        while (!peek().isSymbol("=") && peek().kind() != Kind.END && !peek().isSymbol(";")) {
            key.append(take().text());
        }
        StringBuilder value = new StringBuilder();
        if (acceptSymbol("=")) {
            while (peek().kind() != Kind.END && !peek().isSymbol(";")) {
                value.append(take().text());
            }
        }
        return new SqlStatement.SetConfig(key.toString(), value.toString());
    }

    private List<ColumnDef> columnDefs() throws SqlError {
        List<ColumnDef> columns = new ArrayList<>();
        expectSymbol("(");
        do {
            String column = identifier();
            Token type = take();
            if (type.kind() != Kind.WORD) {
                throw error(type);
            }
            columns.add(new ColumnDef(column, type.text()));
        } while (acceptSymbol(","));
        expectSymbol(")");
        if (accept("USING")) {
            identifier();
        }
        return columns;
    }

    private boolean ifNotExists() throws SqlError {
        if (accept("IF")) {
            expect("NOT");
            expect("EXISTS");
            return true;
        }
        return false;
    }

    /** A dotted name of 1..maxParts identifiers, each plain or backticked. */
    private Name name(int maxParts) throws SqlError {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (peek().isSymbol(".")) {
            Token dot = take();
            if (parts.size() == maxParts) {
                throw error(dot);
            }
            parts.add(identifier());
        }
        return new Name(parts);
    }

    private String identifier() throws SqlError {
        Token token = take();
        if (!token.isIdentifier()) {
            throw error(token);
        }
        return token.text();
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(String word) {
        if (peek().isWord(word)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String word) throws SqlError {
        if (!accept(word)) {
            throw error(peek());
        }
    }

    private void expectSymbol(String symbol) throws SqlError {
        if (!acceptSymbol(symbol)) {
            throw error(peek());
        }
    }

    private void expectEnd() throws SqlError {
        if (peek().kind() != Kind.END) {
            throw error(peek());
        }
    }

    private SqlError error(Token token) {
        return DatabricksErrors.parseSyntax(sql, token.position());
    }
}
