package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every page at 1280×860, 1024×700 and 800×600 (and the 800×560 minimum), in English and German: no
 * labeled text elided or cut, nothing past the window's edge, no sideways scrolling, one mnemonic letter per
 * control on each page, and no CSS warning while styling any of it.
 */
@ExtendWith(ApplicationExtension.class)
class PageLayoutTest {
    static final double[][] SIZES = {{1280, 860}, {1024, 700}, {800, 600}, {800, 560}};

    private Stage stage;
    private Locale before;
    private PageTour tour;
    private final List<String> cssWarnings = new ArrayList<>();
    private final Logger javafxLogger = Logger.getLogger("javafx");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                cssWarnings.add(record.getLoggerName() + ": " + record.getMessage());
                if (System.getProperty("layout.trace") != null && cssWarnings.size() == 1) {
                    new Throwable("first CSS warning").printStackTrace();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @BeforeEach
    void listen() {
        before = Locale.getDefault();
        javafxLogger.addHandler(capture);
    }

    @AfterEach
    void restore() {
        javafxLogger.removeHandler(capture);
        if (tour != null) {
            tour.close();
        }
        Locale.setDefault(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyPageFitsEveryScreenSizeWithoutClippedTextOrClashingMnemonics(String language, FxRobot robot)
            throws Exception {
        tour = new PageTour(robot, stage);
        tour.open(Locale.forLanguageTag(language));
        List<String> problems = new ArrayList<>();
        tour.walk(page -> {
            for (double[] size : SIZES) {
                tour.resize(size[0], size[1]);
                String where = language + " " + page + " at " + LayoutInspector.size(stage.getScene()) + ": ";
                robot.interact(() -> {
                    LayoutInspector.clippedText(stage.getScene()).forEach(p -> problems.add(where + p));
                    LayoutInspector.offScreen(stage.getScene()).forEach(p -> problems.add(where + p));
                });
            }
            LayoutInspector.mnemonicClashes(stage.getScene()).forEach((letter, nodes) ->
                    problems.add(language + " " + page + ": Alt+" + Character.toUpperCase(letter) + " is " + nodes));
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(cssWarnings.isEmpty(), String.join("\n", cssWarnings));
    }
}
