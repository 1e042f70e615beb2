package dev.retlsetup.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates to trust: the JDK's defaults, or a trust store the user gives (a corporate
 * CA behind TLS inspection, or the demo workspace's). Trusting everything is deliberately absent.
 */
public record TrustConfig(Path trustStore, String password) {
    /** A few recent contexts, least recently used dropped first. */
    private static final Map<String, SSLContext> CONTEXTS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SSLContext> eldest) {
            return size() > 4;
        }
    };

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

    /**
     * An SSL context trusting exactly what the driver will trust, for the tester's own probes. Made
     * once per trust store file content (path, password, size, modification time): loading a PKCS12
     * store costs several milliseconds of key derivation on every run otherwise. A changed file gets a
     * new context.
     */
    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        if (trustStore == null) {
            return SSLContext.getDefault();
        }
        Path file = trustStore.toAbsolutePath();
        String key = file + "\u0000" + password + "\u0000" + Files.size(file) + "\u0000"
                + Files.getLastModifiedTime(file).toMillis();
        synchronized (CONTEXTS) {
            SSLContext cached = CONTEXTS.get(key);
            if (cached != null) {
                return cached;
            }
        }
        SSLContext context = load();
        synchronized (CONTEXTS) {
            CONTEXTS.put(key, context);
        }
        return context;
    }

    private SSLContext load() throws IOException, GeneralSecurityException {
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
