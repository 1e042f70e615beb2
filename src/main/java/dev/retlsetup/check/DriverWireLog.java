package dev.retlsetup.check;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The driver's bundled HTTP client logs every request at FINE: {@code ...http.headers} the header
 * lines and {@code ...http.wire} the bytes, the {@code Authorization: Bearer} line with the service
 * principal's or the admin's token among them. Anyone who turns java.util.logging up to FINE to see
 * what the driver does would find the token in the log file; so these two loggers are turned off
 * before any driver URL is built ({@link JdbcUrl} does it once) and before a statement runs as the
 * admin. The references are kept: java.util.logging forgets a logger nobody holds, and with it the level.
 */
public final class DriverWireLog {
    private static final Logger HEADERS = Logger.getLogger("com.databricks.internal.apache.http.headers");
    private static final Logger WIRE = Logger.getLogger("com.databricks.internal.apache.http.wire");

    private DriverWireLog() {
    }

    public static void silence() {
        HEADERS.setLevel(Level.OFF);
        WIRE.setLevel(Level.OFF);
    }
}
