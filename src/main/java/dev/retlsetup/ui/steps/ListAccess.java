package dev.retlsetup.ui.steps;

import dev.retlsetup.admin.WorkspaceLists;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.ui.AdminSession;
import dev.retlsetup.ui.SourceForm;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * Whose token reads the pickers' lists: the admin signed in to this workspace, else the service
 * principal once its client ID and secret are entered (so on revisiting the pages before Credentials).
 */
public final class ListAccess {
    private final SourceForm form;
    private final AdminSession admin;
    private final Duration limit;
    private final BooleanBinding available;

    public ListAccess(SourceForm form, AdminSession admin) {
        this(form, admin, WorkspaceLists.LIMIT);
    }

    ListAccess(SourceForm form, AdminSession admin, Duration limit) {
        this.form = form;
        this.admin = admin;
        this.limit = limit;
        this.available = Bindings.createBooleanBinding(() -> which().isPresent(), form.validationProperty(),
                admin.signedInProperty());
    }

    /** True when some token can read the lists (a picker is offered). */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** Lists as the admin when one signed in to this workspace, else as the service principal; empty when neither. */
    public Optional<WorkspaceLists> open() {
        return which().map(who -> who.isEmpty()
                ? WorkspaceLists.asPrincipal(form.settings(), form.trust(), limit)
                : WorkspaceLists.asAdmin(form.settings(), form.trust(), who.get().token(), limit));
    }

    /** Changes when an admin signs in or out (a list read before may read more now). */
    public javafx.beans.value.ObservableValue<AdminSession.SignedIn> adminProperty() {
        return admin.signedInProperty();
    }

    /** True when an admin signed in to this form's workspace. */
    public boolean adminSignedIn() {
        return which().map(Optional::isPresent).orElse(false);
    }

    /** Who reads the lists, for the picker to say. */
    public String who() {
        return which().map(who -> who.map(signedIn -> Messages.UI.text("picker.as.admin", signedIn.identity().label()))
                .orElseGet(() -> Messages.UI.text("picker.as.principal", form.settings().clientId()))).orElse("");
    }

    /** Empty: nobody; an empty inner value: the service principal; else the admin. */
    private Optional<Optional<AdminSession.SignedIn>> which() {
        var validation = form.validation();
        if (!validation.valid(Field.HOST) || !validation.valid(Field.PORT) || blank(form.settings().host())) {
            return Optional.empty();
        }
        Optional<AdminSession.SignedIn> signedIn = admin.forWorkspace(dev.retlsetup.admin.AdminFix.workspaceUrl(form.settings()));
        if (signedIn.isPresent()) {
            return Optional.of(signedIn);
        }
        boolean credentials = validation.valid(Field.CLIENT_ID) && validation.valid(Field.SECRET)
                && !blank(form.settings().clientId()) && !blank(form.settings().secret());
        return credentials ? Optional.of(Optional.empty()) : Optional.empty();
    }

    /** {@code https://host[:port]}, as the admin sign-in names a workspace. */
    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
