package dev.retlsetup.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who exists in the running workspace and what the workspace-level settings grant them: the admin,
 * the service principals (entitlements, OAuth secrets with their expiry), and the warehouse's access
 * control list. Mutable (the admin APIs change it) and thread-safe; starts from the scenario.
 */
final class Directory {
    static final String SQL_ACCESS = "databricks-sql-access";
    /** Secrets created without a lifetime last 730 days, as on Databricks. */
    static final Duration DEFAULT_SECRET_LIFETIME = Duration.ofDays(730);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> principalsByScimId = new LinkedHashMap<>();
    /** Warehouse ACL entries granted directly: principal name (user, group or application id) → level. */
    private final Map<String, String> warehouseAcl = new LinkedHashMap<>();
    /** Method and path of every call that changed something, in order: tests check nothing else ran. */
    private final List<String> changes = new CopyOnWriteArrayList<>();

    static final class Principal {
        final String scimId;
        final String applicationId;
        final String displayName;
        final Set<String> entitlements = new LinkedHashSet<>();
        final List<Secret> secrets = new ArrayList<>();

        Principal(String scimId, String applicationId, String displayName) {
            this.scimId = scimId;
            this.applicationId = applicationId;
            this.displayName = displayName;
        }
    }

    /** An OAuth secret; {@code expireTime} null means it never expires (secrets made before 2025). */
    record Secret(String id, String value, Instant createTime, Instant expireTime) {
        boolean expired(Instant now) {
            return expireTime != null && !now.isBefore(expireTime);
        }

        String hash() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }
    }

    Directory(ScenarioSpec spec, Clock clock) {
        this.clock = clock;
        warehouseAcl.put(DemoAdmin.USER_NAME, "IS_OWNER");
        warehouseAcl.put(DemoAdmin.ADMINS_GROUP, "CAN_MANAGE");
        ScenarioSpec.PrincipalSpec p = spec.principal();
        if (!p.exists()) {
            return;
        }
        Principal principal = new Principal(p.scimId(), DemoCredentials.CLIENT_ID, p.displayName());
        if (p.sqlAccess()) {
            principal.entitlements.add(SQL_ACCESS);
        }
        Instant now = clock.instant();
        Instant expiry = null;
        Instant created = now.minus(Duration.ofDays(30));
        if (spec.behaviour().secretExpired()) {
            created = now.minus(DEFAULT_SECRET_LIFETIME).minus(Duration.ofDays(1));
            expiry = now.minus(Duration.ofDays(1));
        } else if (p.secretExpiresInDays() != null) {
            expiry = now.plus(Duration.ofDays(p.secretExpiresInDays()));
            created = expiry.minus(DEFAULT_SECRET_LIFETIME);
        }
        principal.secrets.add(new Secret("7d6a1f0c2b9e4a35", DemoCredentials.CLIENT_SECRET, created, expiry));
        principalsByScimId.put(principal.scimId, principal);
        if (spec.warehouse().canUse()) {
            warehouseAcl.put(principal.applicationId, "CAN_USE");
        }
    }

    Instant now() {
        return clock.instant();
    }

    static boolean isAdmin(String principal) {
        return DemoAdmin.USER_NAME.equals(principal);
    }

    synchronized boolean authenticate(String applicationId, String secret) {
        Instant now = clock.instant();
        return byApplicationId(applicationId).map(p -> p.secrets.stream()
                .anyMatch(s -> !s.expired(now) && MessageDigest.isEqual(
                        s.value().getBytes(StandardCharsets.UTF_8), secret == null ? new byte[0]
                                : secret.getBytes(StandardCharsets.UTF_8)))).orElse(false);
    }

    synchronized Optional<Principal> byApplicationId(String applicationId) {
        return principalsByScimId.values().stream().filter(p -> p.applicationId.equals(applicationId)).findFirst();
    }

    synchronized Optional<Principal> byScimId(String scimId) {
        return Optional.ofNullable(principalsByScimId.get(scimId));
    }

    synchronized List<Principal> principals() {
        return List.copyOf(principalsByScimId.values());
    }

    /** CAN USE or more on the warehouse, directly or as an admin. */
    synchronized boolean canUseWarehouse(String principal) {
        return isAdmin(principal) || warehouseAcl.containsKey(principal);
    }

    /** A principal without the entitlement cannot run SQL on any warehouse. */
    synchronized boolean hasSqlAccess(String principal) {
        return isAdmin(principal) || byApplicationId(principal).map(p -> p.entitlements.contains(SQL_ACCESS))
                .orElse(false);
    }

    synchronized Map<String, String> warehouseAcl() {
        return new LinkedHashMap<>(warehouseAcl);
    }

    /** PATCH semantics: adds or raises entries, never removes one. */
    synchronized void addToWarehouseAcl(String principal, String level) {
        warehouseAcl.put(principal, level);
    }

    synchronized Principal createPrincipal(String displayName) {
        String scimId = String.valueOf(1_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_999_999_999_999_999L));
        Principal principal = new Principal(scimId, UUID.randomUUID().toString(), displayName);
        principalsByScimId.put(scimId, principal);
        return principal;
    }

    synchronized void addEntitlement(Principal principal, String entitlement) {
        principal.entitlements.add(entitlement);
    }

    synchronized Secret createSecret(Principal principal, Duration lifetime) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String value = "dose" + HexFormat.of().formatHex(bytes);
        byte[] id = new byte[8];
        random.nextBytes(id);
        Instant now = clock.instant();
        Secret secret = new Secret(HexFormat.of().formatHex(id), value, now, now.plus(lifetime));
        principal.secrets.add(secret);
        return secret;
    }

    synchronized List<Secret> secrets(Principal principal) {
        return List.copyOf(principal.secrets);
    }

    void recordChange(String method, String path) {
        changes.add(method + " " + path);
    }

    List<String> changes() {
        return List.copyOf(changes);
    }
}
