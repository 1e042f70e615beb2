package dev.retlsetup.demo;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * A local emulator of a Databricks workspace with one SQL warehouse, speaking the wire protocols the
 * real databricks-jdbc driver uses (HTTPS, OIDC + client-credentials OAuth, Thrift TCLIService over
 * HTTP) plus the REST calls the wizard makes. It listens on 127.0.0.1 only, with a demo-only TLS
 * certificate whose truststore is written to a temp file for clients.
 *
 * <p>This package imports nothing from the rest of the application on purpose: the wizard must reach
 * it over the network exactly as it reaches a real workspace.
 */
public final class DemoWorkspace implements AutoCloseable {
    private static final String HOST = "localhost";
    /** The published admin token lasts a working day: the demo is a local emulator, not a workspace. */
    private static final java.time.Duration ADMIN_TOKEN_LIFETIME = java.time.Duration.ofHours(12);
    /** Connections the OS queues before the server accepts them. */
    private static final int BACKLOG = 128;

    static {
        // Read once, when the JVM's first HTTP server is made: this class must set them before that.
        ServerLimits.applyToJdkServer();
    }

    private final Scenario scenario;
    private final HttpsServer server;
    /** The sign-in page's plain-HTTP listener on loopback. */
    private final HttpServer signIn;
    private final ExecutorService executor;
    private final Path trustStore;
    private final ThriftEndpoint thrift;
    private final Metastore store;
    private final Directory directory;
    private final String adminToken;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private DemoWorkspace(Scenario scenario, HttpsServer server, HttpServer signIn, ExecutorService executor,
                          Path trustStore, ThriftEndpoint thrift, Metastore store, Directory directory, String adminToken) {
        this.signIn = signIn;
        this.scenario = scenario;
        this.store = store;
        this.directory = directory;
        this.adminToken = adminToken;
        this.thrift = thrift;
        this.server = server;
        this.executor = executor;
        this.trustStore = trustStore;
    }

