package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.source.ConnectionParts;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import dev.retlsetup.source.PastedConnection;
import dev.retlsetup.source.Prefill;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.source.Validation;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
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

    /** One property per connection field, in the order of {@link Field}. */
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    // Whom to trust for TLS: empty means the system's CAs (a corporate CA or the demo sets these).
    private final StringProperty trustStorePath = new SimpleStringProperty(this, "trustStorePath", "");
    private final StringProperty trustStorePassword = new SimpleStringProperty(this, "trustStorePassword", "");
    /** What the wizard filled in by itself (a paste, a profile, the environment, the demo), said to the user. */
    private final StringProperty fillNotice = new SimpleStringProperty(this, "fillNotice", "");
    private final ReadOnlyObjectWrapper<Validation> validation = new ReadOnlyObjectWrapper<>(this, "validation");
    /** Above zero while the form fills itself, so its own changes do not count as the user's. */
    private int filling;
    /** The receiving field of a paste and the text it will show next: that update is part of the paste. */
    private Field pasteField;
    private String pasteText;

    public SourceForm() {
        for (Field field : Field.values()) {
            StringProperty property = new SimpleStringProperty(this, field.jsonName(), initial(field));
            property.addListener((obs, old, now) -> {
                revalidate();
                userChanged(field, now);
            });
            fields.put(field, property);
        }
        revalidate();
    }

    /**
     * A notice about what was filled in describes that fill only: once the user changes a field, it would sit
     * (green) under whatever the field now says, so it goes.
     */
    private void userChanged(Field field, String now) {
        if (filling > 0) {
            return;
        }
        if (field == pasteField && java.util.Objects.equals(now, pasteText)) {
            pasteField = null;
            return;
        }
        pasteField = null;
        fillNotice.set("");
    }

    private void filling(Runnable changes) {
        filling++;
        try {
            changes.run();
        } finally {
            filling--;
        }
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
        List<String> filled = new java.util.ArrayList<>(List.of(Messages.UI.text("notice.field.host")));
        filling(() -> {
            field(Field.HOST).set(parts.host());
            if (parts.port() != null) {
                field(Field.PORT).set(String.valueOf(parts.port()));
                filled.add(Messages.UI.text("notice.field.port"));
            }
            if (parts.httpPath() != null) {
                field(Field.HTTP_PATH).set(parts.httpPath());
                filled.add(Messages.UI.text("notice.field.httpPath"));
            }
        });
        String kind = text.trim().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:")
                ? Messages.UI.text("notice.source.jdbc") : Messages.UI.text("notice.source.browser");
        fillNotice.set(Messages.UI.text("notice.pasted", Notices.list(filled), kind));
        String shown = into == Field.HOST || into == Field.PORT || into == Field.HTTP_PATH ? field(into).get() : text;
        pasteField = into;
        pasteText = shown;
        return Optional.of(shown);
    }

    private void revalidate() {
        validation.set(SourceValidator.validate(toInput()));
    }

    /**
     * The offline verdict on the current input, recomputed on every change (it is cheap). This is what the
     * rest of the wizard reads: the steps, the decorations, the tester, the store; nobody validates again.
     */
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

    /** The current verdict (see {@link #validationProperty()}). */
    public Validation validation() {
        return validation.get();
    }

    /** The normalized settings of the current verdict (each field's best cleaned-up value). */
    public SourceSettings settings() {
        return validation.get().settings();
    }

    public StringProperty fillNoticeProperty() {
        return fillNotice;
    }

    /** The property holding one field as typed. */
    public StringProperty field(Field field) {
        return fields.get(field);
    }

    /** Every connection field's property, in field order (for listeners that follow any change). */
    public List<StringProperty> fields() {
        return List.copyOf(fields.values());
    }

    public StringProperty trustStorePathProperty() {
        return trustStorePath;
    }

    public StringProperty trustStorePasswordProperty() {
        return trustStorePassword;
    }

    /** The fields as typed, for validation and the tester. */
    public SourceInput toInput() {
        return SourceInput.of(field -> fields.get(field).get());
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
                .map(f -> Messages.UI.text("notice.field." + f.jsonName())).toList();
        Object[] all = new Object[args.length + 1];
        all[0] = Notices.list(names);
        System.arraycopy(args, 0, all, 1, args.length);
        fillNotice.set(Messages.UI.text(noticeKey, all));
    }

    /** Empties every field (a new source); the port goes back to 443. */
    public void clear() {
        filling(() -> fields.forEach((field, property) -> property.set(initial(field))));
        trustStorePath.set("");
        trustStorePassword.set("");
        fillNotice.set("");
        pasteField = null;
    }

    /** Copies every non-null field of an input (an import, a paste, a demo) into the form. */
    public void fill(SourceInput input) {
        filling(() -> {
            for (Field field : Field.values()) {
                String value = input.get(field);
                if (!value.isBlank()) {
                    fields.get(field).set(value);
                }
            }
        });
    }

    /** What a field holds in a new, empty form: the port is 443, everything else empty. */
    private static String initial(Field field) {
        return field == Field.PORT ? DEFAULT_PORT : "";
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
        return typed(toInput());
    }

    /** True when {@code input} holds something a user entered (the default port alone is nothing). */
    public static boolean typed(SourceInput input) {
        for (Field field : Field.values()) {
            String value = input.get(field);
            boolean blank = value == null || value.isBlank() || value.trim().equals(initial(field));
            if (!blank) {
                return true;
            }
        }
        return false;
    }
}
