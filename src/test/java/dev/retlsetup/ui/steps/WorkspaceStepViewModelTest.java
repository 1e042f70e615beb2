package dev.retlsetup.ui.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.Field;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.DemoMode;
import dev.retlsetup.ui.SourceForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the workspace page's values can come from: environment, ~/.databrickscfg, a paste. */
class WorkspaceStepViewModelTest {
    @TempDir
    Path home;
    private final SourceForm form = new SourceForm();

    private WorkspaceStepViewModel viewModel(Map<String, String> env) {
        Background background = Background.sameThread();
        return new WorkspaceStepViewModel(form, new DemoMode(form, background), background, env, home);
    }

    /** Reads the config file the way the page does, on this thread. */
    private static DatabricksConfigFile read(WorkspaceStepViewModel vm) throws Exception {
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        vm.readConfigFile(outcome::set, outcome::set);
        if (outcome.get() instanceof Exception e) {
            throw e;
        }
        return (DatabricksConfigFile) outcome.get();
    }

    @Test
    void prefillsFromTheEnvironmentAndSaysFromWhere() {
        viewModel(Map.of("DATABRICKS_HOST", "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                "DATABRICKS_CLIENT_ID", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                "DATABRICKS_WAREHOUSE_ID", "abcdef0123456789")).prefillFromEnvironment();
        assertEquals("/sql/1.0/warehouses/abcdef0123456789", form.field(Field.HTTP_PATH).get());
        String notice = form.fillNoticeProperty().get();
        assertTrue(notice.contains("DATABRICKS_HOST") && notice.contains("hostname"), notice);
    }

    @Test
    void importsTheChosenProfileIncludingItsSecret() throws Exception {
        Files.writeString(home.resolve(".databrickscfg"), """
                # team profiles
                [DEFAULT]
                host = https://other.cloud.databricks.com

                [segment]
                host = https://dbc-a1b2c3d4-e5f6.cloud.databricks.com
                client_id = 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
                client_secret = dose0123456789abcdef0123456789abcdef
                warehouse_id = abcdef0123456789
                """);
        WorkspaceStepViewModel vm = viewModel(Map.of());
        DatabricksConfigFile file = read(vm);
        assertEquals(java.util.List.of("DEFAULT", "segment"), file.profileNames());
        vm.importProfile(file, "segment");
        assertEquals("dose0123456789abcdef0123456789abcdef", form.field(Field.SECRET).get());
        assertTrue(form.validationProperty().get().valid(Field.HOST));
        assertTrue(form.fillNoticeProperty().get().contains("[segment]"), form.fillNoticeProperty().get());
    }

    @Test
    void aMalformedFileImportsNothingAndNamesTheFile() throws Exception {
        Path cfg = home.resolve("custom.cfg");
        Files.writeString(cfg, "[segment\nhost = x\n");
        WorkspaceStepViewModel vm = viewModel(Map.of("DATABRICKS_CONFIG_FILE", cfg.toString()));
        ConfigFileException error = assertThrows(ConfigFileException.class, () -> read(vm));
        assertTrue(error.getMessage().contains("custom.cfg"), error.getMessage());
        assertEquals("", form.field(Field.HOST).get());
    }

    @Test
    void aPastedBrowserAddressKeepsOnlyTheHostname() {
        WorkspaceStepViewModel vm = viewModel(Map.of());
        assertEquals("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                vm.paste(Field.HOST, "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=1234567890#sql").orElseThrow());
        assertTrue(vm.paste(Field.HOST, "dbc").isEmpty(), "plain text is pasted as is");
    }
}
