package dev.retlsetup.ui;

import java.io.IOException;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The wizard application: one window, one scene, styled by a single stylesheet. */
public final class WizardApp extends Application {
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 600;
    /** {@code -Dretl.demo=<scenario>} opens on the demo workspace (what {@code mvn javafx:run} does). */
    static final String DEMO_PROPERTY = "retl.demo";

    private WizardViewModel model;

    @Override
    public void stop() {
        if (model != null) {
            model.demo().shutdown();
        }
    }

    @Override
    public void start(Stage stage) throws IOException {
        ResourceBundle bundle = Messages.bundle();
        model = new WizardViewModel(new SourceForm(), Platform::runLater);
        String demoScenario = System.getProperty(DEMO_PROPERTY);
        if (demoScenario != null && !demoScenario.isBlank()) {
            model.demo().start(demoScenario.trim());
        } else {
            ((dev.retlsetup.ui.steps.WorkspaceStepViewModel) model.step(WizardStep.WORKSPACE)).prefillFromEnvironment();
        }
        Scene scene = createScene(model, bundle, stage);
        stage.setTitle(bundle.getString("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
        StartupHooks.afterShow(stage);
    }

    /** Builds the wizard scene for a stage; used by the app and by the UI tests alike. */
    public static Scene createScene(WizardViewModel model, ResourceBundle bundle, Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(WizardApp.class.getResource("wizard.fxml"), bundle);
        WizardController controller = new WizardController(model, bundle);
        loader.setControllerFactory(type -> controller);
        Parent root = loader.load();
        controller.setCloseAction(stage::close);
        stage.setOnCloseRequest(event -> {
            if (!controller.confirmDiscard()) {
                event.consume();
            }
        });
        Scene scene = new Scene(root, 1040, 720);
        scene.getStylesheets().add(WizardApp.class.getResource("wizard.css").toExternalForm());
        return scene;
    }
}
