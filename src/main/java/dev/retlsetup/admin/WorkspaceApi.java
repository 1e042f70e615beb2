package dev.retlsetup.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The workspace REST APIs an admin fix needs, with the paths and bodies of the Databricks SDKs:
 * SCIM {@code Me} and {@code ServicePrincipals}, the warehouse Permissions API ({@code PATCH} only:
 * it adds to the ACL where {@code PUT} would replace it), the warehouse list and the service
 * principal secrets API. Every call has a time limit and {@link #cancel()} stops those in flight.
 */
public final class WorkspaceApi {
    static final String ME = "/api/2.0/preview/scim/v2/Me";
    static final String SERVICE_PRINCIPALS = "/api/2.0/preview/scim/v2/ServicePrincipals";
    static final String WAREHOUSES = "/api/2.0/sql/warehouses";
    static final String SQL_ACCESS = "databricks-sql-access";
    static final String ADMINS_GROUP = "admins";
    /** A bound on paging, so a workspace that always answers a next page cannot keep a call going. */
    private static final int MAX_PAGES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final AdminToken token;
    private final Duration timeout;
    private final HttpClient http;
    private final Set<CompletableFuture<?>> inFlight = new CopyOnWriteArraySet<>();
    private volatile boolean cancelled;

    public record ServicePrincipal(String scimId, String applicationId, String displayName, List<String> entitlements) {
        public boolean hasSqlAccess() {
            return entitlements.contains(SQL_ACCESS);
        }
    }

    /** A warehouse as the list shows it, with the HTTP path the JDBC URL needs. */
    public record Warehouse(String id, String name, String state, String size, boolean serverless, String httpPath) {
    }

    /** @param expireTime null when the secret never expires (or the workspace did not say) */
    public record Secret(String id, Instant createTime, Instant expireTime, String status) {
    }

    /** A secret just created: its value is shown once and never kept. */
    public record NewSecret(String id, String value, Instant expireTime) {
        @Override
        public String toString() {
            return "NewSecret[id=" + id + ", value=********, expireTime=" + expireTime + "]";
        }
    }

    /**
     * @param baseUrl {@code https://host[:port]}
     * @param ssl     whom to trust (the demo's truststore, a corporate CA, or the system's)
     */
    public WorkspaceApi(String baseUrl, SSLContext ssl, AdminToken token, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Who the token belongs to, and whether they are a workspace admin (member of {@code admins}). */
    public AdminIdentity me() throws AdminApiException {
        JsonNode me = send("GET", ME, null);
        boolean admin = false;
        for (JsonNode group : me.path("groups")) {
            admin |= ADMINS_GROUP.equals(group.path("display").asText());
        }
        return new AdminIdentity(me.path("userName").asText(""), me.path("displayName").asText(""), admin);
    }

    public Optional<ServicePrincipal> servicePrincipal(String applicationId) throws AdminApiException {
        String filter = URLEncoder.encode("applicationId eq \"" + applicationId + "\"", StandardCharsets.UTF_8);
        JsonNode list = send("GET", SERVICE_PRINCIPALS + "?filter=" + filter, null);
        for (JsonNode sp : list.path("Resources")) {
            if (applicationId.equalsIgnoreCase(sp.path("applicationId").asText())) {
                return Optional.of(principal(sp));
            }
        }
        return Optional.empty();
    }

    /** The SCIM body that creates an active service principal with the Databricks SQL access entitlement. */
    static ObjectNode createServicePrincipalBody(String displayName) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal");
        body.put("displayName", displayName);
        body.put("active", true);
        body.putArray("entitlements").addObject().put("value", SQL_ACCESS);
        return body;
    }

    /** Admin only. The answer carries the new SCIM id and the application (client) id the workspace chose. */
    public ServicePrincipal createServicePrincipal(String displayName) throws AdminApiException {
        return principal(send("POST", SERVICE_PRINCIPALS, createServicePrincipalBody(displayName)));
    }

    /** The SCIM PatchOp body that adds one entitlement. */
    static ObjectNode addEntitlementBody(String entitlement) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        ObjectNode op = body.putArray("Operations").addObject();
        op.put("op", "add");
        op.put("path", "entitlements");
        op.putArray("value").addObject().put("value", entitlement);
        return body;
    }

    void addEntitlement(String scimId, String entitlement) throws AdminApiException {
        send("PATCH", SERVICE_PRINCIPALS + "/" + scimId, addEntitlementBody(entitlement));
    }

    static String permissionsPath(String warehouseId) {
        return "/api/2.0/permissions/warehouses/" + warehouseId;
    }

    /** The Permissions API body that adds CAN USE for a service principal. */
    static ObjectNode canUseBody(String applicationId) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode acl = body.putArray("access_control_list");
        acl.addObject().put("service_principal_name", applicationId).put("permission_level", "CAN_USE");
        return body;
    }

    void grantCanUse(String warehouseId, String applicationId) throws AdminApiException {
        send("PATCH", permissionsPath(warehouseId), canUseBody(applicationId));
    }

    /** True when the warehouse ACL names the service principal with any level. */
    public boolean canUse(String warehouseId, String applicationId) throws AdminApiException {
        JsonNode acl = send("GET", permissionsPath(warehouseId), null);
        for (JsonNode entry : acl.path("access_control_list")) {
            if (applicationId.equalsIgnoreCase(entry.path("service_principal_name").asText())) {
                return true;
            }
        }
        return false;
    }

    public List<Warehouse> warehouses() throws AdminApiException {
        List<Warehouse> list = new ArrayList<>();
        for (JsonNode w : send("GET", WAREHOUSES, null).path("warehouses")) {
            list.add(warehouse(w));
        }
        return list;
    }

    /** {@code GET /api/2.0/sql/warehouses/{id}}: one warehouse and its state. */
    public Warehouse warehouse(String id) throws AdminApiException {
        return warehouse(send("GET", WAREHOUSES + "/" + id, null));
    }

    /** {@code POST /api/2.0/sql/warehouses/{id}/start}: returns at once; the warehouse is STARTING for a while. */
    void startWarehouse(String id) throws AdminApiException {
        send("POST", WAREHOUSES + "/" + id + "/start", JSON.createObjectNode());
    }

    /** EndpointInfo as the SDK reads it: {@code cluster_size}, {@code enable_serverless_compute}, {@code odbc_params.path}. */
    private static Warehouse warehouse(JsonNode w) {
        return new Warehouse(w.path("id").asText(), w.path("name").asText(), w.path("state").asText(),
                w.path("cluster_size").asText(""), w.path("enable_serverless_compute").asBoolean(false),
                w.path("odbc_params").path("path").asText("/sql/1.0/warehouses/" + w.path("id").asText()));
    }

    /**
     * The workspace-level service principal secrets API ({@code ServicePrincipalSecretsProxy} in the
     * SDKs): no account id in the path, the principal named by its SCIM id. The account-level API
     * ({@code /api/2.0/accounts/{account_id}/servicePrincipals/...}) needs an account admin instead.
     */
    static String secretsPath(String scimId) {
        return "/api/2.0/accounts/servicePrincipals/" + scimId + "/credentials/secrets";
    }

    /** Every secret, following {@code next_page_token} (the count per page says nothing about the end). */
    public List<Secret> secrets(String scimId) throws AdminApiException {
        List<Secret> list = new ArrayList<>();
        String page = "";
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonNode answer = send("GET", secretsPath(scimId) + (page.isEmpty() ? ""
                    : "?page_token=" + URLEncoder.encode(page, StandardCharsets.UTF_8)), null);
            for (JsonNode s : answer.path("secrets")) {
                list.add(new Secret(s.path("id").asText(), time(s.path("create_time")), time(s.path("expire_time")),
                        s.path("status").asText("")));
            }
            page = answer.path("next_page_token").asText("");
            if (page.isEmpty()) {
                break;
            }
        }
        return list;
    }

    /** Admin only. Without a lifetime the secret lasts 730 days; its value is in this answer only. */
    public NewSecret createSecret(String scimId) throws AdminApiException {
        JsonNode s = send("POST", secretsPath(scimId), JSON.createObjectNode());
        return new NewSecret(s.path("id").asText(), s.path("secret").asText(), time(s.path("expire_time")));
    }

    /** Stops every call in flight; later calls fail at once as cancelled. */
    public void cancel() {
        cancelled = true;
        inFlight.forEach(f -> f.cancel(true));
    }

    private static Instant time(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ServicePrincipal principal(JsonNode sp) {
        List<String> entitlements = new ArrayList<>();
        sp.path("entitlements").forEach(e -> entitlements.add(e.path("value").asText()));
        return new ServicePrincipal(sp.path("id").asText(), sp.path("applicationId").asText(),
                sp.path("displayName").asText(""), List.copyOf(entitlements));
    }

    private JsonNode send(String method, String path, JsonNode body) throws AdminApiException {
        if (cancelled) {
            throw new AdminApiException(0, Messages.ADMIN.text("api.cancelled"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token.value()).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        inFlight.add(future);
        HttpResponse<String> response;
        try {
            response = future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new AdminApiException(0, Messages.ADMIN.text("api.cancelled"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new AdminApiException(0, Messages.ADMIN.text("api.cancelled"));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AdminApiException(0, Messages.ADMIN.text("api.timeout", method + " " + path, timeout.toSeconds()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new AdminApiException(0, Messages.ADMIN.text("api.unreachable", method + " " + path, detail));
        } finally {
            inFlight.remove(future);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() / 100 != 2 || json == null) {
            String message = json == null ? Messages.ADMIN.text("api.notJson", response.statusCode())
                    : json.path("message").asText(json.path("detail").asText(json.path("error_description").asText("")));
            throw new AdminApiException(response.statusCode(), Messages.ADMIN.text("api.failed", method + " " + path,
                    response.statusCode(), message));
        }
        return json;
    }
}
