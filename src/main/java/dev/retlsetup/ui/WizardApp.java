package dev.retlsetup.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The wizard application. */
public final class WizardApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Databricks Reverse ETL setup"), 800, 600));
        stage.show();
    }
}
