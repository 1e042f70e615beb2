package dev.retlsetup.ui;

import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * What the window shows for the moment the wizard takes to build: the same frame (sidebar colour,
 * size) and a "Starting…" line. No controls and no CSS: the first control loads and applies the
 * default stylesheet (modena), which is part of what this view is there to hide.
 */
final class StartingView {
    private StartingView() {
    }

    static Scene scene(ResourceBundle bundle) {
        Region sidebar = new Region();
        sidebar.setPrefWidth(220);
        sidebar.setBackground(fill("#0d1b2a"));
        Text starting = new Text(bundle.getString("app.starting"));
        starting.setFont(Font.font(14));
        starting.setFill(Color.web("#57606a"));
        StackPane center = new StackPane(starting);
        center.setAlignment(Pos.CENTER);
        BorderPane root = new BorderPane(center, null, null, null, sidebar);
        root.setBackground(fill("white"));
        javafx.geometry.Rectangle2D size = WindowFit.sceneSize();
        return new Scene(root, size.getWidth(), size.getHeight());
    }

    private static Background fill(String color) {
        return new Background(new BackgroundFill(Color.web(color), null, null));
    }
}
