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

    private WizardViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new WizardViewModel(new SourceForm(), dev.retlsetup.ui.Background.forApp(Platform::runLater),
                AppServices.inTemporaryDirectory());
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
        // The arrow keys moved the choice too; saving needs no secret stored.
        robot.interact(() -> model.addStep().secretChoiceProperty().set(SecretStorage.Kind.NONE));
        robot.interact(() -> model.forward(() -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.addStep().savedProperty().get());
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WizardStep.MODEL, model.current());
        problems.addAll(walk(robot, "MODEL"));
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
            }
        }
        return problems;
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
            robot.interact(start::requestFocus);
            for (int i = 0; i < radio.getToggleGroup().getToggles().size(); i++) {
                robot.type(KeyCode.DOWN);
                Node owner = stage.getScene().getFocusOwner();
                if (owner.getPseudoClassStates().contains(FOCUSED)) {
                    found.add(owner);
                }
            }
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
