package dev.retlsetup.source;

/**
 * What a pasted JDBC URL or browser address says about the connection.
 *
 * @param host     the workspace host, lower case, without scheme or port; never {@code null}
 * @param port     the port written in the URL, or {@code null}
 * @param httpPath the HTTP path it names ({@code /sql/1.0/warehouses/<id>}; a browser URL's
 *                 {@code /sql/warehouses/<id>} is translated), or {@code null}. A cluster path is returned as
 *                 found so that the validator can explain why it does not work.
 */
public record ConnectionParts(String host, Integer port, String httpPath) {

    /** {@code input} with the host and, when known, the port and HTTP path replaced by these parts. */
    public SourceInput applyTo(SourceInput input) {
        SourceInput result = input.with(Field.HOST, host);
        if (port != null) {
            result = result.with(Field.PORT, String.valueOf(port));
        }
        if (httpPath != null) {
            result = result.with(Field.HTTP_PATH, httpPath);
        }
        return result;
    }
}
