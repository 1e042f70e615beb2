package dev.retlsetup.demo;

import java.util.Locale;

/** The kinds of objects privileges are granted on, with the names Databricks prints for them. */
enum SecurableType {
    CATALOG("Catalog"),
    SCHEMA("Schema"),
    TABLE("Table");

    private final String displayName;

    SecurableType(String displayName) {
        this.displayName = displayName;
    }

    /** As in "User does not have SELECT on Table 'main.marketing.users'". */
    String displayName() {
        return displayName;
    }

    /** Accepts the SQL keyword, including the legacy synonym DATABASE for SCHEMA. */
    static SecurableType parse(String keyword) {
        String upper = keyword.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "CATALOG" -> CATALOG;
            case "SCHEMA", "DATABASE" -> SCHEMA;
            case "TABLE" -> TABLE;
            default -> throw new IllegalArgumentException("not a securable type: " + keyword);
        };
    }
}
