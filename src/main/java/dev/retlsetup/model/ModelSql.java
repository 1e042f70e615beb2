package dev.retlsetup.model;

import dev.retlsetup.diagnose.SqlIdentifiers;

/**
 * The statements the checks run. The model is always wrapped as Segment wraps it, in a CTE named
 * {@code segment_model}, on its own lines (a trailing {@code --} comment cannot swallow the wrapper).
 */
final class ModelSql {
    static final String CTE = "segment_model";
    /** At most this many duplicated values are listed. */
    static final int DUPLICATES_SHOWN = 5;

    private ModelSql() {
    }

    /** Proves SELECT on a table or view without reading a row. */
    static String probe(TableName table) {
        return "SELECT * FROM " + table.quoted() + " LIMIT 0";
    }

    /** The result's columns, compiled but not run. */
    static String describe(String query) {
        return "DESCRIBE QUERY " + query;
    }

    static String preview(String query, int rows) {
        return wrapped(query) + "SELECT * FROM " + CTE + " LIMIT " + rows;
    }

    /**
     * One aggregate statement over the whole model: a {@code total} row (rows, distinct non-NULL
     * values, NULL rows) and up to five {@code duplicate} rows (value, count), most frequent first.
     * The warehouse does the counting; at most six small rows come back.
     */
    static String keyStats(String query, String key) {
        String k = SqlIdentifiers.always(key);
        return wrapped(query).replaceFirst("\\n$", "") + ",\n"
                + "segment_key_counts AS (\n"
                + "  SELECT CAST(" + k + " AS STRING) AS key_value, " + k + " IS NULL AS key_is_null, COUNT(*) AS key_rows\n"
                + "  FROM " + CTE + " GROUP BY " + k + "\n"
                + ")\n"
                + "SELECT 'total' AS kind, CAST(NULL AS STRING) AS key_value,\n"
                + "  CAST(COALESCE(SUM(key_rows), 0) AS BIGINT) AS row_count,\n"
                + "  CAST(COUNT(CASE WHEN NOT key_is_null THEN 1 END) AS BIGINT) AS distinct_values,\n"
                + "  CAST(COALESCE(SUM(CASE WHEN key_is_null THEN key_rows ELSE 0 END), 0) AS BIGINT) AS null_rows\n"
                + "FROM segment_key_counts\n"
                + "UNION ALL\n"
                + "SELECT * FROM (\n"
                + "  SELECT 'duplicate' AS kind, key_value, key_rows AS row_count, CAST(NULL AS BIGINT) AS distinct_values,\n"
                + "    CAST(NULL AS BIGINT) AS null_rows\n"
                + "  FROM segment_key_counts WHERE NOT key_is_null AND key_rows > 1\n"
                + "  ORDER BY key_rows DESC, key_value LIMIT " + DUPLICATES_SHOWN + "\n"
                + ") AS segment_duplicates";
    }

    /** The model rewritten to keep one row per identifier value, latest {@code orderBy} first. */
    static String deduplicated(String query, String key, String orderBy) {
        String k = SqlIdentifiers.always(key);
        return "SELECT * FROM (\n" + query + "\n) AS model\n"
                + "WHERE " + k + " IS NOT NULL\n"
                + "QUALIFY ROW_NUMBER() OVER (PARTITION BY " + k + " ORDER BY " + orderBy + ") = 1";
    }

    private static String wrapped(String query) {
        return "WITH " + CTE + " AS (\n" + query + "\n)\n";
    }
}
