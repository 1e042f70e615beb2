package dev.retlsetup.check;

import dev.retlsetup.source.SourceSettings;
import java.time.Duration;
import java.util.Properties;

/**
 * How the real driver is pointed at a workspace: OAuth machine-to-machine, the Thrift transport,
 * the configured port honoured for OAuth too, the run's trust store, and the driver's own waits
 * bounded by the time limit of the check that uses it. Credentials travel as properties, never in
 * the URL, so they cannot surface in an exception text that quotes the URL.
 *
 * <p>Why {@code UseThriftClient=1} on every port: without it the driver 3.4.5 picks Thrift or the
 * SQL Statement Execution API from a server-side feature flag, so the transport a test proved
 * could differ from the one the next connection uses, and the demo (which speaks Thrift) would
 * exercise another code path than a real workspace on 443. Segment's own connector uses Thrift
 * too. Pinning it makes the tested path the path that runs.
 *
 * <p>Why the timeouts: the driver's defaults ({@code socketTimeout} and
 * {@code TemporarilyUnavailableRetryTimeout}, 900 s each in 3.4.5, and the rate-limit retry) can
 * hold a connection for 15 minutes, far past any check's time limit; derived from the limit, the
 * driver gives up no later than the check does.
 *
 * <p>Why the tester hands the driver its token ({@link #withToken}): the sign-in check has just made
 * the driver's own OAuth exchange (the same discovery document, the same client-credentials POST
 * with the same scope), and the driver would repeat both, plus load its OAuth client, before its
 * first statement. With {@code Auth_Flow=0} and the token the run already holds, each exchange
 * happens once per run and the session check proves what only the driver can: the warehouse
 * accepts a Thrift session with that principal's token.
 *
 * <p>Why that session says {@code EnableTelemetry=0}: with telemetry on, the driver 3.4.5 fetches
 * its feature flags from the workspace inside {@code connect} (an HTTPS exchange whose only use is
 * to ask whether to send telemetry) and exports its latency records on {@code close}. A setup
 * tool's probe has no business reporting usage on the user's behalf, neither exchange bears on
 * whether Segment can sync, and both sit on the test's critical path. And {@code EnableTokenFederation=0}:
 * the token came from this workspace's own token endpoint, so there is nothing to exchange, and the
 * driver would otherwise build a second HTTP client (and read the trust store once more) to wrap it.
 */
public final class JdbcUrl {
    static {
        // Before any session opens: the driver's HTTP client would log the bearer token at FINE.
        HeaderLogs.silence();
    }

    /** Used when a caller names no time limit (the Add step's schema creation, the benchmark). */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private JdbcUrl() {
    }

    public static String url(SourceSettings settings) {
        return url(settings, DEFAULT_LIMIT);
    }

    /**
     * @param limit the time limit of the check that opens and uses the connection; the driver's
     *              socket read timeout and its retry budgets for 503/429 answers are set to it
     */
    public static String url(SourceSettings settings, Duration limit) {
        String url = common(settings, limit, 1);
        if (settings.port() != 443) {
            // The driver sends OAuth to port 443 unless told otherwise; Thrift honours the port.
            url += ";OAuthDiscoveryURL=https://" + settings.host() + ':' + settings.port() + OAuthCheck.DISCOVERY_PATH;
        }
        return url;
    }

    /**
     * The URL of a session signed in with a token the caller already obtained (no OAuth by the
     * driver), for the tester's own probe session: without the driver's usage telemetry.
     */
    static String withToken(SourceSettings settings, Duration limit) {
        return common(settings, limit, 0) + ";EnableTelemetry=0;EnableTokenFederation=0";
    }

    /** What every session's URL says: Thrift pinned, and the driver's time limits the check's own. */
    private static String common(SourceSettings settings, Duration limit, int authFlow) {
        long seconds = Math.max(1, limit.toSeconds());
        return "jdbc:databricks://" + settings.host() + ':' + settings.port()
                + "/default;transportMode=http;ssl=1;AuthMech=11;Auth_Flow=" + authFlow + ";httpPath="
                + settings.httpPath() + ";UseThriftClient=1;socketTimeout=" + seconds
                + ";TemporarilyUnavailableRetryTimeout=" + seconds + ";RateLimitRetryTimeout=" + seconds;
    }

    /** The properties for {@link #withToken}: the token and the trust, no client secret. */
    static Properties tokenProperties(String accessToken, TrustConfig trust) {
        Properties properties = new Properties();
        properties.setProperty("Auth_AccessToken", accessToken);
        addTrust(properties, trust);
        return properties;
    }

    public static Properties properties(SourceSettings settings, TrustConfig trust) {
        Properties properties = new Properties();
        properties.setProperty("OAuth2ClientId", settings.clientId());
        properties.setProperty("OAuth2Secret", settings.secret() == null ? "" : settings.secret());
        addTrust(properties, trust);
        return properties;
    }

    /**
     * The trust store the driver is to use, when it is not the system's (every session's properties
     * say it): the same certificates in the copy the driver reads without a key derivation
     * ({@link DriverTrustStore}), else the user's store itself.
     */
    public static void addTrust(Properties properties, TrustConfig trust) {
        if (!trust.isCustom()) {
            return;
        }
        java.nio.file.Path copy = DriverTrustStore.of(trust);
        if (copy != null) {
            properties.setProperty("SSLTrustStore", copy.toString());
            properties.setProperty("SSLTrustStoreType", DriverTrustStore.TYPE);
            return;
        }
        properties.setProperty("SSLTrustStore", trust.trustStore().toAbsolutePath().toString());
        properties.setProperty("SSLTrustStoreType", trust.type());
        if (trust.password() != null) {
            properties.setProperty("SSLTrustStorePwd", trust.password());
        }
    }
}
