package dev.retlsetup.demo;

/** Per-session state that statements read and change: the current catalog and schema. */
final class SqlSession {
    private volatile String catalog;
    private volatile String schema;

    SqlSession(String catalog, String schema) {
        this.catalog = catalog;
        this.schema = schema;
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
