package dev.retlsetup.admin;

import java.util.List;

/**
 * What an admin picked on the "set it up from scratch" page.
 *
 * @param displayName   the new service principal's name in the workspace
 * @param warehouse     the warehouse it may use (CAN USE) and where the GRANTs run, from {@link AdminSetup#warehouses()}
 * @param catalog       the catalog of the connection, where Segment's managed schema lives
 * @param readFrom      what it may read: each a catalog ({@code main}), a schema ({@code main.marketing}) or a
 *                      table ({@code main.marketing.users}, for example a model's tables)
 * @param managedSchema how Segment gets its schema {@code __segment_reverse_etl}
 */
public record SetupChoices(String displayName, WorkspaceApi.Warehouse warehouse, String catalog, List<String> readFrom,
        ManagedSchema managedSchema) {

    /** The admin's choice for Segment's own schema. */
    public enum ManagedSchema {
        /** GRANT CREATE SCHEMA on the catalog: Segment creates {@code __segment_reverse_etl} itself. */
        CREATE_ON_CATALOG,
        /** The admin creates {@code __segment_reverse_etl} now and grants ALL PRIVILEGES on it, nothing on the catalog. */
        PRECREATE
    }

    public SetupChoices {
        displayName = displayName == null ? "" : displayName.strip();
        catalog = catalog == null ? "" : catalog.strip();
        readFrom = readFrom == null ? List.of() : readFrom.stream().map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        managedSchema = managedSchema == null ? ManagedSchema.CREATE_ON_CATALOG : managedSchema;
    }
}
