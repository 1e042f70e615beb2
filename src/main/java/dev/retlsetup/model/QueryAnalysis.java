package dev.retlsetup.model;

import java.util.List;

/**
 * What the SQL is, read offline.
 *
 * @param statements how many statements the text holds (Segment wraps the model in a CTE: exactly one works)
 * @param query      the single statement without its semicolon, or null when there is not exactly one
 * @param kind       whether it is a query Segment can run
 * @param firstWord  the statement's first keyword (upper case), to name what a non-query is
 * @param tables     the tables and views it reads, as written (CTE names excluded), in order; empty when unreadable
 * @param parseError why the parser could not read it, or null; such a query is not blocked (the warehouse decides)
 */
public record QueryAnalysis(int statements, String query, Kind kind, String firstWord, List<List<String>> tables,
        String parseError) {
    public enum Kind {
        /** SELECT, WITH or VALUES. */
        QUERY,
        /** DDL, DML or anything else that is not a query. */
        NOT_A_QUERY,
        /** Empty, or more than one statement. */
        NOT_ONE_STATEMENT
    }

    public QueryAnalysis {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** Whether the live checks may run: exactly one statement, and a query. */
    public boolean runnable() {
        return kind == Kind.QUERY;
    }

    /** Whether the parser read it, so that {@link #tables()} is complete. */
    public boolean parsed() {
        return parseError == null;
    }

    /** The tables resolved against the session's catalog (schema {@code default}), without repeats. */
    public List<TableName> resolvedTables(String catalog) {
        return tables.stream().map(parts -> TableName.resolve(parts, catalog)).distinct().toList();
    }
}
