package dev.retlsetup.ui.admin;

import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The admin fix as a window over the wizard: modal to it, so the settings being fixed cannot change while
 * the plan is applied. Closing it stops whatever runs.
 */
public final class AdminFixWindow {
    private AdminFixWindow() {
    }

    /** Opens the window; {@code closed} runs once it is gone (the page may refresh what it shows). */
    public static Stage open(Window owner, AdminFixViewModel viewModel, Runnable closed) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.UI.text("adminfix.title"));
        FXMLLoader loader = new FXMLLoader(AdminFixWindow.class.getResource("admin-fix.fxml"), Messages.UI.bundle());
        loader.setControllerFactory(type -> new AdminFixController(viewModel, stage::close));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load admin-fix.fxml", e);
        }
        Scene scene = new Scene(root, Math.min(760, owner.getWidth()), Math.min(640, owner.getHeight()));
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(event -> {
            viewModel.cancel();
            closed.run();
        });
        stage.show();
        viewModel.start();
        return stage;
    }
}
