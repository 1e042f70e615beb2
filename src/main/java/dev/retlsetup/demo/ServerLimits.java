package dev.retlsetup.demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the demo's HTTPS server holds per client, so a few slow, idle or hostile local clients can
 * neither exhaust its memory nor lock out the wizard and the driver.
 *
 * <p>The JDK server reads its own limits once, from system properties, when the first server of the
 * JVM is created; {@link #applyToJdkServer()} sets them (unless the user set them) before that. Its
 * request timer starts at a connection's first byte and covers the TLS handshake, the request line,
 * the headers and the body: a client that stalls anywhere in between is disconnected.
 */
final class ServerLimits {
    /** A request's first byte to its last, handshake included. Local clients need milliseconds. */
    static final int REQUEST_SECONDS = 10;
    /** More workers than a handful of stalled clients can hold for {@link #REQUEST_SECONDS}. */
    static final int WORKERS = 64;
    /**
     * Accepted connections beyond this are closed at once. Idle keep-alive connections hold no worker,
     * only their TLS buffers, and up to this many are kept until the JDK's idle timeout (30 s): the JDK's
     * own idle cap (200) would close a client's pooled connection as it reuses it, during a burst.
     */
    static final int MAX_CONNECTIONS = 512;
    /** Requests waiting for a worker; beyond this the connection is closed. */
    static final int QUEUED_REQUESTS = 512;
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The unauthenticated token endpoint: a client-credentials form is a few hundred bytes. */
    static final int TOKEN_BODY_BYTES = 16 * 1024;
    /** The REST calls take small JSON bodies (the warehouse start takes none). */
    static final int REST_BODY_BYTES = 1024 * 1024;
    /** One Thrift call; statements the wizard sends are a few kilobytes. */
    static final int THRIFT_BODY_BYTES = 4 * 1024 * 1024;
    /** All request bodies held at once, whatever the number of clients. */
    static final int BODY_BUDGET_BYTES = 32 * 1024 * 1024;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ServerLimits() {
    }

    static void applyToJdkServer() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(MAX_HEADER_BYTES));
        setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(MAX_CONNECTIONS));
        setIfAbsent("sun.net.httpserver.maxIdleConnections", Integer.toString(MAX_CONNECTIONS));
        // The JDK's HTTP server leaves Nagle on: every answer then waits ~40 ms for a delayed ACK.
        // Real workspaces answer promptly, so the demo must too.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /** Daemon workers made on demand and dropped when idle, so an idle demo holds no threads. */
    static ExecutorService workers() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUED_REQUESTS), r -> {
                    Thread thread = new Thread(r, "demo-workspace-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
