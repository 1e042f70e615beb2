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

    /** An input built field by field (how the form and the store turn their maps into one). */
    public static SourceInput of(java.util.function.Function<Field, String> values) {
        return new SourceInput(values.apply(Field.HOST), values.apply(Field.HTTP_PATH), values.apply(Field.PORT),
                values.apply(Field.CLIENT_ID), values.apply(Field.SECRET), values.apply(Field.CATALOG),
                values.apply(Field.SCHEMAS));
    }

    /** A copy with another secret (the store never keeps one; the vault supplies it). */
    public SourceInput withSecret(String value) {
        return with(Field.SECRET, value);
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
        return of(f -> f == field ? value : get(f));
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
