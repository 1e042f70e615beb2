package dev.retlsetup.model;

import java.util.List;

/**
 * The first rows of the model, as Segment's Preview shows them. Values are strings, numbers,
 * booleans or null; long text is cut at {@link #MAX_TEXT} characters with an ellipsis.
 */
public record Preview(List<ColumnInfo> columns, List<List<Object>> rows) {
    public static final int MAX_TEXT = 200;

    public Preview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }
}
