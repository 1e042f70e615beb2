package dev.retlsetup.demo;

/**
 * A statement that failed the way Databricks fails it: an error class, a SQLSTATE and the full
 * message text (which, like Databricks', starts with {@code [ERROR_CLASS]} and ends with
 * {@code SQLSTATE: xxxxx}). {@code exceptionClass} is the server-side Java class name that live
 * warehouses put in front of the text in the Thrift {@code errorMessage}.
 */
final class SqlError extends Exception {
    private final String errorClass;
    private final String sqlState;
    private final String exceptionClass;
    private final int position;

    SqlError(String errorClass, String sqlState, String exceptionClass, String message) {
        this(errorClass, sqlState, exceptionClass, message, -1);
    }

    SqlError(String errorClass, String sqlState, String exceptionClass, String message, int position) {
        super(message, null, false, false);
        this.errorClass = errorClass;
        this.sqlState = sqlState;
        this.exceptionClass = exceptionClass;
        this.position = position;
    }

    /** For a syntax error, the offset it points at; -1 otherwise. */
    int position() {
        return position;
    }

    String errorClass() {
        return errorClass;
    }

    String sqlState() {
        return sqlState;
    }

    String exceptionClass() {
        return exceptionClass;
    }
}
