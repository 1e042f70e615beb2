package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.AdminFix;
import dev.retlsetup.admin.SignInException;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.AdminSession;
import dev.retlsetup.ui.SourceForm;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javax.net.ssl.SSLContext;

/**
 * The "Sign in as an admin" part of the admin windows: signs in through the window's {@link AdminSession}
 * (or finds the admin signed in already), and says who signed in and whether they are a workspace admin.
 */
public final class SignInStep {
    /** Signed out (the button), waiting for the browser, or signed in. */
    public enum State { SIGNED_OUT, SIGNING_IN, SIGNED_IN }

    /** Where to sign in: the workspace URL and whom to trust for it. */
    public interface Workspace {
        String url();

        SSLContext ssl() throws Exception;

        /** The workspace the wizard's form names, with the form's trust (read when asked: the form may change). */
        static Workspace of(SourceForm form) {
            return new Workspace() {
                @Override
                public String url() {
                    return AdminFix.workspaceUrl(form.settings());
                }

                @Override
                public SSLContext ssl() throws Exception {
                    return form.trust().sslContext();
                }
            };
        }
    }

    private final AdminSession session;
    private final Workspace workspace;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.SIGNED_OUT);
    private final StringProperty who = new SimpleStringProperty(this, "who", "");
    private final StringProperty identity = new SimpleStringProperty(this, "identity", "");
    private final BooleanProperty admin = new SimpleBooleanProperty(this, "admin", false);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private AdminSession.SignedIn signedIn;

    public SignInStep(AdminSession session, Workspace workspace) {
        this.session = session;
        this.workspace = workspace;
    }

    /** Takes the admin signed in to this workspace already, if any (one sign-in per window). */
    public void resume(Consumer<AdminSession.SignedIn> then) {
        session.forWorkspace(workspace.url()).ifPresent(who -> signedIn(who, then));
    }

    /** Opens the sign-in page in the browser and waits; {@code then} runs once someone signed in. */
    public void signIn(Consumer<AdminSession.SignedIn> then) {
        if (state.get() != State.SIGNED_OUT) {
            return;
        }
        message.set("");
        state.set(State.SIGNING_IN);
        session.signIn(workspace.url(), workspace::ssl, who -> signedIn(who, then), error -> {
            state.set(State.SIGNED_OUT);
            boolean cancelled = error instanceof SignInException s && s.reason() == SignInException.Reason.CANCELLED;
            message.set(cancelled ? Messages.UI.text("adminfix.signInCancelled") : error.getMessage());
        });
    }

    private void signedIn(AdminSession.SignedIn who, Consumer<AdminSession.SignedIn> then) {
        signedIn = who;
        identity.set(who.identity().label());
        this.who.set(Messages.UI.text(who.identity().admin() ? "adminfix.who.admin" : "adminfix.who.notAdmin",
                who.identity().label()));
        admin.set(who.identity().admin());
        state.set(State.SIGNED_IN);
        then.accept(who);
    }

    /** Stops a sign-in waiting for the browser. */
    public void cancel() {
        if (state.get() == State.SIGNING_IN) {
            session.cancel();
        }
    }

    /** The sign-in page's address while waiting for the browser, to open by hand when none opened. */
    public javafx.beans.value.ObservableStringValue pageProperty() {
        return session.pageProperty();
    }

    public javafx.beans.value.ObservableStringValue browserProblemProperty() {
        return session.browserProblemProperty();
    }

    /** The signed-in admin, null before sign-in. */
    public AdminSession.SignedIn signedIn() {
        return signedIn;
    }

    public String workspaceUrl() {
        return workspace.url();
    }

    public SSLContext ssl() throws Exception {
        return workspace.ssl();
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** Who signed in and whether they are an admin, as one sentence. */
    public StringProperty whoProperty() {
        return who;
    }

    /** The signed-in admin's name, as a confirmation names them. */
    public StringProperty identityProperty() {
        return identity;
    }

    public BooleanProperty adminProperty() {
        return admin;
    }

    /** Why the sign-in did not happen ("" when it did or was not tried). */
    public StringProperty messageProperty() {
        return message;
    }
}
