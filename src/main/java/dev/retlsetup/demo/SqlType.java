package dev.retlsetup.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The column types the emulator stores. Values are held as Java objects of one class per type. */
enum SqlType {
    STRING("string"),
    INT("int"),
    BIGINT("bigint"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp");

    private static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final String sqlName;

    SqlType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** Lower-case, as DESCRIBE TABLE prints it. */
    String sqlName() {
        return sqlName;
    }

    static Optional<SqlType> parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (upper) {
            case "STRING", "VARCHAR", "TEXT" -> STRING;
            case "INT", "INTEGER" -> INT;
            case "BIGINT", "LONG" -> BIGINT;
            case "DOUBLE", "FLOAT" -> DOUBLE;
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            case "DATE" -> DATE;
            case "TIMESTAMP" -> TIMESTAMP;
            default -> null;
        });
    }

    /**
     * Converts a value read from a scenario file to this type's Java class.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case STRING -> value.toString();
            case INT -> Math.toIntExact(number(value).longValue());
            case BIGINT -> number(value).longValue();
            case DOUBLE -> number(value).doubleValue();
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException("not a boolean: " + value);
            }
            case DATE -> LocalDate.parse(value.toString()).toString();
            case TIMESTAMP -> LocalDateTime.parse(value.toString().replace(' ', 'T')).format(TIMESTAMP_TEXT);
        };
    }

    /** The engine's column type for this type (H2 names; {@code string} is a domain over VARCHAR). */
    String engineType() {
        return switch (this) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
        };
    }

    /** The type Databricks would report for a column of the engine's JDBC type. */
    static SqlType ofEngine(int jdbcType, String typeName, int precision, int scale) {
        if ("DECFLOAT".equalsIgnoreCase(typeName)) {
            return DOUBLE; // the engine's SUM/AVG of DOUBLE; Spark's is a double
        }
        return switch (jdbcType) {
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INT;
            case Types.BIGINT -> BIGINT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> scale == 0 && precision <= 18 ? BIGINT : scale == 0 ? STRING : DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
            default -> STRING;
        };
    }

    /** Reads column {@code index} of the engine's current row as this type's Java class. */
    Object read(ResultSet rows, int index) throws SQLException {
        Object value = switch (this) {
            case STRING -> rows.getString(index);
            case INT -> rows.getInt(index);
            case BIGINT -> rows.getLong(index);
            case DOUBLE -> rows.getDouble(index);
            case BOOLEAN -> rows.getBoolean(index);
            case DATE -> {
                LocalDate date = rows.getObject(index, LocalDate.class);
                yield date == null ? null : date.toString();
            }
            case TIMESTAMP -> {
                LocalDateTime time = rows.getObject(index, LocalDateTime.class);
                yield time == null ? null : time.format(TIMESTAMP_TEXT);
            }
        };
        return rows.wasNull() ? null : value;
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("not a number: " + value);
    }
}
