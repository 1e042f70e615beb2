package dev.retlsetup.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements the checks run on the session, tracked so a cancel can stop the one in flight. A
 * worker whose check was cancelled or timed out cannot start another one ({@link ConnectionTestRun#ensureLive()}).
 */
final class Sql {
    private Sql() {
    }

    /** First column of every row. */
    static List<String> column(ConnectionTestRun session, String sql) throws SQLException {
        return column(session, sql, new String[0]);
    }

    /** Values of a named column (e.g. SHOW SCHEMAS' databaseName), falling back to the first. */
    static List<String> column(ConnectionTestRun session, String sql, String... names) throws SQLException {
        try (Statement statement = open(session)) {
            try (ResultSet rows = statement.executeQuery(sql)) {
                int index = 1;
                var meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    for (String name : names) {
                        if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
                            index = i;
                        }
                    }
                }
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(index));
                }
                return values;
            } finally {
                session.untrack(statement);
            }
        }
    }

    /** DDL: the driver throws on executeQuery for statements that return no result set. */
    static void execute(ConnectionTestRun session, String sql) throws SQLException {
        try (Statement statement = open(session)) {
            try {
                statement.execute(sql);
            } finally {
                session.untrack(statement);
            }
        }
    }

    /** Runs a query for its metadata only (LIMIT 0): proves SELECT without reading any row. */
    static int columnCount(ConnectionTestRun session, String sql) throws SQLException {
        try (Statement statement = open(session)) {
            try (ResultSet rows = statement.executeQuery(sql)) {
                return rows.getMetaData().getColumnCount();
            } finally {
                session.untrack(statement);
            }
        }
    }

    /**
     * A clean-up statement (dropping a probe), run after the checks have stopped, from the clean-up
     * thread: not subject to {@link ConnectionTestRun#ensureLive()}, and not cancellable by the run.
     */
    static void cleanUp(ConnectionTestRun session, String sql) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Statement open(ConnectionTestRun session) throws SQLException {
        session.ensureLive();
        Statement statement = session.connection.createStatement();
        session.track(statement);
        return statement;
    }
}
