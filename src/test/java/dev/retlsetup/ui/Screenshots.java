package dev.retlsetup.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Renders the real scene to a PNG in {@code screenshots/} (the directory comes from Maven). */
final class Screenshots {
    private Screenshots() {
    }

    static Path directory() {
        return Path.of(System.getProperty("screenshots.dir", "screenshots"));
    }

    static Path save(FxRobot robot, Scene scene, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            image[0] = scene.snapshot(null);
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image[0], null);
        Path file = directory().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
