package dev.retlsetup.demo;

/** Per-session state that statements read and change: who runs them, the current catalog and schema. */
final class SqlSession {
    private final String principal;
    private volatile String catalog;
    private volatile String schema;

    SqlSession(String catalog, String schema, String principal) {
        this.catalog = catalog;
        this.schema = schema;
        this.principal = principal;
    }

    /** A session of the workspace's own service principal (tests of the engine alone). */
    SqlSession(String catalog, String schema) {
        this(catalog, schema, null);
    }

    /** The user or service principal (application id) that opened the session. */
    String principal() {
        return principal;
    }

    String catalog() {
        return catalog;
    }

    String schema() {
        return schema;
    }

    void use(String catalog, String schema) {
        this.catalog = catalog;
        this.schema = schema;
    }
}
