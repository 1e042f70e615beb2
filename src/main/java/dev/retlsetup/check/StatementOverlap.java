package dev.retlsetup.check;

/**
 * Whether the checks after the session run their statements side by side (identity beside catalog,
 * the schema reads beside each other and the managed-schema probe), each pair on its own HTTPS
 * connection of the session, or one after another on one connection.
 */
public enum StatementOverlap {
    /**
     * Side by side, unless the workspace is on this machine (every address it resolves to is a
     * loopback one, as the demo's): it then shares the cores with the tester, so a second
     * connection's TLS handshake costs more than the overlap saves. Measured on 2 cores: seven
     * statements one after another 5.4 ms, side by side 7.0 ms; against a remote warehouse a
     * statement is a round trip of tens of milliseconds, and the overlap wins.
     */
    AUTO,
    /** One after another, on one connection. */
    NEVER,
    /** Side by side, wherever the workspace is. */
    ALWAYS
}
