package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST APIs the wizard calls directly: the warehouse (list, get, start) as the calling principal
 * may see it, and the driver's feature-flag probe. The caller has already checked the bearer token;
 * SCIM and the admin APIs are {@link AdminEndpoints}.
 */
final class RestEndpoints {
    private final ScenarioSpec spec;
    private final Warehouse warehouse;
    private final Directory directory;
    private final String host;
    private final int port;

    RestEndpoints(ScenarioSpec spec, Warehouse warehouse, Directory directory, String host, int port) {
        this.spec = spec;
        this.warehouse = warehouse;
        this.directory = directory;
        this.host = host;
        this.port = port;
    }

    /** Handles the request if the path is one of ours; false means "answer 404". */
    boolean handle(HttpExchange exchange, String principal, String method, String path, byte[] body)
            throws IOException, RequestRejected {
        if (path.startsWith("/api/2.0/connector-service/feature-flags/") && method.equals("GET")) {
            // An empty flag list: every driver feature stays at its default (Thrift, no Arrow downloads).
            HttpExchanges.sendJson(exchange, 200, Map.of("flags", List.of(), "ttl_seconds", 900));
            return true;
        }
        if (path.equals("/api/2.0/sql/warehouses") && method.equals("GET")) {
            List<Object> visible = directory.canUseWarehouse(principal) ? List.of(warehouseJson()) : List.of();
            HttpExchanges.sendJson(exchange, 200, Map.of("warehouses", visible));
            return true;
        }
        String prefix = "/api/2.0/sql/warehouses/";
        if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            boolean start = rest.endsWith("/start");
            String id = start ? rest.substring(0, rest.length() - "/start".length()) : rest;
            if (id.contains("/") || (start ? !method.equals("POST") : !method.equals("GET"))) {
                return false;
            }
            if (start) {
                requireJsonObject(body);
            }
            if (!DemoCredentials.WAREHOUSE_ID.equals(id)) {
                HttpExchanges.sendJson(exchange, 404, warehouseNotFound(id));
                return true;
            }
            if (!directory.canUseWarehouse(principal)) {
                HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("PERMISSION_DENIED", notAuthorized(principal)));
                return true;
            }
            if (start) {
                warehouse.start();
                HttpExchanges.sendJson(exchange, 200, Map.of());
            } else {
                HttpExchanges.sendJson(exchange, 200, warehouseJson());
            }
            return true;
        }
        return false;
    }

    /** Databricks refuses a POST body that is not a JSON object before acting on the call. */
    private static void requireJsonObject(byte[] body) throws RequestRejected {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        try {
            if (!HttpExchanges.JSON.readTree(body).isObject()) {
                throw RequestRejected.malformed("Invalid JSON given in the body of the request - expected a map");
            }
        } catch (IOException e) {
            throw RequestRejected.malformed("Invalid JSON given in the body of the request - failed to parse given JSON");
        }
    }

    static Map<String, Object> warehouseNotFound(String id) {
        return HttpExchanges.error("RESOURCE_DOES_NOT_EXIST", "Warehouse '" + id + "' does not exist.");
    }

    /** The text warehouses answer to a principal without CAN USE. */
    static String notAuthorized(String principal) {
        return "PERMISSION_DENIED: " + principal + " is not authorized to use this SQL Endpoint.";
    }

    private Map<String, Object> warehouseJson() {
        String state = warehouse.state();
        String path = "/sql/1.0/warehouses/" + DemoCredentials.WAREHOUSE_ID;
        Map<String, Object> odbc = new LinkedHashMap<>();
        odbc.put("hostname", host);
        odbc.put("path", path);
        odbc.put("protocol", "https");
        odbc.put("port", port);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", DemoCredentials.WAREHOUSE_ID);
        body.put("name", spec.warehouse().name());
        body.put("cluster_size", "2X-Small");
        body.put("min_num_clusters", 1);
        body.put("max_num_clusters", 1);
        body.put("auto_stop_mins", spec.warehouse().autoStopMins());
        body.put("creator_name", "admin@example.com");
        body.put("state", state);
        body.put("health", "RUNNING".equals(state) ? Map.of("status", "HEALTHY") : Map.of());
        body.put("num_clusters", "RUNNING".equals(state) ? 1 : 0);
        body.put("num_active_sessions", 0);
        body.put("jdbc_url", "jdbc:databricks://" + host + ":" + port + "/default;transportMode=http;ssl=1;AuthMech=3;"
                + "httpPath=" + path + ";");
        body.put("odbc_params", odbc);
        body.put("warehouse_type", spec.warehouse().warehouseType());
        body.put("enable_serverless_compute", spec.warehouse().serverless());
        body.put("enable_photon", true);
        body.put("spot_instance_policy", "COST_OPTIMIZED");
        body.put("channel", Map.of("name", "CHANNEL_NAME_CURRENT"));
        return body;
    }
}
