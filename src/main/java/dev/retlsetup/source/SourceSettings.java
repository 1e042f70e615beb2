package dev.retlsetup.source;

import java.util.List;

/**
 * Normalized connection settings, as produced by {@link SourceValidator#validate}. Only trustworthy
 * when the {@link Validation} that holds them is {@link Validation#valid() valid}; otherwise each
 * field holds the best cleaned-up value (or {@code null}/0 when nothing usable was typed).
 *
 * @param host     the workspace host, lower case, no scheme, path or port ({@code dbc-1234abcd-5678.cloud.databricks.com})
 * @param httpPath {@code /sql/1.0/warehouses/<id>}
 * @param port     1–65535 (443 when left empty); 0 when what was typed is not a port
 * @param clientId the service principal's application ID (a lower-case UUID)
 * @param secret   the OAuth secret, or {@code null}; never shown by {@link #toString()}
 * @param catalog  the catalog, or {@code null} for the workspace default
 * @param schemas  each {@code schema} or {@code catalog.schema}, lower case, without duplicates
 */
public record SourceSettings(String host, String httpPath, int port, String clientId, String secret, String catalog,
        List<String> schemas) {

    public static final int DEFAULT_PORT = 443;
    /** The catalog of the legacy Hive metastore (table access control instead of Unity Catalog grants). */
    public static final String HIVE_METASTORE = "hive_metastore";
    /** The schema Segment creates (or an admin pre-creates) in the catalog for its own tables. */
    public static final String MANAGED_SCHEMA = "__segment_reverse_etl";
    static final String WAREHOUSE_PREFIX = "/sql/1.0/warehouses/";

    public SourceSettings {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    /** The warehouse id from {@code /sql/1.0/warehouses/<id>}, or {@code null} for another path. */
    public String warehouseId() {
        if (httpPath == null || !httpPath.startsWith(WAREHOUSE_PREFIX)) {
            return null;
        }
        String id = httpPath.substring(WAREHOUSE_PREFIX.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    /** The cloud, told by the host's suffix. */
    public Cloud cloud() {
        return Cloud.of(host);
    }

    /** A copy with another secret (for example one read later from a keychain). */
    public SourceSettings withSecret(String value) {
        return new SourceSettings(host, httpPath, port, clientId, value, catalog, schemas);
    }

    @Override
    public String toString() {
        return "SourceSettings[host=" + host + ", httpPath=" + httpPath + ", port=" + port + ", clientId=" + clientId
                + ", secret=" + mask(secret) + ", catalog=" + catalog + ", schemas=" + schemas + "]";
    }

    /** "(none)" or "****": never any character of the secret. */
    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "****";
    }
}
