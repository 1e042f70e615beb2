package dev.retlsetup.ui.controls;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled block of plain-words guidance whose text always wraps and is never cut off. */
public final class GuidanceCard extends VBox {
    private final Label heading = new Label();
    private final Label body = new Label();

    public GuidanceCard() {
        getStyleClass().add("guidance-card");
        heading.getStyleClass().add("guidance-heading");
        body.getStyleClass().add("guidance-body");
        for (Label label : new Label[] {heading, body}) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.setMaxWidth(Double.MAX_VALUE);
        }
        setSpacing(6);
        getChildren().addAll(heading, body);
    }

    public StringProperty headingProperty() {
        return heading.textProperty();
    }

    public String getHeading() {
        return heading.getText();
    }

    public void setHeading(String text) {
        heading.setText(text);
    }

    public StringProperty textProperty() {
        return body.textProperty();
    }

    public String getText() {
        return body.getText();
    }

    public void setText(String text) {
        body.setText(text);
    }
}
