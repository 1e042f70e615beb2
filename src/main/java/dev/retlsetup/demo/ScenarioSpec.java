package dev.retlsetup.demo;

import java.util.List;

/**
 * The JSON shape of a scenario file, read with Jackson. Absent fields take the defaults set in the
 * compact constructors, so a scenario only spells out what makes it different. Documented in
 * docs/demo-workspace.md.
 */
record ScenarioSpec(
        String name,
        String description,
        String workspaceId,
        PrincipalSpec principal,
        WarehouseSpec warehouse,
        BehaviourSpec behaviour,
        String defaultCatalog,
        List<CatalogSpec> catalogs,
        List<GrantSpec> grants) {

    ScenarioSpec {
        description = description == null ? "" : description;
        workspaceId = workspaceId == null ? DemoCredentials.WORKSPACE_ID : workspaceId;
        principal = principal == null ? new PrincipalSpec(null, null, null, null, null) : principal;
        warehouse = warehouse == null ? new WarehouseSpec(null, null, null, null, null, null, null) : warehouse;
        behaviour = behaviour == null ? new BehaviourSpec(null, null, null, null) : behaviour;
        catalogs = catalogs == null ? List.of() : List.copyOf(catalogs);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /**
     * The connecting service principal. Its application id is always {@link DemoCredentials#CLIENT_ID}.
     * {@code exists=false} models a workspace where an admin has not created it yet;
     * {@code secretExpiresInDays} gives its secret an expiry (absent: a secret that never expires);
     * {@code sqlAccess=false} leaves out the "Databricks SQL access" entitlement.
     */
    record PrincipalSpec(String displayName, String scimId, Boolean exists, Integer secretExpiresInDays,
                         Boolean sqlAccess) {
        PrincipalSpec {
            displayName = displayName == null ? "segment-reverse-etl" : displayName;
            scimId = scimId == null ? "7044283102918342" : scimId;
            exists = exists == null || exists;
            sqlAccess = sqlAccess == null || sqlAccess;
        }
    }

    /**
     * The SQL warehouse. {@code canUse=false} models a principal without CAN USE;
     * {@code startingDelayMillis} is how long STARTING lasts after a start.
     */
    record WarehouseSpec(String name, String state, Boolean canUse, Long startingDelayMillis,
                         String warehouseType, Boolean serverless, Integer autoStopMins) {
        WarehouseSpec {
            name = name == null ? "Demo Serverless Warehouse" : name;
            state = state == null ? "RUNNING" : state;
            canUse = canUse == null || canUse;
            startingDelayMillis = startingDelayMillis == null ? 5000L : startingDelayMillis;
            warehouseType = warehouseType == null ? "PRO" : warehouseType;
            serverless = serverless == null || serverless;
            autoStopMins = autoStopMins == null ? 10 : autoStopMins;
        }
    }

    /**
     * Failure knobs that are not about data or grants. {@code probeDropFails}: the workspace refuses to DROP the
     * connection test's probe objects ({@code __segment_probe_…}, {@code segment_probe_…}) although their CREATE
     * worked, as a workspace whose catalog hands new schemas' ownership to a group does.
     */
    record BehaviourSpec(Long latencyMillis, Boolean secretExpired, Boolean ipBlocked, Boolean probeDropFails) {
        BehaviourSpec {
            latencyMillis = latencyMillis == null ? 0L : latencyMillis;
            secretExpired = secretExpired != null && secretExpired;
            ipBlocked = ipBlocked != null && ipBlocked;
            probeDropFails = probeDropFails != null && probeDropFails;
        }
    }

    record CatalogSpec(String name, String owner, List<SchemaSpec> schemas) {
        CatalogSpec {
            owner = owner == null ? "admins" : owner;
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
        }
    }

    record SchemaSpec(String name, String owner, List<TableSpec> tables) {
        SchemaSpec {
            owner = owner == null ? "admins" : owner;
            tables = tables == null ? List.of() : List.copyOf(tables);
        }
    }

    /**
     * A table with {@code columns} and {@code rows}, plus optionally {@code generate}d rows; or, with
     * {@code view} (a query in Databricks SQL), a view whose columns come from its query.
     */
    record TableSpec(String name, String owner, List<ColumnSpec> columns, List<List<Object>> rows,
                     GenerateSpec generate, String view) {
        TableSpec {
            owner = owner == null ? "admins" : owner;
            columns = columns == null ? List.of() : List.copyOf(columns);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    record ColumnSpec(String name, String type, String comment) {
    }

    /**
     * Rows made when the workspace starts rather than stored: {@code rows} rows, column i computed by
     * the SQL expression {@code values[i]} over {@code x}, the row number from 1 (the engine's SQL:
     * {@code MOD(x, 100)}, {@code 'user-' || x}, {@code CASE WHEN ... END}).
     */
    record GenerateSpec(long rows, List<String> values) {
        GenerateSpec {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * {@code on} reads like SQL: {@code "CATALOG main"}, {@code "SCHEMA main.marketing"},
     * {@code "TABLE main.marketing.users"}. {@code principal} defaults to the connecting service principal.
     */
    record GrantSpec(String principal, String on, List<String> privileges) {
        GrantSpec {
            privileges = privileges == null ? List.of() : List.copyOf(privileges);
        }
    }
}
