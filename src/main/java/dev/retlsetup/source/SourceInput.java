package dev.retlsetup.source;

/**
 * The connection fields exactly as typed or pasted (what the wizard's text fields hold). Never
 * validated; {@code null} becomes "". {@link #toString()} never shows the secret.
 *
 * @param schemas the schemas to read, separated by commas, spaces or new lines
 */
public record SourceInput(String host, String httpPath, String port, String clientId, String secret,
        String catalog, String schemas) {

    public SourceInput {
        host = host == null ? "" : host;
        httpPath = httpPath == null ? "" : httpPath;
        port = port == null ? "" : port;
        clientId = clientId == null ? "" : clientId;
        secret = secret == null ? "" : secret;
        catalog = catalog == null ? "" : catalog;
        schemas = schemas == null ? "" : schemas;
    }

    public static SourceInput empty() {
        return new SourceInput("", "", "", "", "", "", "");
    }

    public SourceInput withHost(String value) {
        return new SourceInput(value, httpPath, port, clientId, secret, catalog, schemas);
    }

    public SourceInput withHttpPath(String value) {
        return new SourceInput(host, value, port, clientId, secret, catalog, schemas);
    }

    public SourceInput withPort(String value) {
        return new SourceInput(host, httpPath, value, clientId, secret, catalog, schemas);
    }

    public SourceInput withClientId(String value) {
        return new SourceInput(host, httpPath, port, value, secret, catalog, schemas);
    }

    public SourceInput withSecret(String value) {
        return new SourceInput(host, httpPath, port, clientId, value, catalog, schemas);
    }

    public SourceInput withCatalog(String value) {
        return new SourceInput(host, httpPath, port, clientId, secret, value, schemas);
    }

    public SourceInput withSchemas(String value) {
        return new SourceInput(host, httpPath, port, clientId, secret, catalog, value);
    }

    /** The raw value of one field. */
    public String get(Field field) {
        return switch (field) {
            case HOST -> host;
            case HTTP_PATH -> httpPath;
            case PORT -> port;
            case CLIENT_ID -> clientId;
            case SECRET -> secret;
            case CATALOG -> catalog;
            case SCHEMAS -> schemas;
        };
    }

    /** A copy with one field replaced. */
    public SourceInput with(Field field, String value) {
        return switch (field) {
            case HOST -> withHost(value);
            case HTTP_PATH -> withHttpPath(value);
            case PORT -> withPort(value);
            case CLIENT_ID -> withClientId(value);
            case SECRET -> withSecret(value);
            case CATALOG -> withCatalog(value);
            case SCHEMAS -> withSchemas(value);
        };
    }

    /**
     * This input with every empty field taken from {@code fallback}: how the wizard layers
     * typed values over a profile over the environment.
     */
    public SourceInput orElse(SourceInput fallback) {
        SourceInput result = this;
        for (Field field : Field.values()) {
            if (get(field).isBlank() && !fallback.get(field).isBlank()) {
                result = result.with(field, fallback.get(field));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "SourceInput[host=" + host + ", httpPath=" + httpPath + ", port=" + port + ", clientId=" + clientId
                + ", secret=" + SourceSettings.mask(secret) + ", catalog=" + catalog + ", schemas=" + schemas + "]";
    }
}
