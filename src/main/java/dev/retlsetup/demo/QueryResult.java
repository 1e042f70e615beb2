package dev.retlsetup.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement returns: typed columns and rows. DDL returns no columns and no rows. Rows are
 * either held in memory (the hand-written statements) or read from the SQL engine batch by batch
 * as the driver fetches them, so a large result never sits in memory whole.
 */
final class QueryResult implements AutoCloseable {
    /** Rows read on demand from an open engine result. */
    interface Cursor extends AutoCloseable {
        /** The next row, or null at the end. */
        List<Object> next() throws SqlError;

        @Override
        void close();
    }

    private final List<Metastore.Column> columns;
    private final List<List<Object>> held;
    private final Cursor cursor;
    private int position;
    private List<Object> lookahead;
    private boolean exhausted;

    QueryResult(List<Metastore.Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.held = List.copyOf(rows);
        this.cursor = null;
    }

    private QueryResult(List<Metastore.Column> columns, Cursor cursor) {
        this.columns = List.copyOf(columns);
        this.held = null;
        this.cursor = cursor;
    }

    static QueryResult streaming(List<Metastore.Column> columns, Cursor cursor) {
        return new QueryResult(columns, cursor);
    }

    static QueryResult empty() {
        return new QueryResult(List.of(), List.of());
    }

    static Metastore.Column column(String name, SqlType type) {
        return new Metastore.Column(name, type, null);
    }

    List<Metastore.Column> columns() {
        return columns;
    }

    /** Every row not fetched yet (tests and small results). */
    synchronized List<List<Object>> rows() throws SqlError {
        return next(Integer.MAX_VALUE);
    }

    /** Up to {@code max} more rows. */
    synchronized List<List<Object>> next(int max) throws SqlError {
        if (held != null) {
            int to = (int) Math.min(held.size(), (long) position + max);
            List<List<Object>> batch = held.subList(position, to);
            position = to;
            return batch;
        }
        List<List<Object>> batch = new ArrayList<>();
        while (batch.size() < max) {
            List<Object> row = take();
            if (row == null) {
                break;
            }
            batch.add(row);
        }
        position += batch.size();
        return batch;
    }

    /** Rows handed out so far: the next batch's start offset. */
    synchronized int fetched() {
        return position;
    }

    synchronized boolean hasMore() throws SqlError {
        if (held != null) {
            return position < held.size();
        }
        if (lookahead == null && !exhausted) {
            lookahead = read();
        }
        return lookahead != null;
    }

    private List<Object> take() throws SqlError {
        if (lookahead != null) {
            List<Object> row = lookahead;
            lookahead = null;
            return row;
        }
        return exhausted ? null : read();
    }

    private List<Object> read() throws SqlError {
        List<Object> row = cursor.next();
        if (row == null) {
            exhausted = true;
            cursor.close();
        }
        return row;
    }

    @Override
    public synchronized void close() {
        if (cursor != null) {
            exhausted = true;
            cursor.close();
        }
    }
}
