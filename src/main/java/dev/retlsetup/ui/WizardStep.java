package dev.retlsetup.ui;

/** The documented setup flow, in order. Each step has one FXML page, controller and view model. */
public enum WizardStep {
    WORKSPACE("workspace"),
    WAREHOUSE("warehouse"),
    CONNECTION("connection"),
    CREDENTIALS("credentials"),
    TEST("test"),
    ADD("add"),
    /** Optional: after the source is added, as Segment's own flow goes (add a source, then a model). */
    MODEL("model");

    private final String id;

    WizardStep(String id) {
        this.id = id;
    }

    /** Resource name stem: {@code steps/<id>.fxml} and bundle keys {@code step.<id>.*}. */
    public String id() {
        return id;
    }

    public String fxml() {
        return "steps/" + id + ".fxml";
    }

    public String titleKey() {
        return "step." + id + ".title";
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }
}
