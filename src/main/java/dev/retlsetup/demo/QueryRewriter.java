package dev.retlsetup.demo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Turns a Databricks query into one the engine runs: Spark's quoting (backticked identifiers,
 * double-quoted strings) becomes standard SQL, and every table reference (not CTE names) is
 * handed to a {@link Resolver}, which checks the principal's privileges and answers with the
 * engine's name for it. References are resolved in the order they appear, so the first table the
 * principal may not read is the one the error names, one error per statement as on Databricks.
 */
final class QueryRewriter {
    /** Checks one table reference (1 to 3 parts, as written) and returns its engine name. */
    interface Resolver {
        Metastore.Table resolve(List<String> parts) throws SqlError;
    }

    private QueryRewriter() {
    }

    /** The engine SQL for a SELECT / WITH / VALUES query. */
    static String rewrite(String sql, Resolver resolver) throws SqlError {
        String standard = standardQuoting(sql);
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(standard);
        } catch (JSQLParserException e) {
            throw DatabricksErrors.parseSyntax(sql, position(sql, e));
        }
        if (!(statement instanceof Select)) {
            throw DatabricksErrors.parseSyntax(sql, 0);
        }
        References references = new References();
        try {
            references.getTables(statement);
        } catch (UnsupportedOperationException e) {
            throw DatabricksErrors.parseSyntax(sql, 0);
        }
        if (references.badLimit != null) {
            throw references.badLimit;
        }
        for (Table table : references.tables) {
            if (table.getSchemaName() == null && table.getDatabaseName() == null
                    && references.cteNames.contains(unquote(table.getName()).toLowerCase(Locale.ROOT))) {
                continue;
            }
            Metastore.Table resolved = resolver.resolve(parts(table));
            table.setDatabaseName(null);
            table.setSchemaName(EngineDatabase.schemaName(resolved.schema));
            table.setName(EngineDatabase.quote(resolved.name));
        }
        return statement.toString();
    }

    /** The parts of a table name as written, unquoted: [table], [schema, table] or [catalog, schema, table]. */
    private static List<String> parts(Table table) {
        List<String> parts = new ArrayList<>();
        if (table.getDatabaseName() != null) {
            parts.add(unquote(table.getDatabaseName()));
        }
        if (table.getSchemaName() != null) {
            parts.add(unquote(table.getSchemaName()));
        }
        parts.add(unquote(table.getName()));
        return parts;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    /**
     * Backticked identifiers become double-quoted ones, double-quoted strings become single-quoted,
     * backslash escapes in strings become SQL's doubled quotes, and comments become spaces of the
     * same length (so error positions still point into the original text).
     */
    static String standardQuoting(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                int stop = end < 0 ? sql.length() : end + 2;
                for (; i < stop; i++) {
                    out.append(sql.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '`') {
                out.append('"');
                i++;
                while (i < sql.length()) {
                    char d = sql.charAt(i);
                    if (d == '`' && i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                        out.append('`');
                        i += 2;
                    } else if (d == '`') {
                        i++;
                        break;
                    } else {
                        out.append(d == '"' ? "\"\"" : String.valueOf(d));
                        i++;
                    }
                }
                out.append('"');
            } else if (c == '\'' || c == '"') {
                out.append('\'');
                i++;
                while (i < sql.length()) {
                    char d = sql.charAt(i);
                    if (d == '\\' && i + 1 < sql.length()) {
                        char e = sql.charAt(i + 1);
                        out.append(e == '\'' ? "''" : e == 'n' ? "\n" : e == 't' ? "\t" : String.valueOf(e));
                        i += 2;
                    } else if (d == c && i + 1 < sql.length() && sql.charAt(i + 1) == c) {
                        out.append(c == '\'' ? "''" : "\"");
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        out.append(d == '\'' ? "''" : String.valueOf(d));
                        i++;
                    }
                }
                out.append('\'');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The offset of the token the parser stopped at, as Databricks' "pos". */
    private static int position(String sql, JSQLParserException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof ParseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ParseException parse && parse.currentToken != null) {
            Token token = parse.currentToken.next != null ? parse.currentToken.next : parse.currentToken;
            int line = 1;
            int offset = 0;
            while (line < token.beginLine && offset < sql.length()) {
                if (sql.charAt(offset++) == '\n') {
                    line++;
                }
            }
            return Math.min(sql.length(), offset + Math.max(0, token.beginColumn - 1));
        }
        return 0;
    }

    /** Every table reference in order, the CTE names, and the first LIMIT Databricks would refuse. */
    private static final class References extends TablesNamesFinder<Void> {
        final List<Table> tables = new ArrayList<>();
        final Set<String> cteNames = new HashSet<>();
        SqlError badLimit;

        @Override
        public <S> Void visit(Table table, S context) {
            // The finder may pass the same node twice (FROM item and join); rewrite it once.
            if (tables.stream().noneMatch(t -> t == table)) {
                tables.add(table);
            }
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(WithItem<?> item, S context) {
            if (item.getAlias() != null) {
                cteNames.add(unquote(item.getAliasName()).toLowerCase(Locale.ROOT));
            }
            return super.visit(item, context);
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            checkLimit(select.getLimit());
            return super.visit(select, context);
        }

        private void checkLimit(Limit limit) {
            if (limit == null || badLimit != null) {
                return;
            }
            Expression count = limit.getRowCount();
            if (count instanceof LongValue value) {
                BigInteger n = new BigInteger(value.getStringValue());
                if (n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                    badLimit = DatabricksErrors.limitNotInteger(value.getStringValue());
                }
            }
        }
    }
}
