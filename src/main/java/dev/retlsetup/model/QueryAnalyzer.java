package dev.retlsetup.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Reads model SQL offline, as the user types: how many statements (by a quote- and comment-aware
 * split, so it works on text no parser reads), whether it is a query (its first keyword, then
 * the parser's verdict), and which tables it reads (JSqlParser; names inside string literals and
 * comments are not tables, CTE names are not tables). When the parser cannot read the query, the
 * query is not blocked: the warehouse decides in the compile check.
 */
public final class QueryAnalyzer {
    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES");

    private QueryAnalyzer() {
    }

    public static QueryAnalysis analyze(String sql) {
        List<String> statements = SqlText.statements(sql == null ? "" : sql);
        if (statements.size() != 1) {
            return new QueryAnalysis(statements.size(), null, QueryAnalysis.Kind.NOT_ONE_STATEMENT, null, List.of(),
                    null);
        }
        String query = statements.get(0);
        String first = SqlText.firstWord(query);
        if (!QUERY_WORDS.contains(first)) {
            return new QueryAnalysis(1, query, QueryAnalysis.Kind.NOT_A_QUERY, first, List.of(), null);
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(SqlText.backticksAsDoubleQuotes(query));
        } catch (JSQLParserException | RuntimeException e) {
            return new QueryAnalysis(1, query, QueryAnalysis.Kind.QUERY, first, List.of(), firstLine(e));
        }
        if (!(statement instanceof Select)) {
            // e.g. WITH ... INSERT: starts like a query, is not one.
            return new QueryAnalysis(1, query, QueryAnalysis.Kind.NOT_A_QUERY, first, List.of(), null);
        }
        try {
            return new QueryAnalysis(1, query, QueryAnalysis.Kind.QUERY, first, References.of(statement), null);
        } catch (RuntimeException e) {
            return new QueryAnalysis(1, query, QueryAnalysis.Kind.QUERY, first, List.of(), firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.lines().findFirst().orElse(text).strip();
    }

    /** Unquotes a name part: {@code `a``b`} → a`b, {@code "a"} → a. */
    static String unquote(String part) {
        if (part.length() >= 2 && part.startsWith("`") && part.endsWith("`")) {
            return part.substring(1, part.length() - 1).replace("``", "`");
        }
        if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
            return part.substring(1, part.length() - 1).replace("\"\"", "\"");
        }
        return part;
    }

    /** Table references in order (CTE names left out), each as its written parts. */
    private static final class References extends TablesNamesFinder<Void> {
        private final List<Table> tables = new ArrayList<>();
        private final Set<String> cteNames = new HashSet<>();

        static List<List<String>> of(Statement statement) {
            References finder = new References();
            finder.getTables(statement);
            List<List<String>> out = new ArrayList<>();
            Set<List<String>> seen = new HashSet<>();
            for (Table table : finder.tables) {
                List<String> parts = parts(table);
                if (parts.size() > 3) {
                    continue; // not a Databricks name; the compile check reports it
                }
                if (parts.size() == 1 && finder.cteNames.contains(parts.get(0).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (seen.add(parts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList())) {
                    out.add(parts);
                }
            }
            return out;
        }

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

        @Override
        public <S> Void visit(Table table, S context) {
            tables.add(table);
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(WithItem<?> item, S context) {
            if (item.getAlias() != null) {
                cteNames.add(unquote(item.getAliasName()).toLowerCase(Locale.ROOT));
            }
            return super.visit(item, context);
        }
    }
}
