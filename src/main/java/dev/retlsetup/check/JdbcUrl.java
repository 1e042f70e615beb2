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
 */
public final class JdbcUrl {
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
        long seconds = Math.max(1, limit.toSeconds());
        StringBuilder url = new StringBuilder("jdbc:databricks://").append(settings.host()).append(':')
                .append(settings.port()).append("/default;transportMode=http;ssl=1;AuthMech=11;Auth_Flow=1;httpPath=")
                .append(settings.httpPath())
                .append(";UseThriftClient=1")
                .append(";socketTimeout=").append(seconds)
                .append(";TemporarilyUnavailableRetryTimeout=").append(seconds)
                .append(";RateLimitRetryTimeout=").append(seconds);
        if (settings.port() != 443) {
            // The driver sends OAuth to port 443 unless told otherwise; Thrift honours the port.
            url.append(";OAuthDiscoveryURL=https://").append(settings.host()).append(':').append(settings.port())
                    .append(OAuthCheck.DISCOVERY_PATH);
        }
        return url.toString();
    }

    public static Properties properties(SourceSettings settings, TrustConfig trust) {
        Properties properties = new Properties();
        properties.setProperty("OAuth2ClientId", settings.clientId());
        properties.setProperty("OAuth2Secret", settings.secret() == null ? "" : settings.secret());
        if (trust.isCustom()) {
            properties.setProperty("SSLTrustStore", trust.trustStore().toAbsolutePath().toString());
            properties.setProperty("SSLTrustStoreType", trust.type());
            if (trust.password() != null) {
                properties.setProperty("SSLTrustStorePwd", trust.password());
            }
        }
        return properties;
    }
}
