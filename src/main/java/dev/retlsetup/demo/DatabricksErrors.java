package dev.retlsetup.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every SQL error text the emulator produces, in one place, worded as Databricks words them
 * (see shared/reference/error-samples.jsonl). Callers classify these texts, so keep them exact.
 */
final class DatabricksErrors {
    private static final String SECURITY = "org.apache.spark.SparkSecurityException";
    private static final String ANALYSIS = "org.apache.spark.sql.catalyst.ExtendedAnalysisException";
    private static final String PARSE = "org.apache.spark.sql.catalyst.parser.ParseException";

    private DatabricksErrors() {
    }

    /** Unity Catalog: {@code User does not have USE SCHEMA on Schema 'main.marketing'}. */
    static SqlError missingPrivilege(String privilege, SecurableType type, String key) {
        return new SqlError("INSUFFICIENT_PERMISSIONS", "42501", SECURITY,
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have " + privilege + " on "
                        + type.displayName() + " '" + key + "'. SQLSTATE: 42501");
    }

    /** Unity Catalog: dropping needs ownership (or MANAGE), not a grantable privilege like SELECT. */
    static SqlError notOwner(SecurableType type, String key) {
        return new SqlError("INSUFFICIENT_PERMISSIONS", "42501", SECURITY,
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser is not an owner of "
                        + type.displayName() + " '" + key + "'. SQLSTATE: 42501");
    }

    /**
     * Legacy table ACLs (hive_metastore), e.g. {@code User does not have permission USAGE on database `x`}
     * or {@code User does not have permission CREATE on CATALOG}.
     */
    static SqlError missingLegacyPermission(String privilege, String objectPhrase) {
        return new SqlError("INSUFFICIENT_PERMISSIONS", "42501", SECURITY,
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\nUser does not have permission " + privilege
                        + " on " + objectPhrase + ". SQLSTATE: 42501");
    }

    static SqlError noSuchCatalog(String catalog) {
        return new SqlError("NO_SUCH_CATALOG_EXCEPTION", "42704", ANALYSIS,
                "[NO_SUCH_CATALOG_EXCEPTION] Catalog '" + catalog + "' was not found. Please verify the catalog name "
                        + "and then retry the query or command again. SQLSTATE: 42704");
    }

    static SqlError schemaNotFound(String catalog, String schema) {
        return new SqlError("SCHEMA_NOT_FOUND", "42704", ANALYSIS,
                "[SCHEMA_NOT_FOUND] The schema " + quote(catalog, schema) + " cannot be found. Verify the spelling "
                        + "and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, "
                        + "verify the current_schema() output, or qualify the name with the correct catalog.\n"
                        + "To tolerate the error on drop use DROP SCHEMA IF EXISTS. SQLSTATE: 42704");
    }

    static SqlError tableNotFound(String catalog, String schema, String table) {
        return new SqlError("TABLE_OR_VIEW_NOT_FOUND", "42P01", ANALYSIS,
                "[TABLE_OR_VIEW_NOT_FOUND] The table or view " + quote(catalog, schema, table) + " cannot be found. "
                        + "Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the "
                        + "name with a schema, verify the current_schema() output, or qualify the name with the correct "
                        + "schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF "
                        + "EXISTS. SQLSTATE: 42P01");
    }

    static SqlError schemaAlreadyExists(String catalog, String schema) {
        return new SqlError("SCHEMA_ALREADY_EXISTS", "42P06", ANALYSIS,
                "[SCHEMA_ALREADY_EXISTS] Cannot create schema " + quote(catalog, schema) + " because it already "
                        + "exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause "
                        + "to tolerate pre-existing schema. SQLSTATE: 42P06");
    }

    static SqlError tableAlreadyExists(String catalog, String schema, String table) {
        return new SqlError("TABLE_OR_VIEW_ALREADY_EXISTS", "42P07", ANALYSIS,
                "[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view " + quote(catalog, schema, table)
                        + " because it already exists.\nChoose a different name, drop or replace the existing object, "
                        + "or add the IF NOT EXISTS clause to tolerate pre-existing objects. SQLSTATE: 42P07");
    }

    static SqlError unresolvedColumn(String column, List<String> candidates) {
        String suggestions = candidates.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        return new SqlError("UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703", ANALYSIS,
                "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `" + column
                        + "` cannot be resolved. Did you mean one of the following? [" + suggestions + "]. "
                        + "SQLSTATE: 42703");
    }

