package dev.retlsetup.ui;

import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** The one window: the start page (saved sources) or the wizard, sharing a scene and stylesheet. */
public final class MainWindow implements StartPageController.Navigation {
    private final WizardViewModel wizard;
    private final StartPageViewModel start;
    private final Scene scene;
    private final javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
    private final Parent wizardView;
    private final ResourceBundle bundle;
    private Parent startView;
    private final WizardController wizardController;

    public MainWindow(WizardViewModel wizard, ResourceBundle bundle, Stage stage) {
        this.wizard = wizard;
        this.start = new StartPageViewModel(wizard.services(), wizard.background(), wizard.admin());
        this.wizardController = new WizardController(wizard, bundle);
        this.wizardView = load("wizard.fxml", bundle, wizardController);
        addLanguageSwitch(wizardView);
        this.bundle = bundle;
        wizardController.setDoneAction(this::showStart);
        wizardController.setSavedSourcesAction(this::showStart);
        // Views are swapped inside a holder, never as the scene root. The root is ControlsFX's decoration pane from
        // the start: left to itself, ControlsFX swaps the scene's root for one when the first field registers,
        // and the controls styled during that swap (the scenario picker) make modena warn on stderr.
        impl.org.controlsfx.skin.DecorationPane decorations = new impl.org.controlsfx.skin.DecorationPane();
        decorations.setRoot(holder);
        javafx.geometry.Rectangle2D size = WindowFit.sceneSize();
        scene = new Scene(decorations, size.getWidth(), size.getHeight());
        holder.getChildren().setAll(wizardView);
        scene.getStylesheets().add(MainWindow.class.getResource("wizard.css").toExternalForm());
        // A filter, not the Cancel button's accelerator: text fields with a formatter swallow Escape.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && showing(wizardView)) {
                event.consume();
                wizardController.requestCancel();
            }
        });
        stage.setOnCloseRequest(event -> {
            if (showing(wizardView) && !wizardController.confirmClose()) {
                event.consume();
            }
        });
    }

    private static Parent load(String fxml, ResourceBundle bundle, Object controller) {
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource(fxml), bundle);
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
    }

    private static void addLanguageSwitch(Parent view) {
        if (view.lookup(".sidebar") instanceof javafx.scene.layout.Pane sidebar) {
            sidebar.getChildren().add(LanguageSwitch.create());
        }
    }

    public Scene scene() {
        return scene;
    }

    public StartPageViewModel startPage() {
        return start;
    }

    private boolean showing(Parent view) {
        return !holder.getChildren().isEmpty() && holder.getChildren().get(0) == view;
    }

    public void showStart() {
        if (startView == null) {
            // Built on first use: most launches open on the wizard.
            startView = load("start.fxml", bundle, new StartPageController(start, this));
            addLanguageSwitch(startView);
        }
        start.refresh();
        holder.getChildren().setAll(startView);
    }

    public void showWizard() {
        holder.getChildren().setAll(wizardView);
    }

    @Override
    public void newSource() {
        wizard.startNew();
        showWizard();
    }

    @Override
    public void tryDemo() {
        wizard.startNew();
        wizard.demo().start("ready");
        showWizard();
    }

    @Override
    public void open(SavedSource source, String secret, boolean runTest) {
        wizard.open(source, secret, runTest);
        showWizard();
    }

    @Override
    public void openModels(SavedSource source, String secret) {
        wizard.openModels(source, secret);
        showWizard();
    }

    @Override
    public void resume(Draft draft) {
        wizard.resume(draft);
        showWizard();
    }
}
