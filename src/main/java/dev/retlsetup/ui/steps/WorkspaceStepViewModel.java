package dev.retlsetup.ui.steps;

import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.EnvironmentDefaults;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Prefill;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.DemoMode;
import dev.retlsetup.ui.SourceForm;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;

/** Workspace step: which workspace, typed, pasted, or taken from the environment or ~/.databrickscfg. */
public final class WorkspaceStepViewModel extends FormStepViewModel {
    private final Map<String, String> env;
    private final Path home;
    private final BooleanBinding complete;

    private final DemoMode demo;

    private final Background background;

    public WorkspaceStepViewModel(SourceForm form, DemoMode demo, Background background, Map<String, String> env,
            Path home) {
        super(form);
        this.demo = demo;
        this.background = background;
        this.env = env;
        this.home = home;
        this.complete = form.validBinding(Field.HOST);
    }

    public DemoMode demo() {
        return demo;
    }

    private java.util.function.Supplier<dev.retlsetup.ui.admin.AdminSetupViewModel> adminSetup;

    /** The wizard supplies the admin set-up (it fills the form and runs the test when the principal is made). */
    public void setAdminSetup(java.util.function.Supplier<dev.retlsetup.ui.admin.AdminSetupViewModel> supplier) {
        this.adminSetup = supplier;
    }

    /** A new set-up window's view model, for the workspace typed here. */
    public dev.retlsetup.ui.admin.AdminSetupViewModel adminSetup() {
        return adminSetup.get();
    }

    /** Fills empty fields from DATABRICKS_* variables, as the Databricks tools do, and says so. */
    public void prefillFromEnvironment() {
        Prefill prefill = EnvironmentDefaults.read(env);
        String variables = String.join(", ", new java.util.LinkedHashSet<>(prefill.origins().values()));
        form.apply(prefill, "notice.environment", variables);
    }

    /** Where the Databricks config file is (DATABRICKS_CONFIG_FILE, else ~/.databrickscfg). */
    public Path configFilePath() {
        return DatabricksConfigFile.locate(env, home);
    }

    /** Reads the config file in the background, then hands it (or what went wrong) over on the UI thread. */
    public void readConfigFile(Consumer<DatabricksConfigFile> onRead, Consumer<Exception> onFailed) {
        Path file = configFilePath();
        background.task(() -> DatabricksConfigFile.read(file)).onSuccess(onRead).onFailure(onFailed).start();
    }

    /** Imports one profile; the profile's values replace what the fields held. */
    public void importProfile(DatabricksConfigFile file, String profile) throws ConfigFileException {
        form.apply(file.profile(profile).toPrefill(), "notice.profile", profile, file.path());
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
