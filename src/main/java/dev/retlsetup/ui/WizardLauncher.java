package dev.retlsetup.ui;

import javafx.application.Application;

/** Starts the JavaFX wizard; kept apart from {@link dev.retlsetup.Main} so the CLI never loads JavaFX. */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WizardApp.class, args);
    }
}
