package dev.retlsetup.ui.controls;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** What every page does with its nodes: show one only when it applies (or never), and copy a text. */
public final class Nodes {
    private Nodes() {
    }

    /** Shown, and taking room in the layout, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** Hidden for good, taking no room (a part a page does without). */
    public static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }

    /** Puts a text on the system clipboard. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
