package dev.retlsetup.check;

import dev.retlsetup.source.SourceSettings;
import java.util.Properties;

/**
 * How the real driver is pointed at a workspace: OAuth machine-to-machine, the configured port
 * honoured for OAuth too, and the run's trust store. Credentials travel as properties, never in
 * the URL, so they cannot surface in an exception text that quotes the URL.
 */
public final class JdbcUrl {
    private JdbcUrl() {
    }

    public static String url(SourceSettings settings) {
        StringBuilder url = new StringBuilder("jdbc:databricks://").append(settings.host()).append(':')
                .append(settings.port()).append("/default;transportMode=http;ssl=1;AuthMech=11;Auth_Flow=1;httpPath=")
                .append(settings.httpPath());
        if (settings.port() != 443) {
            // The driver sends OAuth to port 443 unless told otherwise; Thrift honours the port.
            url.append(";OAuthDiscoveryURL=https://").append(settings.host()).append(':').append(settings.port())
                    .append(OAuthCheck.DISCOVERY_PATH).append(";UseThriftClient=1");
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
