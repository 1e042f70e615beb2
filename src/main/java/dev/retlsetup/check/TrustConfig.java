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
    /** A few recently read stores, least recently used dropped first. */
    private static final Map<String, Loaded> LOADED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
            return size() > 4;
        }
    };

    /** A trust store as read, and the SSL context trusting it. */
    private record Loaded(KeyStore store, SSLContext context) {
    }

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
        return trustStore == null ? SSLContext.getDefault() : loaded().context();
    }

    /** The custom store's certificates as read (once per content, as {@link #sslContext()}); never modify it. */
    KeyStore keyStore() throws IOException, GeneralSecurityException {
        return loaded().store();
    }

    /** Identifies the store's content: its path, password, size and modification time. */
    String contentKey() throws IOException {
        Path file = trustStore.toAbsolutePath();
        return file + "\u0000" + password + "\u0000" + Files.size(file) + "\u0000"
                + Files.getLastModifiedTime(file).toMillis();
    }

    private Loaded loaded() throws IOException, GeneralSecurityException {
        String key = contentKey();
        synchronized (LOADED) {
            Loaded cached = LOADED.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Loaded loaded = load();
        synchronized (LOADED) {
            LOADED.put(key, loaded);
        }
        return loaded;
    }

    private Loaded load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type());
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return new Loaded(store, context);
    }

    @Override
    public String toString() {
        return "TrustConfig[" + (trustStore == null ? "system default" : trustStore) + "]";
    }
}
