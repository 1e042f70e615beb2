package dev.retlsetup.ui;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * What the window shows for the moment the wizard takes to build: the same frame (sidebar colour,
 * size) and a "Starting…" line. Inline styles only: parsing the stylesheet is part of what it waits for.
 */
final class StartingView {
    private StartingView() {
    }

    static Scene scene(ResourceBundle bundle) {
        Region sidebar = new Region();
        sidebar.setPrefWidth(220);
        sidebar.setStyle("-fx-background-color: #0d1b2a;");
        Label starting = new Label(bundle.getString("app.starting"));
        starting.setStyle("-fx-font-size: 14px; -fx-text-fill: #57606a;");
        StackPane center = new StackPane(starting);
        center.setAlignment(Pos.CENTER);
        BorderPane root = new BorderPane(center, null, null, null, sidebar);
        root.setStyle("-fx-background-color: white;");
        javafx.geometry.Rectangle2D size = WindowFit.sceneSize();
        return new Scene(root, size.getWidth(), size.getHeight());
    }
}
