package dev.retlsetup.ui;

/** How the step list shows a step relative to the current one. */
public enum StepState {
    DONE, CURRENT, UPCOMING
}
