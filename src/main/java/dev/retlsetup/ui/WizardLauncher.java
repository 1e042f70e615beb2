package dev.retlsetup.ui;

import javafx.application.Application;

/** Starts the JavaFX wizard; kept apart from {@link dev.retlsetup.Main} so the CLI never loads JavaFX. */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        quietClassPathNotice();
        Application.launch(WizardApp.class, args);
    }

    /** Held: java.util.logging keeps loggers weakly, and a collected logger loses its filter. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * {@code java -jar} and {@code mvn javafx:run} put JavaFX on the class path by design (the installers use
     * modules); JavaFX then warns "Unsupported JavaFX configuration" on every start. Only that one notice is
     * dropped; every other JavaFX warning still reaches stderr.
     */
    static void quietClassPathNotice() {
        if (Application.class.getModule().isNamed()) {
            return;
        }
        java.util.logging.Filter previous = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith("Unsupported JavaFX configuration")) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
    }
}