    /** Starts serving {@code scenario} on 127.0.0.1:{@code port}; port 0 picks a free port. */
    public static DemoWorkspace start(Scenario scenario, int port) throws IOException {
        ScenarioSpec spec = scenario.spec();
        // Loaded first (a large scenario generates its rows here), so a bad scenario binds no port.
        Metastore store = Metastore.of(spec, DemoCredentials.CLIENT_ID);
        SSLContext tls = DemoTls.serverContext();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        Path trustStore = DemoTls.writeTrustStore();
        ExecutorService executor = ServerLimits.workers();
        int actualPort = server.getAddress().getPort();
        String url = "https://" + HOST + ":" + actualPort;
        Clock clock = Clock.systemUTC();
        AccessTokens tokens = new AccessTokens(url + "/oidc", clock);
        Warehouse warehouse = new Warehouse(spec.warehouse().state(), scenario.startingDelay(), clock);
        String defaultCatalog = spec.defaultCatalog() != null ? spec.defaultCatalog()
                : spec.catalogs().isEmpty() ? Privileges.LEGACY_CATALOG : spec.catalogs().get(0).name();
        SqlEngine engine = new SqlEngine(store, DemoCredentials.CLIENT_ID, Metastore.lower(defaultCatalog));
        engine.failProbeDrops(spec.behaviour().probeDropFails());
        Directory directory = new Directory(spec, clock);
        ThriftEndpoint thrift = new ThriftEndpoint(engine, warehouse, directory);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(tokens, clock);
        // The browser's sign-in page on plain HTTP, loopback only: a self-signed certificate would make the
        // system browser warn before the page; the code it hands back is exchanged over HTTPS as before.
        HttpServer signIn = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), BACKLOG);
        String signInUrl = "http://" + HOST + ":" + signIn.getAddress().getPort();
        WorkspaceRouter router = new WorkspaceRouter(spec, tokens,
                new OidcEndpoints(url, signInUrl, tokens, directory, authorize),
                new RestEndpoints(spec, warehouse, directory, HOST, actualPort), thrift,
                new RequestBodies(ServerLimits.BODY_BUDGET_BYTES), authorize,
                new AdminEndpoints(directory, DemoCredentials.WAREHOUSE_ID));
        server.createContext("/", router);
        server.setExecutor(executor);
        signIn.createContext("/", router.signInPageOnly());
        signIn.setExecutor(executor);
        server.start();
        signIn.start();
        String adminToken = tokens.issue(DemoAdmin.USER_NAME, DemoAdmin.U2M_CLIENT_ID, ADMIN_TOKEN_LIFETIME);
        return new DemoWorkspace(scenario, server, signIn, executor, trustStore, thrift, store, directory, adminToken);
    }

    /** {@code https://localhost:PORT}. */
    public String url() {
        return "https://" + HOST + ":" + port();
    }

    /** {@code http://localhost:PORT}: where the browser signs in (the sign-in page only, on loopback). */
    public String signInUrl() {
        return "http://" + HOST + ":" + signIn.getAddress().getPort();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String httpPath() {
        return "/sql/1.0/warehouses/" + DemoCredentials.WAREHOUSE_ID;
    }

    public String warehouseId() {
        return DemoCredentials.WAREHOUSE_ID;
    }

    public String clientId() {
        return DemoCredentials.CLIENT_ID;
    }

    public String clientSecret() {
        return DemoCredentials.CLIENT_SECRET;
    }

    /** A PKCS12 truststore holding only the demo certificate; deleted by {@link #close()}. */
    public Path trustStorePath() {
        return trustStore;
    }

    public String trustStorePassword() {
        return DemoTls.TRUST_STORE_PASSWORD;
    }

    public String trustStoreType() {
        return DemoTls.TRUST_STORE_TYPE;
    }

    /** An SSLContext that trusts this workspace (and nothing else), for direct REST calls. */
    public SSLContext clientSslContext() {
        return DemoTls.clientContext(trustStore);
    }

    /** The OIDC discovery URL to give the driver as OAuthDiscoveryURL (it ignores the port otherwise). */
    public String oauthDiscoveryUrl() {
        return url() + OidcEndpoints.DISCOVERY_PATH;
    }

    /** A JDBC URL for the real driver: Thrift, OAuth M2M, this workspace's truststore. */
    public String jdbcUrl() {
        return "jdbc:databricks://" + HOST + ":" + port() + ";transportMode=http;ssl=1;httpPath=" + httpPath()
                + ";AuthMech=11;Auth_Flow=1;OAuthDiscoveryURL=" + oauthDiscoveryUrl()
                + ";SSLTrustStore=" + trustStore + ";SSLTrustStorePwd=" + trustStorePassword()
                + ";SSLTrustStoreType=" + trustStoreType() + ";UseThriftClient=1";
    }

    /**
     * A bearer token of the demo admin ({@link DemoAdmin#USER_NAME}), valid for this run only: published
     * like the demo secret, so the command line's {@code fix} can be tried without a browser.
     */
    public String adminToken() {
        return adminToken;
    }

    /** "METHOD path" of each admin API call that changed something, in order. */
    public java.util.List<String> adminChanges() {
        return directory.changes();
    }

    /** Names of the Thrift calls received so far, in order (OpenSession, ExecuteStatement, ...). */
    public java.util.List<String> thriftCalls() {
        return thrift.calls();
    }

    /**
     * Thrift response bytes this workspace has sent so far (results, metadata, statuses): read it
     * before and after a step to see how much data the step pulled from the warehouse.
     */
    public long thriftBytesSent() {
        return thrift.bytesSent();
    }

    /** {@link #thriftBytesSent()} by Thrift call (ExecuteStatement, FetchResults, GetOperationStatus...). */
    public java.util.Map<String, Long> thriftBytesByCall() {
        return thrift.bytesByCall();
    }

    /**
     * Runs a {@code GRANT privileges ON CATALOG|SCHEMA|TABLE name TO `principal`} as a workspace admin
     * would (the service principal itself may not grant), so a test can apply a remediation.
     *
     * @throws IllegalArgumentException when the text is not such a GRANT
     */
    public void grantAsAdmin(String grant) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?is)^\\s*GRANT\\s+(.+?)\\s+ON\\s+(CATALOG|SCHEMA|TABLE)\\s+(\\S+)\\s+TO\\s+`?([^`;]+)`?\\s*;?\\s*$")
                .matcher(grant);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a GRANT ... ON CATALOG|SCHEMA|TABLE ... TO ...: " + grant);
        }
        SecurableType type = SecurableType.parse(m.group(2));
        String key = Metastore.lower(m.group(3).replace("`", ""));
        synchronized (store) {
            for (String privilege : m.group(1).split(",")) {
                store.grant(m.group(4).strip(), type, key, privilege.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Stops the server and deletes the truststore file. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        signIn.stop(0);
        executor.shutdownNow();
        thrift.close();
        store.close();
        try {
            Files.deleteIfExists(trustStore);
        } catch (IOException ignored) {
            // deleteOnExit is registered as a fallback.
        }
    }
}
