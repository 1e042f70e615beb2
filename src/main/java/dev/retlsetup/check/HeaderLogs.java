package dev.retlsetup.check;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loggers that write HTTP request headers, the {@code Authorization: Bearer} line with the service principal's
 * or the admin's token among them, once java.util.logging is turned up to FINE to see what happens: the driver's
 * bundled HTTP client ({@code ...http.headers}, {@code ...http.wire}) and the JDK's {@code HttpURLConnection},
 * which the tester's own REST calls use. They are turned off before any driver URL is built ({@link JdbcUrl} does
 * it once) and before a statement runs as the admin. The references are kept: java.util.logging forgets a logger
 * nobody holds, and with it the level.
 */
public final class HeaderLogs {
    private static final Logger DRIVER_HEADERS = Logger.getLogger("com.databricks.internal.apache.http.headers");
    private static final Logger DRIVER_WIRE = Logger.getLogger("com.databricks.internal.apache.http.wire");
    private static final Logger JDK_URL_CONNECTION = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

    private HeaderLogs() {
    }

    public static void silence() {
        DRIVER_HEADERS.setLevel(Level.OFF);
        DRIVER_WIRE.setLevel(Level.OFF);
        JDK_URL_CONNECTION.setLevel(Level.OFF);
    }
}
