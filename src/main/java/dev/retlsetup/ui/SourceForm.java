package dev.retlsetup.ui;

import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.SourceInput;
import java.nio.file.Path;
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
    // Whom to trust for TLS: empty means the system's CAs (a corporate CA or the demo sets these).
    private final StringProperty trustStorePath = new SimpleStringProperty(this, "trustStorePath", "");
    private final StringProperty trustStorePassword = new SimpleStringProperty(this, "trustStorePassword", "");

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

    public StringProperty trustStorePathProperty() {
        return trustStorePath;
    }

    public StringProperty trustStorePasswordProperty() {
        return trustStorePassword;
    }

    /** The fields as typed, for validation and the tester. */
    public SourceInput toInput() {
        return new SourceInput(host.get(), httpPath.get(), port.get(), clientId.get(), secret.get(), catalog.get(),
                schemas.get());
    }

    /** Copies every non-null field of an input (an import, a paste, a demo) into the form. */
    public void fill(SourceInput input) {
        setIfPresent(host, input.host());
        setIfPresent(httpPath, input.httpPath());
        setIfPresent(port, input.port());
        setIfPresent(clientId, input.clientId());
        setIfPresent(secret, input.secret());
        setIfPresent(catalog, input.catalog());
        setIfPresent(schemas, input.schemas());
    }

    private static void setIfPresent(StringProperty property, String value) {
        if (value != null && !value.isBlank()) {
            property.set(value);
        }
    }

    /** The trust the tester should use: the chosen trust store, or the system's. */
    public TrustConfig trust() {
        String path = trustStorePath.get();
        if (path == null || path.isBlank()) {
            return TrustConfig.systemDefault();
        }
        String password = trustStorePassword.get();
        return new TrustConfig(Path.of(path.trim()), password == null || password.isEmpty() ? null : password);
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
