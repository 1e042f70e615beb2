package dev.retlsetup.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates to trust: the JDK's defaults, or a trust store the user gives (a corporate
 * CA behind TLS inspection, or the demo workspace's). Trusting everything is deliberately absent.
 */
public record TrustConfig(Path trustStore, String password) {
    public static TrustConfig systemDefault() {
        return new TrustConfig(null, null);
    }

    public boolean isCustom() {
        return trustStore != null;
    }

    /** PKCS12 unless the file name says JKS; the driver needs the type spelled out. */
    public String type() {
        if (trustStore == null) {
            return null;
        }
        String name = trustStore.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    /** An SSL context trusting exactly what the driver will trust, for the tester's own probes. */
    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        if (trustStore == null) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(type());
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return "TrustConfig[" + (trustStore == null ? "system default" : trustStore) + "]";
    }
}
