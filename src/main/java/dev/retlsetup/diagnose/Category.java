package dev.retlsetup.diagnose;

/**
 * Failure categories. The names are a stable contract (databricks.md §6): reports, the wizard and
 * the {@code explain --json} output carry them verbatim. Add new ones at the end; never rename.
 */
public enum Category {
    HOST_NOT_FOUND,
    NETWORK_UNREACHABLE,
    TLS_UNTRUSTED,
    IP_BLOCKED,
    PRIVATE_LINK_BLOCKED,
    OAUTH_NOT_SUPPORTED_HOST,
    INVALID_CLIENT,
    WRONG_CREDENTIAL_KIND,
    ACCESS_TOKEN_REJECTED,
    NOT_IN_WORKSPACE,
    WAREHOUSE_NOT_FOUND,
    WAREHOUSE_ACCESS_DENIED,
    WAREHOUSE_UNAVAILABLE,
    CATALOG_NOT_FOUND,
    SCHEMA_NOT_FOUND,
    TABLE_NOT_FOUND,
    MISSING_USE_CATALOG,
    MISSING_USE_SCHEMA,
    MISSING_SELECT,
    MISSING_CREATE_SCHEMA,
    MISSING_PRIVILEGE,
    UNITY_CATALOG_NOT_ENABLED,
    UNKNOWN,
    /** No credentials were given to the tool at all (an SDK, the CLI, Terraform). */
    CREDENTIALS_MISSING,
    /** Databricks answered with a server error, a gateway error or "too many requests". */
    SERVICE_ERROR,
    /** The query itself is wrong: a syntax error, an unknown column or function. */
    QUERY_INVALID,
    /** A web page (HTML) came back where an API answer was expected. */
    UNEXPECTED_WEB_PAGE;

    /** True for the categories that a GRANT statement fixes. */
    public boolean isMissingGrant() {
        return switch (this) {
            case MISSING_USE_CATALOG, MISSING_USE_SCHEMA, MISSING_SELECT, MISSING_CREATE_SCHEMA,
                    MISSING_PRIVILEGE -> true;
            default -> false;
        };
    }
}
