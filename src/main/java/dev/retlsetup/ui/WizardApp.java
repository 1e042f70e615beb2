package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The application: one window that opens on the saved sources, the wizard, or the demo workspace. */
public final class WizardApp extends Application {
    /**
     * {@code -Dretl.demo=<scenario>} opens on the demo workspace with that scenario (what {@code mvn javafx:run}
     * does); {@code -Dretl.demo=off} never opens on it. Without it, a first run (nothing saved) opens on the demo.
     */
    static final String DEMO_PROPERTY = "retl.demo";
    static final String FIRST_RUN_SCENARIO = "ready";

    private AppServices services;
    private boolean somethingSaved;
    private WizardViewModel model;
    private DraftAutosave autosave;

    /** Runs before the window, off the UI thread: is there anything saved to open on? */
    @Override
    public void init() {
        services = AppServices.system();
        UiSettings settings = UiSettings.use(services.drafts().file().getParent());
        // The language chosen in the window wins over the operating system's (applies from this start on).
        settings.language().ifPresent(Locale::setDefault);
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
        WindowFit.apply(stage);
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
        switch (opening(System.getProperty(DEMO_PROPERTY), somethingSaved)) {
            case START_PAGE -> window.showStart();
            case WORKSPACE -> model.workspaceStep().prefillFromEnvironment();
            case DEMO -> model.demo().start(demoScenario(System.getProperty(DEMO_PROPERTY)));
        }
        autosave = new DraftAutosave(model, services.drafts());
        stage.setScene(window.scene());
        StartupHooks.onFirstFrame(stage, window.scene(), () -> {
            if (System.getProperty(StartupHooks.PROBE) != null) {
                javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
                System.out.printf(java.util.Locale.ROOT, "WINDOW %.0f %.0f %.0f %.0f SCREEN %.0f %.0f %.0f %.0f MIN %.0f %.0f%n",
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), screen.getMinX(),
                        screen.getMinY(), screen.getWidth(), screen.getHeight(), stage.getMinWidth(), stage.getMinHeight());
                System.out.flush();
            }
            StartupHooks.wizardShown(model.background());
        });
    }

    /** What the window opens on. */
    enum Opening { DEMO, START_PAGE, WORKSPACE }

    /**
     * A scenario named with {@code -Dretl.demo} wins; {@code off} turns the demo off; otherwise a returning user
     * (something saved) sees the start page, and a first run opens on the demo workspace, as the README says.
     */
    static Opening opening(String demoProperty, boolean somethingSaved) {
        String demo = demoProperty == null ? "" : demoProperty.trim();
        if (demo.equalsIgnoreCase("off") || demo.equalsIgnoreCase("false")) {
            return somethingSaved ? Opening.START_PAGE : Opening.WORKSPACE;
        }
        if (!demo.isEmpty()) {
            return Opening.DEMO;
        }
        return somethingSaved ? Opening.START_PAGE : Opening.DEMO;
    }

    static String demoScenario(String demoProperty) {
        String demo = demoProperty == null ? "" : demoProperty.trim();
        return demo.isEmpty() ? FIRST_RUN_SCENARIO : demo;
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
