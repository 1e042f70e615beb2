package dev.retlsetup.demo;

import dev.retlsetup.demo.Metastore.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries on the SQL engine: SELECT / WITH / VALUES with everything the engine offers, and
 * DESCRIBE QUERY (the result's columns without running it). Table references are checked by the
 * caller's {@link Access} and rewritten by {@link QueryRewriter}; rows stream to the driver batch
 * by batch. A statement runs outside the metastore lock, so a long one blocks nobody and can be
 * cancelled.
 */
final class Queries {
    private static final Pattern DESCRIBE_QUERY =
            Pattern.compile("(?is)^\\s*(?:DESCRIBE|DESC)\\s+QUERY\\s+(.+)$");
    private static final Pattern FIRST_WORD = Pattern.compile("(?s)^[\\s(]*([A-Za-z]+)");

    /** Which table a name means for this session, once the principal's privileges allow reading it. */
    interface Access {
        Metastore.Table readable(List<String> parts, SqlSession session) throws SqlError;
    }

    private final Metastore store;
    private final Access access;

    Queries(Metastore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /** The query of {@code DESCRIBE QUERY <query>}, or null for any other statement. */
    static String describedQuery(String sql) {
        Matcher m = DESCRIBE_QUERY.matcher(sql);
        return m.matches() ? m.group(1) : null;
    }

    /** Whether the text reads like a query (SELECT, WITH, VALUES, possibly parenthesized). */
    static boolean isQuery(String sql) {
        Matcher m = FIRST_WORD.matcher(QueryRewriter.standardQuoting(sql));
        if (!m.find()) {
            return false;
        }
        String word = m.group(1).toUpperCase(Locale.ROOT);
        return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
    }

    QueryResult run(String sql, SqlSession session, Execution execution) throws SqlError {
        String engineSql = QueryRewriter.rewrite(withoutSemicolon(sql), parts -> access.readable(parts, session));
        return select(engineSql, null, execution, session);
    }

    /** Columns as Databricks' DESCRIBE QUERY lists them: col_name, data_type, comment. */
    QueryResult describe(String sql, SqlSession session) throws SqlError {
        String engineSql = QueryRewriter.rewrite(withoutSemicolon(sql), parts -> access.readable(parts, session));
        try (Connection connection = store.engine().connect();
             PreparedStatement compiled = connection.prepareStatement(engineSql)) {
            List<List<Object>> rows = new ArrayList<>();
            for (Column column : EngineDatabase.columns(compiled.getMetaData())) {
                List<Object> row = new ArrayList<>();
                row.add(column.name());
                row.add(column.type().sqlName());
                row.add(null);
                rows.add(row);
            }
            return new QueryResult(List.of(QueryResult.column("col_name", SqlType.STRING),
                    QueryResult.column("data_type", SqlType.STRING),
                    QueryResult.column("comment", SqlType.STRING)), rows);
        } catch (SQLException e) {
            throw DatabricksErrors.engine(e, session.catalog(), session.schema());
        }
    }

    /** Runs engine SQL whose tables were checked; {@code columns} null takes them from the result. */
    QueryResult select(String engineSql, List<Column> columns, Execution execution) throws SqlError {
        return select(engineSql, columns, execution, null);
    }

    private QueryResult select(String engineSql, List<Column> columns, Execution execution, SqlSession session)
            throws SqlError {
        Connection connection = null;
        try {
            connection = store.engine().connect();
            Statement statement = connection.createStatement();
            execution.running(statement);
            ResultSet rows = statement.executeQuery(engineSql);
            List<Column> resultColumns = columns != null ? columns : EngineDatabase.columns(rows.getMetaData());
            return QueryResult.streaming(resultColumns, new EngineCursor(connection, rows, resultColumns));
        } catch (SQLException e) {
            closeQuietly(connection);
            if (execution.cancelled()) {
                throw DatabricksErrors.canceled();
            }
            throw DatabricksErrors.engine(e, session == null ? "main" : session.catalog(),
                    session == null ? "default" : session.schema());
        } catch (SqlError | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static String withoutSemicolon(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // in-memory: nothing to leak
            }
        }
    }

    /** Reads an open engine result row by row; closes its connection at the end. */
    private static final class EngineCursor implements QueryResult.Cursor {
        private final Connection connection;
        private final ResultSet rows;
        private final List<Column> columns;

        EngineCursor(Connection connection, ResultSet rows, List<Column> columns) {
            this.connection = connection;
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public List<Object> next() throws SqlError {
            try {
                if (!rows.next()) {
                    return null;
                }
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(columns.get(i).type().read(rows, i + 1));
                }
                return row;
            } catch (SQLException e) {
                throw DatabricksErrors.engine(e, "main", "default");
            }
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }
}
