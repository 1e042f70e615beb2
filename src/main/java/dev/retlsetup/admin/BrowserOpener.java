package dev.retlsetup.admin;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens the sign-in page. Injected, so tests drive the browser step with an HTTP client. */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI uri) throws IOException;

    /** The system browser: the desktop integration where there is one, else the platform's opener command. */
    static BrowserOpener system() {
        return uri -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                    return;
                }
            } catch (UnsupportedOperationException e) {
                // fall through to the command
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("mac") ? List.of("open", uri.toString())
                    : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                    : List.of("xdg-open", uri.toString());
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }
}
