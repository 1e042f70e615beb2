package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.store.SecretStorage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every control of every wizard page can be reached with Tab, and shows that it has the focus. */
@ExtendWith(ApplicationExtension.class)
class KeyboardFocusTest {
    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focused");
    /** More presses than any page has controls (the page, the step list, the sidebar and the nav bar). */
    private static final int PRESSES = 80;
    /** How far outside a control its focus ring may be drawn, in pixels. */
    private static final int RING = 4;
    /**
     * How many pixels must clearly change when a control takes the focus: the smallest ring (a radio button's)
     * changes about 60; the standard ring on a blue primary button changes none.
     */
    private static final int VISIBLE_CHANGE = 40;

    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new WizardViewModel(new SourceForm(), dev.retlsetup.ui.Background.forApp(Platform::runLater),
                TestServices.temporary());
        stage.setScene(WizardApp.createScene(model, Messages.UI.bundle(), stage));
        stage.setWidth(1280);
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void stopDemo() {
        model.demo().shutdown();
    }

    @Test
    void tabReachesEveryControlOfEveryPageAndEachShowsItsFocus(FxRobot robot) throws Exception {
        robot.interact(() -> model.demo().start("ready"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        for (WizardStep step : List.of(WizardStep.WORKSPACE, WizardStep.WAREHOUSE, WizardStep.CONNECTION,
                WizardStep.CREDENTIALS)) {
            assertEquals(step, model.current());
            problems.addAll(walk(robot, step.name()));
            robot.interact(model::next);
        }
        assertEquals(WizardStep.TEST, model.current());
        runTest(robot);
        problems.addAll(walk(robot, "TEST"));
        robot.interact(model::next);
        assertEquals(WizardStep.ADD, model.current());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.addStep().keychainStatusProperty().get() != null);
        robot.interact(() -> model.addStep().secretChoiceProperty().set(SecretStorage.Kind.NONE));
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(walk(robot, "ADD"));
        robot.interact(() -> model.forward(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardStep.MODEL, model.current());
        String sql = model.modelStep().sqlProperty().get();
        problems.addAll(walk(robot, "MODEL"));
        assertEquals(sql, model.modelStep().sqlProperty().get(), "Tab through the SQL editor types nothing into it");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theFocusedDefaultButtonIsDrawnDifferentlyFromTheUnfocusedOne(FxRobot robot) throws Exception {
        robot.interact(() -> model.demo().start("ready"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.demo().activeProperty().get());
        Button next = robot.lookup(".nav-bar .button").match(b -> ((Button) b).isDefaultButton()).queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !next.isDisabled());
        robot.interact(() -> robot.lookup("#hostField").queryAs(TextField.class).requestFocus());
        Background unfocused = backgroundOf(robot, next);
        robot.interact(next::requestFocus);
        assertTrue(next.isFocused());
        Background focused = backgroundOf(robot, next);
        assertNotEquals(unfocused.getFills(), focused.getFills(), "the primary button shows a focus ring");
    }

    private static Background backgroundOf(FxRobot robot, Button button) {
        Background[] background = new Background[1];
        robot.interact(() -> {
            button.applyCss();
            background[0] = button.getBackground();
        });
        return background[0];
    }

    private void runTest(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !stage.getScene().lookup("#runButton").isDisabled());
        robot.interact(() -> ((Button) stage.getScene().lookup("#runButton")).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> ((dev.retlsetup.ui.steps.TestStepViewModel) model.step(WizardStep.TEST)).hasRunProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Tab from the page's first control; says which controls were never reached or showed no focus. */
    private List<String> walk(FxRobot robot, String page) {
        List<String> problems = new ArrayList<>();
        Set<Node> wanted = new LinkedHashSet<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            collect(stage.getScene().lookup(".page-scroll"), wanted);
            collect(stage.getScene().lookup(".nav-bar"), wanted);
            wanted.stream().findFirst().ifPresent(Node::requestFocus);
        });
        assertTrue(wanted.size() > 1, page + " has controls");
        Set<Node> reached = new LinkedHashSet<>();
        for (int i = 0; i < PRESSES && !reached.containsAll(wanted); i++) {
            Node owner = stage.getScene().getFocusOwner();
            if (owner != null && reached.add(owner) && wanted.contains(owner)
                    && !owner.getPseudoClassStates().contains(FOCUSED)) {
                problems.add(page + ": " + describe(owner) + " has the focus but does not show it");
            }
            robot.type(KeyCode.TAB);
        }
        reached.addAll(byArrows(robot, wanted, reached));
        for (Node node : wanted) {
            if (!reached.contains(node)) {
                problems.add(page + ": Tab never reaches " + describe(node));
            } else if (!looksDifferentWhenFocused(robot, node, wanted)) {
                problems.add(page + ": " + describe(node) + " looks the same with and without the focus");
            }
        }
        return problems;
    }

    /** Compares the control's pixels with the focus and with the focus on another control. */
    private static boolean looksDifferentWhenFocused(FxRobot robot, Node node, Set<Node> wanted) {
        Node other = wanted.stream().filter(n -> n != node).findFirst().orElseThrow();
        javafx.scene.image.Image[] images = new javafx.scene.image.Image[2];
        robot.interact(() -> scrollIntoView(node));
        robot.interact(node::requestFocus);
        robot.interact(() -> images[0] = snapshot(node));
        robot.interact(other::requestFocus);
        robot.interact(() -> images[1] = snapshot(node));
        return clearlyChangedPixels(images[0], images[1]) >= VISIBLE_CHANGE;
    }

    /** Pixels where a colour channel moved by more than 96 of 255: a change a person sees, not a shade. */
    private static int clearlyChangedPixels(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalStateException("the control moved while its focus changed");
        }
        var ra = a.getPixelReader();
        var rb = b.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                int p = ra.getArgb(x, y);
                int q = rb.getArgb(x, y);
                int d = Math.max(Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)), Math.max(
                        Math.abs(((p >> 8) & 255) - ((q >> 8) & 255)), Math.abs((p & 255) - (q & 255))));
                if (d > 96) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Scrolls the page so that the control is in its view (a snapshot shows what the window shows). */
    private static void scrollIntoView(Node node) {
        Node ancestor = node.getParent();
        while (ancestor != null && !(ancestor instanceof javafx.scene.control.ScrollPane)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor instanceof javafx.scene.control.ScrollPane scroll) {
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getLayoutBounds())).getMinY();
            double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
            scroll.layout();
        }
    }

    /** What the window shows around the control, including a ring drawn outside its bounds. */
    private static javafx.scene.image.Image snapshot(Node node) {
        Parent root = node.getScene().getRoot();
        root.applyCss();
        root.layout();
        javafx.geometry.Bounds bounds = node.localToScene(node.getLayoutBounds());
        javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
        parameters.setViewport(new javafx.geometry.Rectangle2D(Math.floor(bounds.getMinX()) - RING,
                Math.floor(bounds.getMinY()) - RING, Math.ceil(bounds.getWidth()) + 2 * RING,
                Math.ceil(bounds.getHeight()) + 2 * RING));
        return root.snapshot(parameters, null);
    }

    /**
     * A radio group is one Tab stop (its selected choice); the arrow keys move within it, as on every desktop:
     * the choices Tab skipped, reached with Down from a choice of the same group that Tab reached.
     */
    private Set<Node> byArrows(FxRobot robot, Set<Node> wanted, Set<Node> reached) {
        Set<Node> found = new LinkedHashSet<>();
        for (Node node : wanted) {
            if (reached.contains(node) || found.contains(node) || !(node instanceof RadioButton radio)
                    || radio.getToggleGroup() == null) {
                continue;
            }
            Node start = reached.stream().filter(r -> r instanceof RadioButton other
                    && other.getToggleGroup() == radio.getToggleGroup()).findFirst().orElse(null);
            if (start == null) {
                continue;
            }
            javafx.scene.control.Toggle selected = radio.getToggleGroup().getSelectedToggle();
            robot.interact(start::requestFocus);
            for (int i = 0; i < radio.getToggleGroup().getToggles().size(); i++) {
                robot.type(KeyCode.DOWN);
                Node owner = stage.getScene().getFocusOwner();
                if (owner.getPseudoClassStates().contains(FOCUSED)) {
                    found.add(owner);
                }
            }
            // The arrows also chose; the page goes on with the choice it had.
            robot.interact(() -> radio.getToggleGroup().selectToggle(selected));
        }
        return found;
    }

    /** The enabled, visible controls a person operates; not the parts inside another control (a combo's editor). */
    private static void collect(Node node, Set<Node> into) {
        if (node == null || !node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextField || node instanceof ComboBox) {
            if (node instanceof Button || node instanceof TextField || node instanceof ComboBox
                    || node instanceof CheckBox || node instanceof RadioButton || node instanceof Hyperlink) {
                into.add(node);
            }
            return;
        }
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            collect(scroll.getContent(), into);
        } else if (node instanceof javafx.scene.control.TitledPane titled) {
            collect(titled.getGraphic(), into);
            if (titled.isExpanded()) {
                collect(titled.getContent(), into);
            }
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    private static String describe(Node node) {
        String text = node instanceof javafx.scene.control.Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + text;
    }
}
