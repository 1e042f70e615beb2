package dev.retlsetup.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Statements the checks run on the session, tracked so a cancel can stop the one in flight. */
final class Sql {
    private Sql() {
    }

    /** First column of every row. */
    static List<String> column(TestSession session, String sql) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            session.track(statement);
            try (ResultSet rows = statement.executeQuery(sql)) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            } finally {
                session.track(null);
            }
        }
    }

    /** Values of a named column (e.g. SHOW SCHEMAS' databaseName), falling back to the first. */
    static List<String> column(TestSession session, String sql, String... names) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            session.track(statement);
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
                session.track(null);
            }
        }
    }

    /** DDL: the driver throws on executeQuery for statements that return no result set. */
    static void execute(TestSession session, String sql) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            session.track(statement);
            try {
                statement.execute(sql);
            } finally {
                session.track(null);
            }
        }
    }

    /** Runs a query for its metadata only (LIMIT 0): proves SELECT without reading any row. */
    static int columnCount(TestSession session, String sql) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            session.track(statement);
            try (ResultSet rows = statement.executeQuery(sql)) {
                return rows.getMetaData().getColumnCount();
            } finally {
                session.track(null);
            }
        }
    }
}
