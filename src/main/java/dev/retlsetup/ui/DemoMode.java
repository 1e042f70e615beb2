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
 *
 * <p>The user's own values are put aside when the demo fills the form ({@link #ownInput()}), and come back when
 * they leave the demo: trying the demo never loses what was typed.
 */
public final class DemoMode {
    private final SourceForm form;
    private final Background background;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting", false);
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper(this, "scenario", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private volatile DemoWorkspace workspace;
    /** The scenario asked for (set as soon as a start begins, so a draft taken meanwhile names it), or "". */
    private String requested = "";
    /** What the form held before the demo filled it; null when the demo is not in use. */
    private SourceInput own;
    private String ownTrustPath;
    private String ownTrustPassword;

    public DemoMode(SourceForm form, Background background) {
        this.form = form;
        this.background = background;
    }

    public static List<String> scenarios() {
        return Scenario.builtInNames();
    }

    /** Starts the demo with a scenario (stopping a previous one) and fills the form when it is up. */
    public void start(String scenarioName) {
        start(scenarioName, () -> { });
    }

    /**
     * Whether starting the demo now would replace values the user typed (they come back when leaving the demo, but
     * the user is asked first).
     */
    public boolean wouldReplaceTypedValues() {
        return !active.get() && !starting.get() && form.hasTypedInput();
    }

    /** Like {@link #start(String)}, then runs {@code onReady} on the UI thread once the form holds the demo's values. */
    public void start(String scenarioName, Runnable onReady) {
        if (starting.get()) {
            return;
        }
        starting.set(true);
        error.set("");
        requested = scenarioName;
        background.task(() -> {
            stopQuietly();
            DemoWorkspace started = DemoWorkspace.start(Scenario.builtIn(scenarioName), 0);
            workspace = started;
            return started;
        }).onSuccess(started -> {
            fill(started, scenarioName);
            onReady.run();
        }).onFailure(e -> {
            starting.set(false);
            requested = scenario.get();
            error.set(Messages.UI.text("demo.failed", e.getMessage()));
        }).start();
    }

    private void fill(DemoWorkspace demo, String scenarioName) {
        if (own == null) {
            own = form.toInput();
            ownTrustPath = form.trustStorePathProperty().get();
            ownTrustPassword = form.trustStorePasswordProperty().get();
        }
        // In demo mode before the form changes, so whatever follows its changes (a draft) sees the demo.
        scenario.set(scenarioName);
        active.set(true);
        form.clear();
        form.fill(new SourceInput(demo.host(), demo.httpPath(), String.valueOf(demo.port()), demo.clientId(),
                demo.clientSecret(), demo.scenario().suggestedCatalog(),
                SchemaList.join(demo.scenario().suggestedSchemas())));
        form.trustStorePathProperty().set(demo.trustStorePath().toString());
        form.trustStorePasswordProperty().set(demo.trustStorePassword());
        form.fillNoticeProperty().set(Messages.UI.text("demo.filled", scenarioName));
        starting.set(false);
    }

    /** Leaves the demo: stops the emulator and gives the form back the user's own values. */
    public void leave() {
        if (!active.get()) {
            return;
        }
        SourceInput mine = own;
        String trustPath = ownTrustPath;
        String trustPassword = ownTrustPassword;
        own = null;
        requested = "";
        active.set(false);
        scenario.set("");
        form.clear();
        if (mine != null) {
            form.fill(mine);
            form.trustStorePathProperty().set(trustPath == null ? "" : trustPath);
            form.trustStorePasswordProperty().set(trustPassword == null ? "" : trustPassword);
        }
        background.execute(this::stopQuietly);
    }

    /** The user's own values, put aside while the demo fills the form; {@code null} when not in the demo. */
    public SourceInput ownInput() {
        return own;
    }

    /** The scenario in use or being started, or "" (what a draft records). */
    public String requestedScenario() {
        return requested;
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
