package dev.retlsetup.demo;

import com.databricks.jdbc.model.client.thrift.generated.TBoolColumn;
import com.databricks.jdbc.model.client.thrift.generated.TColumn;
import com.databricks.jdbc.model.client.thrift.generated.TColumnDesc;
import com.databricks.jdbc.model.client.thrift.generated.TDoubleColumn;
import com.databricks.jdbc.model.client.thrift.generated.TI32Column;
import com.databricks.jdbc.model.client.thrift.generated.TI64Column;
import com.databricks.jdbc.model.client.thrift.generated.TPrimitiveTypeEntry;
import com.databricks.jdbc.model.client.thrift.generated.TRowSet;
import com.databricks.jdbc.model.client.thrift.generated.TStringColumn;
import com.databricks.jdbc.model.client.thrift.generated.TTableSchema;
import com.databricks.jdbc.model.client.thrift.generated.TTypeDesc;
import com.databricks.jdbc.model.client.thrift.generated.TTypeEntry;
import com.databricks.jdbc.model.client.thrift.generated.TTypeId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link QueryResult} the way a warehouse does for clients that cannot read Arrow: a
 * TTableSchema plus a COLUMN_BASED_SET row set, one typed column per result column with a null bitmap.
 * Dates and timestamps travel as strings, as in HiveServer2.
 */
final class ThriftResults {
    private ThriftResults() {
    }

    static TTableSchema schema(List<Metastore.Column> columns) {
        TTableSchema schema = new TTableSchema(new ArrayList<>());
        for (int i = 0; i < columns.size(); i++) {
            Metastore.Column column = columns.get(i);
            TTypeDesc type = new TTypeDesc(List.of(TTypeEntry.primitiveEntry(new TPrimitiveTypeEntry(typeId(column.type())))));
            TColumnDesc desc = new TColumnDesc(column.name(), type, i + 1);
            if (column.comment() != null) {
                desc.setComment(column.comment());
            }
            schema.addToColumns(desc);
        }
        return schema;
    }

    static TRowSet rowSet(List<Metastore.Column> columns, List<List<Object>> rows, long startOffset) {
        TRowSet set = new TRowSet(startOffset, new ArrayList<>());
        set.setColumns(new ArrayList<>());
        for (int c = 0; c < columns.size(); c++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                values.add(row.get(c));
            }
            set.addToColumns(column(columns.get(c).type(), values));
        }
        return set;
    }

    private static TColumn column(SqlType type, List<Object> values) {
        ByteBuffer nulls = nullBitmap(values);
        return switch (type) {
            case INT -> TColumn.i32Val(new TI32Column(values.stream()
                    .map(v -> v == null ? 0 : ((Number) v).intValue()).toList(), nulls));
            case BIGINT -> TColumn.i64Val(new TI64Column(values.stream()
                    .map(v -> v == null ? 0L : ((Number) v).longValue()).toList(), nulls));
            case DOUBLE -> TColumn.doubleVal(new TDoubleColumn(values.stream()
                    .map(v -> v == null ? 0.0 : ((Number) v).doubleValue()).toList(), nulls));
            case BOOLEAN -> TColumn.boolVal(new TBoolColumn(values.stream()
                    .map(v -> v != null && (Boolean) v).toList(), nulls));
            case STRING, DATE, TIMESTAMP -> TColumn.stringVal(new TStringColumn(values.stream()
                    .map(v -> v == null ? "" : v.toString()).toList(), nulls));
        };
    }

    /** Bit i (least significant first within each byte) is set when row i is NULL. */
    private static ByteBuffer nullBitmap(List<Object> values) {
        byte[] bits = new byte[(values.size() + 7) / 8];
        boolean any = false;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                bits[i / 8] |= (byte) (1 << (i % 8));
                any = true;
            }
        }
        return ByteBuffer.wrap(any ? bits : new byte[0]);
    }

    private static TTypeId typeId(SqlType type) {
        return switch (type) {
            case STRING -> TTypeId.STRING_TYPE;
            case INT -> TTypeId.INT_TYPE;
            case BIGINT -> TTypeId.BIGINT_TYPE;
            case DOUBLE -> TTypeId.DOUBLE_TYPE;
            case BOOLEAN -> TTypeId.BOOLEAN_TYPE;
            case DATE -> TTypeId.DATE_TYPE;
            case TIMESTAMP -> TTypeId.TIMESTAMP_TYPE;
        };
    }
}
