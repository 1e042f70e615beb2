package dev.retlsetup.ui.steps;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** Shows a picker's parts only while they apply; hidden parts take no room. */
final class PickerSupport {
    private PickerSupport() {
    }

    static void show(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    static void hide(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }
}
