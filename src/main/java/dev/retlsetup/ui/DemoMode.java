package dev.retlsetup.ui;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The built-in demo workspace, run in-process: starting it (off the UI thread) fills the form
 * with its address, credentials and trust store, so a newcomer can walk the whole flow. The demo
 * is a peer on the wire: the tester talks to it over HTTPS like to any workspace.
 */
public final class DemoMode {
    private final SourceForm form;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting", false);
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper(this, "scenario", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private volatile DemoWorkspace workspace;

    public DemoMode(SourceForm form, Executor background, Executor ui) {
        this.form = form;
        this.background = background;
        this.ui = ui;
    }

    public static List<String> scenarios() {
        return Scenario.builtInNames();
    }

    /** Starts the demo with a scenario (stopping a previous one) and fills the form when it is up. */
    public void start(String scenarioName) {
        if (starting.get()) {
            return;
        }
        starting.set(true);
        error.set("");
        background.execute(() -> {
            stopQuietly();
            try {
                DemoWorkspace started = DemoWorkspace.start(Scenario.builtIn(scenarioName), 0);
                workspace = started;
                ui.execute(() -> fill(started, scenarioName));
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    starting.set(false);
                    error.set(Messages.format("demo.failed", e.getMessage()));
                });
            }
        });
    }

    private void fill(DemoWorkspace demo, String scenarioName) {
        form.hostProperty().set(demo.host());
        form.portProperty().set(String.valueOf(demo.port()));
        form.httpPathProperty().set(demo.httpPath());
        form.clientIdProperty().set(demo.clientId());
        form.secretProperty().set(demo.clientSecret());
        form.catalogProperty().set(demo.scenario().suggestedCatalog());
        form.schemasProperty().set(String.join(", ", demo.scenario().suggestedSchemas()));
        form.trustStorePathProperty().set(demo.trustStorePath().toString());
        form.trustStorePasswordProperty().set(demo.trustStorePassword());
        form.fillNoticeProperty().set(Messages.format("demo.filled", scenarioName));
        scenario.set(scenarioName);
        active.set(true);
        starting.set(false);
    }

    /** Leaves the demo: stops the emulator and clears what it filled in. */
    public void leave() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        scenario.set("");
        for (var field : List.of(form.hostProperty(), form.httpPathProperty(), form.clientIdProperty(),
                form.secretProperty(), form.catalogProperty(), form.schemasProperty(), form.trustStorePathProperty(),
                form.trustStorePasswordProperty(), form.fillNoticeProperty())) {
            field.set("");
        }
        form.portProperty().set(SourceForm.DEFAULT_PORT);
        background.execute(this::stopQuietly);
    }

    /** Stops the emulator (on exit); blocking but short. */
    public void shutdown() {
        stopQuietly();
    }

    private void stopQuietly() {
        DemoWorkspace running = workspace;
        workspace = null;
        if (running != null) {
            running.close();
        }
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
