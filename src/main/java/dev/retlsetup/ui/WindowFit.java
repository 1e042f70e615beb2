package dev.retlsetup.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window opens and how small it may get: inside the screen's visible bounds (without the
 * task bar or menu bar), at its preferred size where that fits, never larger than the screen.
 */
public final class WindowFit {
    /** The size the wizard is designed for, and opens at where the screen has room. */
    public static final double PREFERRED_WIDTH = 1040;
    public static final double PREFERRED_HEIGHT = 720;
    /** The smallest size at which every page stays usable (its content scrolls, the button bar does not). */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;

    private WindowFit() {
    }

    /** The window's bounds on a screen whose visible area is {@code visible}: centred, clamped to it. */
    public static Rectangle2D bounds(Rectangle2D visible) {
        double width = Math.min(PREFERRED_WIDTH, visible.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, visible.getHeight());
        double x = visible.getMinX() + (visible.getWidth() - width) / 2;
        double y = visible.getMinY() + (visible.getHeight() - height) / 2;
        return new Rectangle2D(Math.floor(x), Math.floor(y), width, height);
    }

    /** The minimum size on that screen: {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}, or the screen when smaller. */
    public static Rectangle2D minimum(Rectangle2D visible) {
        return new Rectangle2D(0, 0, Math.min(MIN_WIDTH, visible.getWidth()), Math.min(MIN_HEIGHT, visible.getHeight()));
    }

    /** Places the stage on the primary screen before it is shown (sizes include the window's frame). */
    public static void apply(Stage stage) {
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        Rectangle2D min = minimum(visible);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        Rectangle2D bounds = bounds(visible);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /** The scene size for a window on the primary screen (tests that build the scene without the app). */
    static Rectangle2D sceneSize() {
        return bounds(Screen.getPrimary().getVisualBounds());
    }
}
