package dev.retlsetup.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace-level admin APIs, with the paths and shapes of the Databricks SDKs: SCIM {@code Me}
 * and {@code ServicePrincipals} (list, get, create, PATCH of entitlements), the warehouse Permissions
 * API ({@code GET} and {@code PATCH /api/2.0/permissions/warehouses/{id}}; {@code PATCH} adds to the
 * ACL), and the service principal secrets API. Changing calls need a workspace admin; a service
 * principal may read its own record and secrets. The caller has checked the bearer token.
 */
final class AdminEndpoints {
    static final String SCIM = "/api/2.0/preview/scim/v2/";
    static final String SP_PATH = SCIM + "ServicePrincipals";
    static final String PERMISSIONS_PATH = "/api/2.0/permissions/warehouses/";
    private static final Pattern SECRETS = Pattern.compile("/api/2.0/accounts/servicePrincipals/([^/]+)/credentials/secrets");
    private static final Pattern FILTER = Pattern.compile("(applicationId|displayName)\\s+eq\\s+\"([^\"]*)\"");
    private static final String SP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";

    private final Directory directory;
    private final String warehouseId;

    AdminEndpoints(Directory directory, String warehouseId) {
        this.directory = directory;
        this.warehouseId = warehouseId;
    }

    /** Handles the request if the path is one of ours; false means "not mine". */
    boolean handle(HttpExchange exchange, String principal, String method, String path, byte[] body)
            throws IOException, RequestRejected {
        if (path.equals(SCIM + "Me") && method.equals("GET")) {
            me(exchange, principal);
            return true;
        }
        if (path.equals(SP_PATH) || path.startsWith(SP_PATH + "/")) {
            servicePrincipals(exchange, principal, method, path.substring(SP_PATH.length()), body);
            return true;
        }
        if (path.startsWith(PERMISSIONS_PATH)) {
            permissions(exchange, principal, method, path, path.substring(PERMISSIONS_PATH.length()), body);
            return true;
        }
        Matcher secrets = SECRETS.matcher(path);
        if (secrets.matches()) {
            secrets(exchange, principal, method, path, secrets.group(1), body);
            return true;
        }
        return false;
    }

    private void me(HttpExchange exchange, String principal) throws IOException {
        boolean admin = Directory.isAdmin(principal);
        if (admin || DemoAdmin.USER_NAME_NOT_ADMIN.equals(principal)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:workspace:2.0:User"));
            body.put("id", admin ? DemoAdmin.SCIM_ID : DemoAdmin.SCIM_ID_NOT_ADMIN);
            body.put("userName", principal);
            body.put("displayName", admin ? DemoAdmin.DISPLAY_NAME : DemoAdmin.DISPLAY_NAME_NOT_ADMIN);
            body.put("active", true);
            body.put("emails", List.of(Map.of("value", principal, "type", "work", "primary", true)));
            body.put("groups", admin ? List.of(group(DemoAdmin.ADMINS_GROUP, DemoAdmin.ADMINS_GROUP_ID),
                    group("users", DemoAdmin.USERS_GROUP_ID)) : List.of(group("users", DemoAdmin.USERS_GROUP_ID)));
            body.put("entitlements", admin ? List.of(Map.of("value", "workspace-access"),
                    Map.of("value", Directory.SQL_ACCESS), Map.of("value", "allow-cluster-create"))
                    : List.of(Map.of("value", "workspace-access"), Map.of("value", Directory.SQL_ACCESS)));
            HttpExchanges.sendJson(exchange, 200, body);
            return;
        }
        Optional<Directory.Principal> sp = directory.byApplicationId(principal);
        if (sp.isEmpty()) {
            HttpExchanges.sendJson(exchange, 404, scimError(404, "User not found."));
            return;
        }
        Map<String, Object> body = servicePrincipal(sp.get());
        body.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:workspace:2.0:User"));
        body.put("userName", principal);
        body.put("emails", List.of());
        HttpExchanges.sendJson(exchange, 200, body);
    }

