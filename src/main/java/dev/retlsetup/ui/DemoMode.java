package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SchemaList;
import dev.retlsetup.source.SourceInput;
import java.util.List;
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
    private final Background background;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting", false);
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper(this, "scenario", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private volatile DemoWorkspace workspace;

    public DemoMode(SourceForm form, Background background) {
        this.form = form;
        this.background = background;
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
        background.task(() -> {
            stopQuietly();
            DemoWorkspace started = DemoWorkspace.start(Scenario.builtIn(scenarioName), 0);
            workspace = started;
            return started;
        }).onSuccess(started -> fill(started, scenarioName)).onFailure(e -> {
            starting.set(false);
            error.set(Messages.UI.text("demo.failed", e.getMessage()));
        }).start();
    }

    private void fill(DemoWorkspace demo, String scenarioName) {
        form.clear();
        form.fill(new SourceInput(demo.host(), demo.httpPath(), String.valueOf(demo.port()), demo.clientId(),
                demo.clientSecret(), demo.scenario().suggestedCatalog(),
                SchemaList.join(demo.scenario().suggestedSchemas())));
        form.trustStorePathProperty().set(demo.trustStorePath().toString());
        form.trustStorePasswordProperty().set(demo.trustStorePassword());
        form.fillNoticeProperty().set(Messages.UI.text("demo.filled", scenarioName));
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
        form.clear();
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
