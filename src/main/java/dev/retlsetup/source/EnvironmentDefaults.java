package dev.retlsetup.source;

import java.util.EnumMap;
import java.util.Map;

/**
 * Prefills the form from the environment variables the Databricks CLI and SDKs already use:
 * {@code DATABRICKS_HOST}, {@code DATABRICKS_CLIENT_ID}, {@code DATABRICKS_CLIENT_SECRET},
 * {@code DATABRICKS_WAREHOUSE_ID} (becomes {@code /sql/1.0/warehouses/<id>}). Also read, as fallbacks used
 * by Databricks' SQL connector examples: {@code DATABRICKS_SERVER_HOSTNAME} (after DATABRICKS_HOST) and
 * {@code DATABRICKS_HTTP_PATH} (before DATABRICKS_WAREHOUSE_ID). {@code DATABRICKS_TOKEN} is never used: new
 * Segment sources need an OAuth secret.
 */
public final class EnvironmentDefaults {
    public static final String HOST = "DATABRICKS_HOST";
    public static final String SERVER_HOSTNAME = "DATABRICKS_SERVER_HOSTNAME";
    public static final String CLIENT_ID = "DATABRICKS_CLIENT_ID";
    public static final String CLIENT_SECRET = "DATABRICKS_CLIENT_SECRET";
    public static final String WAREHOUSE_ID = "DATABRICKS_WAREHOUSE_ID";
    public static final String HTTP_PATH = "DATABRICKS_HTTP_PATH";
    public static final String CONFIG_FILE = "DATABRICKS_CONFIG_FILE";
    public static final String CONFIG_PROFILE = "DATABRICKS_CONFIG_PROFILE";

    private EnvironmentDefaults() {
    }

    /** The form's values found in {@code env}; fields not found are "". */
    public static SourceInput from(Map<String, String> env) {
        return read(env).input();
    }

    /** Which field came from which variable. */
    public static Map<Field, String> origins(Map<String, String> env) {
        return read(env).origins();
    }

    /** Values and origins together. Never throws; {@code null} is an empty environment. */
    public static Prefill read(Map<String, String> env) {
        Map<String, String> e = env == null ? Map.of() : env;
        SourceInput input = SourceInput.empty();
        EnumMap<Field, String> origins = new EnumMap<>(Field.class);
        String host = first(e, HOST, SERVER_HOSTNAME);
        if (host != null) {
            input = input.with(Field.HOST, e.get(host).strip());
            origins.put(Field.HOST, host);
        }
        String clientId = first(e, CLIENT_ID);
        if (clientId != null) {
            input = input.with(Field.CLIENT_ID, e.get(clientId).strip());
            origins.put(Field.CLIENT_ID, clientId);
        }
        String secret = first(e, CLIENT_SECRET);
        if (secret != null) {
            input = input.withSecret(e.get(secret).strip());
            origins.put(Field.SECRET, secret);
        }
        String path = first(e, HTTP_PATH, WAREHOUSE_ID);
        if (path != null) {
            String value = e.get(path).strip();
            input = input.with(Field.HTTP_PATH, path.equals(WAREHOUSE_ID) ? warehousePath(value) : value);
            origins.put(Field.HTTP_PATH, path);
        }
        return new Prefill(input, origins);
    }

    /** {@code /sql/1.0/warehouses/<id>}; a value that is already a path is kept. */
    public static String warehousePath(String warehouseId) {
        String id = Text.clean(warehouseId);
        if (id.isEmpty() || id.contains("/")) {
            return id;
        }
        return SourceSettings.WAREHOUSE_PREFIX + id;
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