    private static Map<String, Object> group(String name, String id) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("display", name);
        g.put("type", "direct");
        g.put("value", id);
        g.put("$ref", "Groups/" + id);
        return g;
    }

    private void servicePrincipals(HttpExchange exchange, String principal, String method, String rest, byte[] body)
            throws IOException, RequestRejected {
        if (rest.isEmpty() && method.equals("GET")) {
            String filter = query(exchange, "filter");
            List<Map<String, Object>> resources = new ArrayList<>();
            Matcher m = filter == null ? null : FILTER.matcher(filter);
            if (filter != null && !m.matches()) {
                HttpExchanges.sendJson(exchange, 400, scimError(400, "Unsupported filter: " + filter));
                return;
            }
            for (Directory.Principal sp : directory.principals()) {
                boolean keep = m == null || (m.group(1).equals("applicationId")
                        ? sp.applicationId.equals(m.group(2)) : sp.displayName.equals(m.group(2)));
                if (keep) {
                    resources.add(servicePrincipal(sp));
                }
            }
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
            list.put("totalResults", resources.size());
            list.put("startIndex", 1);
            list.put("itemsPerPage", resources.size());
            list.put("Resources", resources);
            HttpExchanges.sendJson(exchange, 200, list);
            return;
        }
        if (rest.isEmpty() && method.equals("POST")) {
            if (!requireAdmin(exchange, principal)) {
                return;
            }
            JsonNode json = json(body);
            String name = json.path("displayName").asText("").trim();
            if (name.isEmpty()) {
                HttpExchanges.sendJson(exchange, 400, scimError(400, "displayName is required."));
                return;
            }
            Directory.Principal created = directory.createPrincipal(name);
            for (JsonNode e : json.path("entitlements")) {
                directory.addEntitlement(created, e.path("value").asText());
            }
            directory.recordChange("POST", SP_PATH);
            HttpExchanges.sendJson(exchange, 201, servicePrincipal(created));
            return;
        }
        String id = rest.startsWith("/") ? rest.substring(1) : rest;
        Optional<Directory.Principal> sp = id.contains("/") ? Optional.empty() : directory.byScimId(id);
        if (sp.isEmpty()) {
            HttpExchanges.sendJson(exchange, 404, scimError(404, "Service principal " + id + " not found."));
            return;
        }
        if (method.equals("GET")) {
            HttpExchanges.sendJson(exchange, 200, servicePrincipal(sp.get()));
        } else if (method.equals("PATCH")) {
            if (!requireAdmin(exchange, principal)) {
                return;
            }
            String problem = patch(sp.get(), json(body));
            if (problem != null) {
                HttpExchanges.sendJson(exchange, 400, scimError(400, problem));
                return;
            }
            directory.recordChange("PATCH", SP_PATH + "/" + id);
            HttpExchanges.sendJson(exchange, 200, servicePrincipal(sp.get()));
        } else {
            HttpExchanges.sendJson(exchange, 405, scimError(405, "Method " + method + " is not supported here."));
        }
    }

    /** SCIM PatchOp: only {@code add} of {@code entitlements}, which is what the wizard sends. */
    private String patch(Directory.Principal sp, JsonNode request) {
        if (!request.path("schemas").toString().contains("urn:ietf:params:scim:api:messages:2.0:PatchOp")) {
            return "schemas must contain urn:ietf:params:scim:api:messages:2.0:PatchOp";
        }
        JsonNode operations = request.path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            return "Operations must be a non-empty list";
        }
        for (JsonNode op : operations) {
            if (!"add".equalsIgnoreCase(op.path("op").asText()) || !"entitlements".equals(op.path("path").asText())) {
                return "The demo workspace supports only {\"op\": \"add\", \"path\": \"entitlements\"}";
            }
            for (JsonNode value : op.path("value")) {
                directory.addEntitlement(sp, value.path("value").asText());
            }
        }
        return null;
    }

    private Map<String, Object> servicePrincipal(Directory.Principal sp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(SP_SCHEMA));
        body.put("id", sp.scimId);
        body.put("applicationId", sp.applicationId);
        body.put("displayName", sp.displayName);
        body.put("active", true);
        body.put("groups", List.of(group("users", DemoAdmin.USERS_GROUP_ID)));
        body.put("entitlements", sp.entitlements.stream().map(e -> Map.of("value", e)).toList());
        return body;
    }

    private void permissions(HttpExchange exchange, String principal, String method, String path, String id,
                             byte[] body) throws IOException, RequestRejected {
        if (!id.equals(warehouseId)) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.error("RESOURCE_DOES_NOT_EXIST",
                    "Warehouse '" + id + "' does not exist."));
            return;
        }
        if (method.equals("GET")) {
            if (!directory.canUseWarehouse(principal)) {
                HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("PERMISSION_DENIED",
                        "User does not have permission to view permissions of sql warehouse " + id + "."));
                return;
            }
            HttpExchanges.sendJson(exchange, 200, acl());
            return;
        }
        if (!method.equals("PATCH")) {
            HttpExchanges.sendJson(exchange, 405, HttpExchanges.error("BAD_REQUEST",
                    "The demo workspace changes warehouse permissions with PATCH only."));
            return;
        }
        if (!Directory.isAdmin(principal)) {
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("PERMISSION_DENIED",
                    "Only a workspace admin or the warehouse owner may change its permissions."));
            return;
        }
        JsonNode entries = json(body).path("access_control_list");
        if (!entries.isArray() || entries.isEmpty()) {
            throw RequestRejected.malformed("access_control_list must be a non-empty list");
        }
        List<String[]> adds = new ArrayList<>();
        for (JsonNode entry : entries) {
            String level = entry.path("permission_level").asText("");
            if (!List.of("CAN_USE", "CAN_MONITOR", "CAN_MANAGE", "IS_OWNER").contains(level)) {
                HttpExchanges.sendJson(exchange, 400, HttpExchanges.error("INVALID_PARAMETER_VALUE",
                        "Permission level " + level + " is not supported for sql warehouses."));
                return;
            }
            String sp = entry.path("service_principal_name").asText(null);
            String name = sp != null ? sp : entry.path("user_name").asText(entry.path("group_name").asText(null));
            if (name == null || (sp != null && directory.byApplicationId(sp).isEmpty())) {
                HttpExchanges.sendJson(exchange, 400, HttpExchanges.error("INVALID_PARAMETER_VALUE",
                        "Principal: ServicePrincipalName(" + name + ") does not exist"));
                return;
            }
            adds.add(new String[] {name, level});
        }
        adds.forEach(a -> directory.addToWarehouseAcl(a[0], a[1]));
        directory.recordChange("PATCH", path);
        HttpExchanges.sendJson(exchange, 200, acl());
    }

    /** ObjectPermissions as the SDK reads it; admins' CAN_MANAGE is inherited from the warehouses root. */
    private Map<String, Object> acl() {
        List<Map<String, Object>> list = new ArrayList<>();
        directory.warehouseAcl().forEach((name, level) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            boolean group = name.equals(DemoAdmin.ADMINS_GROUP);
            Optional<Directory.Principal> sp = directory.byApplicationId(name);
            if (group) {
                entry.put("group_name", name);
            } else if (sp.isPresent()) {
                entry.put("service_principal_name", name);
                entry.put("display_name", sp.get().displayName);
            } else {
                entry.put("user_name", name);
                entry.put("display_name", DemoAdmin.DISPLAY_NAME);
            }
            Map<String, Object> permission = new LinkedHashMap<>();
            permission.put("permission_level", level);
            permission.put("inherited", group);
            if (group) {
                permission.put("inherited_from_object", List.of("/sql/warehouses/"));
            }
            entry.put("all_permissions", List.of(permission));
            list.add(entry);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object_id", "/sql/warehouses/" + warehouseId);
        body.put("object_type", "warehouses");
        body.put("access_control_list", list);
        return body;
    }

    private void secrets(HttpExchange exchange, String principal, String method, String path, String scimId,
                         byte[] body) throws IOException, RequestRejected {
        Optional<Directory.Principal> sp = directory.byScimId(scimId);
        boolean self = sp.isPresent() && sp.get().applicationId.equals(principal);
        if (!Directory.isAdmin(principal) && !(self && method.equals("GET"))) {
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.error("PERMISSION_DENIED",
                    "Only a workspace admin may manage the secrets of a service principal."));
            return;
        }
        if (sp.isEmpty()) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.error("RESOURCE_DOES_NOT_EXIST",
                    "Service principal " + scimId + " does not exist."));
            return;
        }
        if (method.equals("GET")) {
            List<Map<String, Object>> list = directory.secrets(sp.get()).stream().map(s -> secretInfo(s, null)).toList();
            HttpExchanges.sendJson(exchange, 200, Map.of("secrets", list));
        } else if (method.equals("POST")) {
            Duration lifetime = lifetime(json(body).path("lifetime").asText(null));
            Directory.Secret secret = directory.createSecret(sp.get(), lifetime);
            directory.recordChange("POST", path);
            HttpExchanges.sendJson(exchange, 200, secretInfo(secret, secret.value()));
        } else {
            HttpExchanges.sendJson(exchange, 405, HttpExchanges.error("BAD_REQUEST", "Method " + method
                    + " is not supported here."));
        }
    }

    /** {@code "63072000s"}, as the API takes it; absent means the default 730 days. */
    private static Duration lifetime(String value) throws RequestRejected {
        if (value == null) {
            return Directory.DEFAULT_SECRET_LIFETIME;
        }
        try {
            long seconds = Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
            if (seconds <= 0 || seconds > Directory.DEFAULT_SECRET_LIFETIME.toSeconds()) {
                throw RequestRejected.malformed("lifetime must be between 1s and 63072000s");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw RequestRejected.malformed("lifetime must be a number of seconds such as \"63072000s\"");
        }
    }

    private Map<String, Object> secretInfo(Directory.Secret secret, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", secret.id());
        if (value != null) {
            body.put("secret", value);
        }
        body.put("secret_hash", secret.hash());
        body.put("create_time", time(secret.createTime()));
        body.put("update_time", time(secret.createTime()));
        if (secret.expireTime() != null) {
            body.put("expire_time", time(secret.expireTime()));
        }
        body.put("status", secret.expired(directory.now()) ? "EXPIRED" : "ACTIVE");
        return body;
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private boolean requireAdmin(HttpExchange exchange, String principal) throws IOException {
        if (Directory.isAdmin(principal)) {
            return true;
        }
        HttpExchanges.sendJson(exchange, 403, scimError(403, "Only workspace admins can change service principals."));
        return false;
    }

    private static Map<String, Object> scimError(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:Error"));
        body.put("detail", detail);
        body.put("status", String.valueOf(status));
        return body;
    }

    private static JsonNode json(byte[] body) throws RequestRejected {
        try {
            JsonNode node = body.length == 0 ? HttpExchanges.JSON.createObjectNode() : HttpExchanges.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw RequestRejected.malformed("Invalid JSON given in the body of the request - expected a map");
            }
            return node;
        } catch (IOException e) {
            throw RequestRejected.malformed("Invalid JSON given in the body of the request - failed to parse given JSON");
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        try {
            return HttpExchanges.form(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(name);
        } catch (RequestRejected e) {
            return null;
        }
    }
}
