package dev.retlsetup.ui.admin;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.testing.TestBrowser;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.TestServices;
import dev.retlsetup.ui.SourceForm;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the admin window tests share: a browser that allows the demo's sign-in, and finding the window. */
public final class AdminWindowTesting {
    private AdminWindowTesting() {
    }

    /**
     * Services whose browser signs in as the demo admin; it trusts the form's trust store, known only once the
     * demo runs, so it is made on each use. {@code opened} sees each browser made.
     */
    public static AppServices signingIn(Supplier<SourceForm> form, Consumer<TestBrowser> opened) {
        return TestServices.temporary(uri -> {
            try {
                TestBrowser allowing = TestBrowser.allowing(form.get().trust().sslContext());
                opened.accept(allowing);
                allowing.open(uri);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        });
    }

    /** The scene of the open window titled by {@code titleKey} (adminfix.title, adminsetup.title). */
    public static Scene window(String titleKey) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s
                && Messages.UI.text(titleKey).equals(s.getTitle())).findFirst().orElseThrow().getScene();
    }
}
