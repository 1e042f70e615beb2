package dev.retlsetup.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The demo-only TLS identity: a self-signed certificate for localhost / 127.0.0.1 shipped as a
 * resource together with a truststore holding just that certificate. The private key is public
 * (it is in the repository); it exists only so that clients can talk real HTTPS with real trust
 * checks to the emulator, instead of switching certificate checks off.
 */
final class DemoTls {
    static final String TRUST_STORE_PASSWORD = "demo-truststore";
    static final String TRUST_STORE_TYPE = "PKCS12";
    private static final String KEY_STORE_RESOURCE = "demo-keystore.p12";
    private static final String TRUST_STORE_RESOURCE = "demo-truststore.p12";
    private static final char[] KEY_STORE_PASSWORD = "demo-only-not-secret".toCharArray();

    private DemoTls() {
    }

    static SSLContext serverContext() {
        try (InputStream in = resource(KEY_STORE_RESOURCE)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, KEY_STORE_PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, KEY_STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the demo TLS key store", e);
        }
    }

    /**
     * Writes the truststore to a fresh temp file, readable by its owner only (rw-------, set as the
     * file is created, so it is never world-readable even for a moment). The caller deletes it when
     * the server stops; the JVM deletes it on every exit it runs (normal end, window closed,
     * System.exit, SIGINT, SIGTERM), should the server not have been stopped.
     */
    static Path writeTrustStore() throws IOException {
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile("retl-setup-demo-truststore-", ".p12",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("retl-setup-demo-truststore-", ".p12");
        file.toFile().deleteOnExit();
        // Written into the file just made (REPLACE_EXISTING would recreate it with the default 644).
        try (InputStream in = resource(TRUST_STORE_RESOURCE); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return file;
    }

    /** A client context trusting only the demo certificate (for tests and direct REST calls). */
    static SSLContext clientContext(Path trustStore) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(TRUST_STORE_TYPE);
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the demo truststore", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoTls.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource missing from the build: dev/retlsetup/demo/" + name);
        }
        return in;
    }
}
