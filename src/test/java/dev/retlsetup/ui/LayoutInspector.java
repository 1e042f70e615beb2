package dev.retlsetup.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/** Reads a laid-out scene the way a person looks at it: cut-off text, things past the window's edge, mnemonics. */
final class LayoutInspector {
    private LayoutInspector() {
    }

    /** Every node of the scene, shown or not. */
    static List<Node> nodes(Scene scene) {
        List<Node> all = new ArrayList<>();
        collect(scene.getRoot(), all);
        return all;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof ScrollPane scroll && scroll.getContent() != null && scroll.getSkin() == null) {
            collect(scroll.getContent(), into);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** The text a labeled shows without its mnemonic marker ({@code _Next} shows as {@code Next}). */
    static String withoutMnemonic(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        if (!labeled.isMnemonicParsing()) {
            return text;
        }
        StringBuilder shown = new StringBuilder();
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && i + 1 < text.length() && text.charAt(i + 1) == '_') {
                shown.append('_');
                i++;
            } else if (c == '_' && !marked && i + 1 < text.length()) {
                marked = true;
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** The mnemonic letter of a labeled (lower case), if it has one. */
    static Optional<Character> mnemonic(Labeled labeled) {
        String text = labeled.getText();
        if (!labeled.isMnemonicParsing() || text == null) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                } else {
                    return Optional.of(Character.toLowerCase(text.charAt(i + 1)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Labeled nodes whose skin shows less than their text (elided with "…", or cut to nothing): the skin's
     * text node is compared with {@link Labeled#getText()}.
     */
    static List<String> clippedText(Scene scene) {
        List<String> clipped = new ArrayList<>();
        for (Node node : nodes(scene)) {
            if (!(node instanceof Labeled labeled) || !shown(labeled) || labeled.getSkin() == null
                    || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
                continue;
            }
            String expected = withoutMnemonic(labeled);
            if (expected.isBlank()) {
                continue;
            }
            // A titled pane's text sits in its title bar, one level down.
            Node textNode = labeled instanceof javafx.scene.control.TitledPane ? labeled.lookup(".title .text")
                    : labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst().orElse(null);
            String displayed = textNode instanceof Text t ? t.getText() : "";
            if (!displayed.equals(expected)) {
                clipped.add(describe(labeled) + " shows \"" + displayed + "\" of \"" + expected + "\" (width "
                        + Math.round(labeled.getWidth()) + ")");
            }
        }
        return clipped;
    }

    /** Shown controls that end past the window's right or bottom edge, and pages that scroll sideways. */
    static List<String> offScreen(Scene scene) {
        List<String> problems = new ArrayList<>();
        for (Node node : nodes(scene)) {
            if (!(node instanceof javafx.scene.control.Control) || !shown(node) || insideScrollPane(node)) {
                continue;
            }
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5)) {
                problems.add(describe(node) + " ends at " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY())
                        + " in a " + Math.round(scene.getWidth()) + "x" + Math.round(scene.getHeight()) + " window");
            }
        }
        for (Node node : scene.getRoot().lookupAll(".page-scroll")) {
            for (Node bar : node.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL && shown(s)) {
                    problems.add("the page scrolls sideways: its content is wider than the window");
                }
            }
        }
        return problems;
    }

    private static boolean insideScrollPane(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** Mnemonic letters used by more than one labeled node of the scene (shown or not). */
    static Map<Character, List<String>> mnemonicClashes(Scene scene) {
        Map<Character, List<String>> byLetter = new HashMap<>();
        for (Node node : nodes(scene)) {
            if (node instanceof Labeled labeled) {
                mnemonic(labeled).ifPresent(c -> byLetter.computeIfAbsent(c, k -> new ArrayList<>()).add(describe(labeled)));
            }
        }
        byLetter.values().removeIf(list -> list.size() < 2);
        return byLetter;
    }

    static String describe(Node node) {
        String text = node instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        String id = node.getId() == null ? "" : "#" + node.getId();
        return node.getClass().getSimpleName() + id + text;
    }

    static String size(Scene scene) {
        return String.format(Locale.ROOT, "%.0fx%.0f", scene.getWidth(), scene.getHeight());
    }
}
