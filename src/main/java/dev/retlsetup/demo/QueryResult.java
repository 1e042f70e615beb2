package dev.retlsetup.demo;

import java.util.List;

/** What a statement returns: typed columns and rows. DDL returns no columns and no rows. */
record QueryResult(List<Metastore.Column> columns, List<List<Object>> rows) {
    QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static QueryResult empty() {
        return new QueryResult(List.of(), List.of());
    }

    static Metastore.Column column(String name, SqlType type) {
        return new Metastore.Column(name, type, null);
    }
}
