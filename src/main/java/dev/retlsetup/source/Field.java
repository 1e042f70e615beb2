package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.util.Locale;

/** The fields of a Databricks source, in the order the wizard shows them. */
public enum Field {
    HOST("host"),
    HTTP_PATH("httpPath"),
    PORT("port"),
    CLIENT_ID("clientId"),
    SECRET("secret"),
    CATALOG("catalog"),
    SCHEMAS("schemas");

    private final String jsonName;

    Field(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in JSON output and in message keys ({@code host}, {@code httpPath}, ...). */
    public String jsonName() {
        return jsonName;
    }

    /** The label shown to users ("Server hostname", "HTTP path", ...), from the message bundle. */
    public String displayName() {
        return Messages.SOURCE.text("field." + jsonName);
    }

    public String displayName(Locale locale) {
        return Messages.SOURCE.in(locale).text("field." + jsonName);
    }
}
