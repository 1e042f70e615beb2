package dev.retlsetup.ui;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the user typed, shared by every step so nothing is lost when moving back and forth.
 * Plain JavaFX properties: usable and testable without the toolkit running.
 */
public final class SourceForm {
    public static final String DEFAULT_PORT = "443";

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty httpPath = new SimpleStringProperty(this, "httpPath", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", DEFAULT_PORT);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final StringProperty catalog = new SimpleStringProperty(this, "catalog", "");
    private final StringProperty schemas = new SimpleStringProperty(this, "schemas", "");

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty httpPathProperty() {
        return httpPath;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty catalogProperty() {
        return catalog;
    }

    public StringProperty schemasProperty() {
        return schemas;
    }

    /** True when discarding the form would throw away something the user entered. */
    public boolean hasTypedInput() {
        return !isBlank(host) || !isBlank(httpPath) || !isBlank(clientId) || !isBlank(secret)
                || !isBlank(catalog) || !isBlank(schemas)
                || !(isBlank(port) || DEFAULT_PORT.equals(port.get().trim()));
    }

    static boolean isBlank(StringProperty property) {
        return property.get() == null || property.get().isBlank();
    }
}