    static SqlError unsupportedDataType(String type) {
        return new SqlError("UNSUPPORTED_DATATYPE", "0A000", PARSE,
                "[UNSUPPORTED_DATATYPE] Unsupported data type \"" + type + "\". SQLSTATE: 0A000");
    }

    /** LIMIT must be an INT: a larger literal is a BIGINT or a DECIMAL, which Spark refuses at analysis. */
    static SqlError limitNotInteger(String literal) {
        String type;
        try {
            Long.parseLong(literal);
            type = "BIGINT";
        } catch (NumberFormatException e) {
            type = "DECIMAL(" + literal.length() + ",0)";
        }
        return new SqlError("INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE", "42K0E", ANALYSIS,
                "[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] The limit like expression \"" + literal + "\" is invalid. "
                        + "The limit expression must be integer type, but got \"" + type + "\". SQLSTATE: 42K0E");
    }

    static SqlError unresolvedColumn(String column) {
        return new SqlError("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703", ANALYSIS,
                "[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column, variable, or function parameter with name `" + column
                        + "` cannot be resolved.  SQLSTATE: 42703");
    }

    static SqlError unresolvedRoutine(String routine, String catalog, String schema) {
        return new SqlError("UNRESOLVED_ROUTINE", "42883", ANALYSIS,
                "[UNRESOLVED_ROUTINE] Cannot resolve routine `" + routine + "` on search path [`system`.`builtin`, "
                        + "`system`.`session`, `" + catalog + "`.`" + schema + "`]. SQLSTATE: 42883");
    }

    /** The statement was cancelled (CancelOperation, or the engine's own limit). */
    static SqlError canceled() {
        return new SqlError("OPERATION_CANCELED", "HY008", "org.apache.spark.SparkException",
                "[OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008");
    }

    /** A fault in the emulator itself, answered as a failed statement rather than a broken reply. */
    static SqlError internal(RuntimeException e) {
        return new SqlError("INTERNAL_ERROR", "XX000", "org.apache.spark.SparkException",
                "[INTERNAL_ERROR] The demo workspace failed to run this statement: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " SQLSTATE: XX000");
    }

    /** What the engine said, for errors with no Databricks counterpart worth emulating (kept visible). */
    static SqlError engine(java.sql.SQLException e, String catalog, String schema) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = text.indexOf("; SQL statement:");
        text = (cut >= 0 ? text.substring(0, cut) : text).replaceAll("\\s*\\[\\d+-\\d+]$", "").strip();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"((?:[^\"]|\"\")+)\"").matcher(text);
        String name = quoted.find() ? quoted.group(1).replace("\"\"", "\"") : "?";
        return switch (e.getErrorCode()) {
            case 42122 -> unresolvedColumn(name.substring(name.lastIndexOf('.') + 1));
            case 90022 -> unresolvedRoutine(name.toLowerCase(java.util.Locale.ROOT), catalog, schema);
            case 57014 -> canceled();
            default -> new SqlError("INTERNAL_ERROR", "XX000", "org.apache.spark.SparkException",
                    "[INTERNAL_ERROR] The demo workspace's SQL engine could not run this query: " + text
                            + " SQLSTATE: XX000");
        };
    }

    /** Anything outside the emulator's dialect, pointing at the first token it could not read. */
    static SqlError parseSyntax(String sql, int position) {
        String token = tokenAt(sql, position);
        return new SqlError("PARSE_SYNTAX_ERROR", "42601", PARSE,
                "[PARSE_SYNTAX_ERROR] Syntax error at or near '" + token + "'. SQLSTATE: 42601 (line 1, pos "
                        + position + ")\n\n== SQL ==\n" + sql + "\n" + "-".repeat(position) + "^^^\n", position);
    }

    private static String tokenAt(String sql, int position) {
        if (position >= sql.length()) {
            return "end of input";
        }
        int end = position;
        while (end < sql.length() && !Character.isWhitespace(sql.charAt(end))) {
            end++;
        }
        return sql.substring(position, Math.max(end, position + 1));
    }

    static String quote(String... parts) {
        return java.util.Arrays.stream(parts).map(p -> "`" + p + "`").collect(Collectors.joining("."));
    }
}
