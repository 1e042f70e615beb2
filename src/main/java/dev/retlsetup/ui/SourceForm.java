package dev.retlsetup.ui;

import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.ConnectionParts;
import dev.retlsetup.source.PastedConnection;
import java.util.Optional;
import dev.retlsetup.source.Prefill;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.source.Validation;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import dev.retlsetup.source.Finding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    /** What the wizard filled in by itself (a paste, a profile, the environment, the demo), said to the user. */
    private final StringProperty fillNotice = new SimpleStringProperty(this, "fillNotice", "");
    private final ReadOnlyObjectWrapper<Validation> validation = new ReadOnlyObjectWrapper<>(this, "validation");

    public SourceForm() {
        for (StringProperty field : List.of(host, httpPath, port, clientId, secret, catalog, schemas)) {
            field.addListener((obs, old, now) -> revalidate());
        }
        revalidate();
    }

    /**
     * Smart paste: a JDBC URL or browser address pasted into a connection field fills hostname,
     * port and HTTP path, and says so.
     *
     * @return the text the receiving field should show instead of the pasted URL, or empty when
     *         the text was not a URL (then it is pasted as is)
     */
    public Optional<String> paste(Field into, String text) {
        if (text == null || text.length() < 2 || !PastedConnection.looksLikeUrl(text)) {
            return Optional.empty();
        }
        Optional<ConnectionParts> parsed = PastedConnection.parse(text);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ConnectionParts parts = parsed.get();
        host.set(parts.host());
        List<String> filled = new java.util.ArrayList<>(List.of(Messages.get("notice.field.host")));
        if (parts.port() != null) {
            port.set(String.valueOf(parts.port()));
            filled.add(Messages.get("notice.field.port"));
        }
        if (parts.httpPath() != null) {
            httpPath.set(parts.httpPath());
            filled.add(Messages.get("notice.field.httpPath"));
        }
        String kind = text.trim().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:")
                ? Messages.get("notice.source.jdbc") : Messages.get("notice.source.browser");
        fillNotice.set(Messages.format("notice.pasted", Notices.list(filled), kind));
        return Optional.of(switch (into) {
            case HOST -> host.get();
            case PORT -> port.get();
            case HTTP_PATH -> httpPath.get();
            default -> text;
        });
    }

    private void revalidate() {
        validation.set(SourceValidator.validate(toInput()));
    }

    /** The offline verdict on the current input, recomputed on every keystroke (it is cheap). */
    public ReadOnlyObjectProperty<Validation> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    /** True when no field among these has an error (warnings do not block). */
    public BooleanBinding validBinding(Field... fields) {
        return Bindings.createBooleanBinding(() -> {
            Validation current = validation.get();
            for (Field field : fields) {
                if (!current.valid(field)) {
                    return false;
                }
            }
            return true;
        }, validation);
    }

    /** The findings on one field, live. */
    public ObjectBinding<List<Finding>> findings(Field field) {
        return Bindings.createObjectBinding(() -> validation.get().findingsFor(field), validation);
    }

    public StringProperty fillNoticeProperty() {
        return fillNotice;
    }

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

    /**
     * Applies a prefill (environment, profile) and says which fields it filled and from where.
     *
     * @param noticeKey bundle key of the notice, with {0} the fields and {1}, {2} from {@code args}
     */
    public void apply(Prefill prefill, String noticeKey, Object... args) {
        if (prefill.origins().isEmpty()) {
            return;
        }
        fill(prefill.input());
        List<String> names = prefill.origins().keySet().stream()
                .map(f -> Messages.get("notice.field." + f.jsonName())).toList();
        Object[] all = new Object[args.length + 1];
        all[0] = Notices.list(names);
        System.arraycopy(args, 0, all, 1, args.length);
        fillNotice.set(Messages.format(noticeKey, all));
    }

    /** Empties every field (a new source); the port goes back to 443. */
    public void clear() {
        for (StringProperty field : List.of(host, httpPath, clientId, secret, catalog, schemas, trustStorePath,
                trustStorePassword, fillNotice)) {
            field.set("");
        }
        port.set(DEFAULT_PORT);
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
