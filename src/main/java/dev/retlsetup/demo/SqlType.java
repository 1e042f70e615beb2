package dev.retlsetup.demo;

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

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("not a number: " + value);
    }
}
