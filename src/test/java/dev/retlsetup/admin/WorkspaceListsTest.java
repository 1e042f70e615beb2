package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.source.SourceSettings;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pickers' lists against demo workspaces: real HTTPS for REST, the real driver for SHOW. */
class WorkspaceListsTest {
    private static SourceSettings settings(DemoWorkspace ws) {
        return new SourceSettings(ws.host(), ws.httpPath(), ws.port(), ws.clientId(), ws.clientSecret(), "main",
                List.of("main.marketing"));
    }

    private static WorkspaceLists asAdmin(DemoWorkspace ws) {
        return WorkspaceLists.asAdmin(settings(ws), AdminDemo.trust(ws), AdminToken.of(ws.adminToken()),
                WorkspaceLists.LIMIT);
    }

    private static WorkspaceLists asPrincipal(DemoWorkspace ws) {
        return WorkspaceLists.asPrincipal(settings(ws), AdminDemo.trust(ws), WorkspaceLists.LIMIT);
    }

    @Test
    void adminListsTheWarehouseWithItsHttpPathAndEveryCatalogAndSchema() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-warehouse-access"); WorkspaceLists lists = asAdmin(ws)) {
            List<WorkspaceApi.Warehouse> warehouses = lists.warehouses();
            assertEquals(1, warehouses.size(), warehouses.toString());
            WorkspaceApi.Warehouse warehouse = warehouses.get(0);
            assertEquals(ws.httpPath(), warehouse.httpPath());
            assertFalse(warehouse.name().isBlank());
            assertEquals("RUNNING", warehouse.state());
            assertFalse(warehouse.size().isBlank());
            assertTrue(lists.catalogs().contains("main"), "SHOW CATALOGS as the admin");
            assertTrue(lists.schemas("main").contains("marketing"), "SHOW SCHEMAS IN main as the admin");
        }
    }

    @Test
    void principalListsWhatItMayUse() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("ready"); WorkspaceLists lists = asPrincipal(ws)) {
            assertEquals(List.of(ws.httpPath()), lists.warehouses().stream().map(WorkspaceApi.Warehouse::httpPath).toList());
            assertTrue(lists.catalogs().contains("main"));
            assertTrue(lists.schemas("main").contains("marketing"));
        }
    }

    @Test
    void principalWithoutCanUseSeesNoWarehouse() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("no-warehouse-access"); WorkspaceLists lists = asPrincipal(ws)) {
            assertEquals(List.of(), lists.warehouses(), "the list holds only warehouses the caller may use");
        }
    }

    @Test
    void schemasOfAnUnknownCatalogFailInPlainWords() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("ready"); WorkspaceLists lists = asPrincipal(ws)) {
            WorkspaceLists.ListException e = assertThrows(WorkspaceLists.ListException.class,
                    () -> lists.schemas("no_such_catalog"));
            assertTrue(e.getMessage().contains("SHOW SCHEMAS IN `no_such_catalog`"), e.getMessage());
            assertFalse(e.getMessage().contains(ws.clientSecret()), "never the secret");
            assertFalse(e.getMessage().contains("\n\tat "), "no stack trace");
        }
    }

    @Test
    void wrongSecretSaysThePrincipalCouldNotSignInWithoutTheSecret() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("ready")) {
            SourceSettings wrong = settings(ws).withSecret("dose-wrong-secret-1234567890");
            try (WorkspaceLists lists = WorkspaceLists.asPrincipal(wrong, AdminDemo.trust(ws), WorkspaceLists.LIMIT)) {
                WorkspaceLists.ListException e = assertThrows(WorkspaceLists.ListException.class, lists::warehouses);
                assertTrue(e.getMessage().contains(ws.clientId()), e.getMessage());
                assertFalse(e.getMessage().contains("dose-wrong-secret-1234567890"), e.getMessage());
            }
        }
    }

    @Test
    void catalogsNeedAWarehouse() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("ready")) {
            SourceSettings noPath = new SourceSettings(ws.host(), null, ws.port(), ws.clientId(), ws.clientSecret(),
                    null, List.of());
            try (WorkspaceLists lists = WorkspaceLists.asPrincipal(noPath, AdminDemo.trust(ws), WorkspaceLists.LIMIT)) {
                WorkspaceLists.ListException e = assertThrows(WorkspaceLists.ListException.class, lists::catalogs);
                assertTrue(e.getMessage().contains("HTTP path"), e.getMessage());
            }
        }
    }

    @Test
    void expiringSecretIsReadByTheAdminAndByThePrincipalItself() throws Exception {
        try (DemoWorkspace ws = AdminDemo.start("secret-expiring"); WorkspaceLists admin = asAdmin(ws);
             WorkspaceLists self = asPrincipal(ws)) {
            SecretExpiry byAdmin = admin.secretExpiry(ws.clientId(), Instant.now());
            assertEquals(SecretExpiry.Kind.EXPIRES_SOON, byAdmin.kind());
            assertTrue(byAdmin.warn());
            assertTrue(byAdmin.daysLeft() >= 9 && byAdmin.daysLeft() <= 10, String.valueOf(byAdmin.daysLeft()));
            assertEquals(byAdmin.kind(), self.secretExpiry(ws.clientId(), Instant.now()).kind());
        }
        try (DemoWorkspace ws = AdminDemo.start("ready"); WorkspaceLists self = asPrincipal(ws)) {
            assertFalse(self.secretExpiry(ws.clientId(), Instant.now()).warn(), "ready: nothing to warn about");
        }
    }

    /** A workspace that accepts the connection and never answers: the list stops at its time limit. */
    @Test
    void silentWorkspaceStopsAtTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            SourceSettings settings = new SourceSettings("127.0.0.1", "/sql/1.0/warehouses/abc", silent.getLocalPort(),
                    "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "some-secret-value", null, List.of());
            long start = System.nanoTime();
            try (WorkspaceLists lists = WorkspaceLists.asAdmin(settings, dev.retlsetup.check.TrustConfig.systemDefault(),
                    AdminToken.of("admin-token-value"), Duration.ofSeconds(1))) {
                WorkspaceLists.ListException e = assertThrows(WorkspaceLists.ListException.class, lists::warehouses);
                assertEquals(WorkspaceLists.Failure.TIMED_OUT, e.failure(), e.getMessage());
                assertTrue(e.getMessage().contains("1 seconds"), e.getMessage());
            }
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10, "stopped near the limit");
            Socket socket = held.getNow(null);
            if (socket != null) {
                socket.close();
            }
        }
    }

    @Test
    void cancelStopsTheCallInFlight() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            SourceSettings settings = new SourceSettings("127.0.0.1", "/sql/1.0/warehouses/abc", silent.getLocalPort(),
                    "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "some-secret-value", null, List.of());
            try (WorkspaceLists lists = WorkspaceLists.asAdmin(settings, dev.retlsetup.check.TrustConfig.systemDefault(),
                    AdminToken.of("admin-token-value"), Duration.ofSeconds(60))) {
                CompletableFuture<WorkspaceLists.Failure> outcome = CompletableFuture.supplyAsync(() -> {
                    try {
                        lists.warehouses();
                        return null;
                    } catch (WorkspaceLists.ListException e) {
                        return e.failure();
                    }
                });
                Socket socket = held.get(10, TimeUnit.SECONDS);
                // the connection was accepted and waits for its TLS answer: the call is in flight
                lists.cancel();
                assertEquals(WorkspaceLists.Failure.CANCELLED, outcome.get(10, TimeUnit.SECONDS));
                socket.close();
                assertEquals(WorkspaceLists.Failure.CANCELLED,
                        assertThrows(WorkspaceLists.ListException.class, lists::catalogs).failure());
            }
        }
    }
}
