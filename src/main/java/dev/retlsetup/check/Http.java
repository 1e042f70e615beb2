package dev.retlsetup.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;

/**
 * The tester's own HTTPS calls (OIDC discovery, the token, the warehouse API), with the run's trust
 * and short time limits. One per run ({@link ConnectionTestRun#http()}): its connection is kept
 * alive and reused by every check, so the run makes one TLS handshake for all of them.
 *
 * <p>Built on {@link HttpsURLConnection} rather than {@code java.net.http.HttpClient}: in a fresh
 * process the latter starts a selector thread and loads a few hundred classes of its own (an
 * SSLEngine stack, its futures and lambdas), while this path (a plain socket, then TLS layered on
 * it) is the one the driver's HTTP client takes too, so its classes are loaded once for both.
 * A blocking socket does not notice an interrupt, so {@link #abort()} closes the run's sockets:
 * a stopped or cancelled check ends at once, in connect, handshake or read alike.
 */
final class Http {
    static {
        // Before the first request: the JDK's HttpURLConnection logs the Authorization header at FINE.
        HeaderLogs.silence();
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** An answer: status, body (UTF-8) and the TLS session it came over. */
    record Response(int statusCode, String body, Optional<SSLSession> sslSession) {
    }

    private final TrackedSockets sockets;
    /** The workers in an exchange now: stopping one of them aborts the exchange. */
    private final Set<Thread> exchanging = ConcurrentHashMap.newKeySet();

    Http(SSLContext context) {
        this.sockets = new TrackedSockets(context.getSocketFactory());
    }

    static String baseUrl(ConnectionTestRun session) {
        int port = session.settings().port();
        return "https://" + session.settings().host() + (port == 443 ? "" : ":" + port);
    }

    Response get(String url, Map<String, String> headers) throws IOException {
        return exchange("GET", url, headers, null);
    }

    Response post(String url, Map<String, String> headers, String body) throws IOException {
        return exchange("POST", url, headers, body);
    }

    /** Headers in the order given, for a request. */
    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private Response exchange(String method, String url, Map<String, String> headers, String body)
            throws IOException {
        Thread worker = Thread.currentThread();
        exchanging.add(worker);
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        try {
            connection.setSSLSocketFactory(sockets);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod(method);
            connection.setRequestProperty("User-Agent", "retl-setup");
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                // Buffered, not streamed: in streaming mode a 401 (a wrong secret) surfaces as an
                // HttpRetryException instead of the answer the sign-in check reads.
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            Optional<SSLSession> tls = connection.getSSLSession();
            // Read to the end and close: the connection goes back to the keep-alive cache for the next check.
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = "";
            if (in != null) {
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, text, tls);
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            throw e;
        } finally {
            exchanging.remove(worker);
        }
    }

    /** Whether {@code worker} is in an exchange now. */
    boolean inExchange(Thread worker) {
        return exchanging.contains(worker);
    }

    /** Closes every socket of the run: an exchange in flight fails at once, nothing stays open. */
    void abort() {
        sockets.closeAll();
    }

    /** The body as JSON fields, or empty when it is not a JSON object (an HTML login page, a proxy error...). */
    static Optional<JsonFields> json(Response response) {
        return JsonFields.parse(response.body());
    }

    /** "HTTP 401: {body}" trimmed to something readable. */
    static String describe(Response response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.length() > 600) {
            body = body.substring(0, 600) + "…";
        }
        return "HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body);
    }

    /**
     * Hands {@link HttpsURLConnection} a plain socket, which it connects and then layers TLS on
     * (through this factory), and remembers every socket so {@link #closeAll()} can end them.
     */
    private static final class TrackedSockets extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        /** The TCP sockets under the TLS ones: closing one ends its exchange at once, without a TLS goodbye. */
        private final Set<Socket> plain = ConcurrentHashMap.newKeySet();
        private final Set<Socket> layered = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        TrackedSockets(SSLSocketFactory tls) {
            this.tls = tls;
        }

        private Socket tracked(Set<Socket> open, Socket socket) throws IOException {
            open.add(socket);
            if (closed) {
                // Aborted while this one was being made: it must not outlive the abort.
                socket.close();
            }
            return socket;
        }

        void closeAll() {
            closed = true;
            closeQuietly(plain);
            closeQuietly(layered);
        }

        private static void closeQuietly(Set<Socket> sockets) {
            for (Socket socket : List.copyOf(sockets)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing is all that is wanted; a socket that fails to close is gone anyway.
                }
            }
        }

        @Override
        public Socket createSocket() throws IOException {
            return tracked(plain, new Socket());
        }

        @Override
        public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
            return tracked(layered, tls.createSocket(connected, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tracked(layered, tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tracked(layered, tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tracked(layered, tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return tracked(layered, tls.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
