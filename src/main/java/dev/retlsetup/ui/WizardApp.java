package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The application: one window that opens on the saved sources, the wizard, or the demo workspace. */
public final class WizardApp extends Application {
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 600;
    /** {@code -Dretl.demo=<scenario>} opens on the demo workspace (what {@code mvn javafx:run} does). */
    static final String DEMO_PROPERTY = "retl.demo";

    private AppServices services;
    private boolean somethingSaved;
    private WizardViewModel model;
    private DraftAutosave autosave;

    /** Runs before the window, off the UI thread: is there anything saved to open on? */
    @Override
    public void init() {
        services = AppServices.system();
        // File existence only: parsing waits for the start page, which reads them in the background.
        somethingSaved = !services.sources().isEmpty() || java.nio.file.Files.exists(services.drafts().file());
    }

    /**
     * Shows the window at once with a light "Starting…" view, then builds the wizard right after
     * that first frame: loading FXML, controls and styles takes longer than showing a window.
     */
    @Override
    public void start(Stage stage) {
        ResourceBundle bundle = Messages.UI.bundle();
        stage.setTitle(bundle.getString("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Scene starting = StartingView.scene(bundle);
        stage.setScene(starting);
        stage.show();
        StartupHooks.onFirstFrame(stage, starting, () -> {
            StartupHooks.windowShown();
            Platform.runLater(() -> showWizard(stage, bundle));
        });
    }

    private void showWizard(Stage stage, ResourceBundle bundle) {
        model = new WizardViewModel(new SourceForm(), Background.forApp(Platform::runLater), services);
        MainWindow window = new MainWindow(model, bundle, stage);
        String demoScenario = System.getProperty(DEMO_PROPERTY);
        if (demoScenario != null && !demoScenario.isBlank()) {
            model.demo().start(demoScenario.trim());
        } else if (somethingSaved) {
            window.showStart();
        } else {
            model.workspaceStep().prefillFromEnvironment();
        }
        autosave = new DraftAutosave(model, services.drafts());
        stage.setScene(window.scene());
        StartupHooks.onFirstFrame(stage, window.scene(), () -> StartupHooks.wizardShown(model.background()));
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.flush();
        }
        if (model != null) {
            model.shutdown();
        }
    }

    /** Builds the window's scene on the wizard; used by the UI tests. */
    public static Scene createScene(WizardViewModel model, ResourceBundle bundle, Stage stage) {
        return new MainWindow(model, bundle, stage).scene();
    }
}
