package dev.retlsetup.ui.admin;

import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The admin windows over the wizard: modal to it, so the settings being fixed cannot change while a plan is
 * applied. Closing one stops whatever it runs.
 */
public final class AdminWindows {
    private AdminWindows() {
    }

    /** The fix of a page's failed run; {@code closed} runs once it is gone. */
    public static Stage openFix(Window owner, AdminFixViewModel viewModel, Runnable closed) {
        Stage stage = open(owner, "adminfix.title", "admin-fix.fxml", close -> new AdminFixController(viewModel, close),
                () -> {
                    viewModel.cancel();
                    closed.run();
                });
        viewModel.start();
        return stage;
    }

    /** Setting up the service principal from scratch; {@code closed} runs once it is gone. */
    public static Stage openSetup(Window owner, AdminSetupViewModel viewModel, Runnable closed) {
        Stage stage = open(owner, "adminsetup.title", "admin-setup.fxml",
                close -> new AdminSetupController(viewModel, close), () -> {
                    viewModel.cancel();
                    closed.run();
                });
        viewModel.start();
        return stage;
    }

    /**
     * Brings a section into view once it is laid out: what the admin must read next (the plan, the result)
     * appears below the fold of a short window.
     */
    static void reveal(javafx.scene.Node node) {
        javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node up = node.getParent(); up != null; up = up.getParent()) {
                if (up instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    scroll.getContent().applyCss();
                    scroll.layout();
                    double content = scroll.getContent().getLayoutBounds().getHeight();
                    double view = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    double bottom = y + node.getLayoutBounds().getHeight();
                    if (content > view) {
                        // Show the node's end, or its start when it is taller than the view.
                        double target = Math.min(y, Math.max(0, bottom - view));
                        scroll.setVvalue(Math.min(1, target / (content - view)));
                    }
                    return;
                }
            }
        });
    }

    private static Stage open(Window owner, String titleKey, String fxml, Function<Runnable, Object> controller,
            Runnable hidden) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.UI.text(titleKey));
        FXMLLoader loader = new FXMLLoader(AdminWindows.class.getResource(fxml), Messages.UI.bundle());
        Object made = controller.apply(stage::close);
        loader.setControllerFactory(type -> made);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
        Scene scene = new Scene(root, Math.min(760, owner.getWidth()), Math.min(680, owner.getHeight()));
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(event -> hidden.run());
        stage.show();
        return stage;
    }
}
