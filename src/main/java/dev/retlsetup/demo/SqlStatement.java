package dev.retlsetup.demo;

import java.util.List;

/** The statements of the emulator's SQL dialect, as parsed by {@link SqlParser}. */
sealed interface SqlStatement {
    /** A possibly qualified name, 1 to 3 parts, as written (case preserved). */
    record Name(List<String> parts) {
        String last() {
            return parts.get(parts.size() - 1);
        }
    }

    /** One item of a FROM-less SELECT: a number, a string, or a function like current_user(). */
    record Value(String label, Object literal, String function) {
    }

    record SelectValues(List<Value> values) implements SqlStatement {
    }

    /** {@code columns} empty means {@code *}; {@code limit} null means no LIMIT. */
    record SelectFrom(List<String> columns, Name table, Long limit) implements SqlStatement {
    }

    record ShowCatalogs() implements SqlStatement {
    }

    record ShowSchemas(String catalog) implements SqlStatement {
    }

    record ShowTables(Name schema) implements SqlStatement {
    }

    record UseCatalog(String catalog) implements SqlStatement {
    }

    record UseSchema(Name schema) implements SqlStatement {
    }

    record Describe(Name table) implements SqlStatement {
    }

    record CreateSchema(Name schema, boolean ifNotExists) implements SqlStatement {
    }

    record ColumnDef(String name, String type) {
    }

    record CreateTable(Name table, boolean ifNotExists, List<ColumnDef> columns) implements SqlStatement {
    }

    record DropTable(Name table, boolean ifExists) implements SqlStatement {
    }

    record DropSchema(Name schema, boolean ifExists) implements SqlStatement {
    }

    record ShowGrants(String principal, SecurableType type, Name object) implements SqlStatement {
    }

    /** {@code GRANT p1, p2 ON TYPE name TO principal}; {@code principal} unquoted. */
    record Grant(List<String> privileges, SecurableType type, Name object, String principal) implements SqlStatement {
    }

    /** {@code SET key = value}: session configuration, accepted and echoed. */
    record SetConfig(String key, String value) implements SqlStatement {
    }
}
