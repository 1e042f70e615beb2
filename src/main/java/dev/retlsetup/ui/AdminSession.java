package dev.retlsetup.ui;

import dev.retlsetup.admin.AdminIdentity;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.admin.SignInException;
import dev.retlsetup.admin.U2mSignIn;
import dev.retlsetup.admin.WorkspaceApi;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javax.net.ssl.SSLContext;

/**
 * The admin signed in to this window, if any: one sign-in serves the fix, the pickers and the secret
 * expiry. The token lives in this object only (never saved, logged, put in a draft or a report) and
 * is dropped on sign-out, when the window closes, or when another workspace is signed in to.
 */
public final class AdminSession {
    /** How long the browser may take before the sign-in gives up. */
    public static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(5);

    /** A signed-in admin of one workspace. Prints without its token. */
    public record SignedIn(String workspaceUrl, AdminToken token, AdminIdentity identity) {
        /** The workspace API as this admin, with the given trust and time limit. */
        public WorkspaceApi api(SSLContext ssl, Duration timeout) {
            return new WorkspaceApi(workspaceUrl, ssl, token, timeout);
        }

        @Override
        public String toString() {
            return "SignedIn[" + workspaceUrl + ", " + identity.label() + "]";
        }
    }

    private final Background background;
    private final BrowserOpener browser;
    private final ObjectProperty<SignedIn> signedIn = new SimpleObjectProperty<>(this, "signedIn");
    private final SimpleBooleanProperty signingIn = new SimpleBooleanProperty(this, "signingIn", false);
    /** The sign-in page of the sign-in in progress ("" otherwise), for when no browser opens by itself. */
    private final javafx.beans.property.StringProperty page = new javafx.beans.property.SimpleStringProperty(this, "page", "");
    /** Why the browser did not open ("" when it did, or nobody tried). */
    private final javafx.beans.property.StringProperty browserProblem =
            new javafx.beans.property.SimpleStringProperty(this, "browserProblem", "");
    private volatile U2mSignIn current;
    /** Cancel pressed while the trust store was still being read, before the flow existed. */
    private volatile boolean cancelRequested;

    public AdminSession(Background background, BrowserOpener browser) {
        this.background = background;
        this.browser = browser;
    }

    public ReadOnlyObjectProperty<SignedIn> signedInProperty() {
        return signedIn;
    }

    public ReadOnlyBooleanProperty signingInProperty() {
        return signingIn;
    }

    /** The address of the sign-in page while a sign-in waits for it. */
    public javafx.beans.value.ObservableStringValue pageProperty() {
        return page;
    }

    /** Why the browser could not be opened, "" when it was. */
    public javafx.beans.value.ObservableStringValue browserProblemProperty() {
        return browserProblem;
    }

    /** The signed-in admin, if they signed in to this workspace ({@code https://host[:port]}). */
    public Optional<SignedIn> forWorkspace(String workspaceUrl) {
        SignedIn who = signedIn.get();
        return who != null && who.workspaceUrl().equalsIgnoreCase(trim(workspaceUrl)) ? Optional.of(who) : Optional.empty();
    }

    /**
     * Runs the browser sign-in in the background, then asks SCIM {@code Me} who signed in.
     * {@code onFailed} gets a {@link dev.retlsetup.admin.SignInException} or an
     * {@link dev.retlsetup.admin.AdminApiException}, whose messages hold no token.
     */
    public void signIn(String workspaceUrl, Background.Work<SSLContext> trust, Consumer<SignedIn> onDone,
            Consumer<Exception> onFailed) {
        if (signingIn.get()) {
            return;
        }
        String url = trim(workspaceUrl);
        // A browser that does not open is no dead end: the page's address is shown to open by hand, and the
        // sign-in keeps waiting for it.
        BrowserOpener opener = uri -> {
            background.onUi(() -> page.set(uri.toString()));
            try {
                browser.open(uri);
            } catch (java.io.IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                background.onUi(() -> browserProblem.set(why));
            }
        };
        page.set("");
        browserProblem.set("");
        cancelRequested = false;
        signingIn.set(true);
        background.task(() -> {
            // The trust store is read here, off the UI thread (a PKCS12 file and its key derivation).
            SSLContext ssl;
            try {
                ssl = trust.call();
            } catch (Exception e) {
                throw new SignInException(SignInException.Reason.DISCOVERY_FAILED,
                        dev.retlsetup.i18n.Messages.UI.text("adminfix.trustFailed", e.getMessage()));
            }
            U2mSignIn flow = new U2mSignIn(ssl, opener);
            current = flow;
            if (cancelRequested) {
                flow.cancel();
            }
            AdminToken token = flow.signIn(url, SIGN_IN_LIMIT);
            AdminIdentity who = new WorkspaceApi(url, ssl, token, Duration.ofSeconds(30)).me();
            return new SignedIn(url, token, who);
        }).onSuccess(who -> {
            current = null;
            signingIn.set(false);
            page.set("");
            browserProblem.set("");
            signedIn.set(who);
            onDone.accept(who);
        }).onFailure(error -> {
            current = null;
            signingIn.set(false);
            page.set("");
            browserProblem.set("");
            onFailed.accept(error);
        }).start();
    }

    /** Stops a sign-in waiting for the browser; its {@code onFailed} gets a cancelled sign-in. */
    public void cancel() {
        cancelRequested = true;
        U2mSignIn flow = current;
        if (flow != null) {
            flow.cancel();
        }
    }

    /** Forgets the admin's token. */
    public void signOut() {
        cancel();
        signedIn.set(null);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
