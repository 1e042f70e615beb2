package dev.retlsetup.ui.steps;

import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.store.Draft;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import dev.retlsetup.testing.MemoryCredentialStore;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.TestServices;
import dev.retlsetup.ui.SourceForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import dev.retlsetup.ui.Background;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving from the Add step, without a toolkit (all work runs inline). */
class AddStepViewModelTest {
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private final SourceForm form = new SourceForm();
    private final MemoryCredentialStore keychainStore = new MemoryCredentialStore();
    private final Map<String, String> keychain = keychainStore.entries;
    private AppServices services;
    private AddStepViewModel add;

    @BeforeEach
    void setUp() {
        services = TestServices.in(dir, Map.of("DATABRICKS_CONFIG_FILE", dir.resolve("databrickscfg").toString()),
                keychainStore);
        add = new AddStepViewModel(form, services, new SimpleObjectProperty<>(), new SimpleStringProperty(""),
                Background.sameThread());
        add.probeKeychain();
        form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
        form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.field(Field.SECRET).set(SECRET);
        form.field(Field.CATALOG).set("main");
        form.field(Field.SCHEMAS).set("main.marketing");
    }

    private SavedSource saveAs(String name) {
        add.sourceNameProperty().set(name);
        AtomicReference<SavedSource> saved = new AtomicReference<>();
        add.save(saved::set);
        return saved.get();
    }

    @Test
    void prefersTheCredentialStoreWhenOneIsAvailable() {
        assertEquals(SecretStorage.Kind.KEYCHAIN, add.secretChoiceProperty().get());
        SavedSource saved = saveAs("Marketing");
        assertNotNull(saved);
        assertTrue(keychain.containsValue(SECRET));
        assertTrue(add.savedProperty().get());
        assertTrue(add.complete().get(), "saved: Next goes on to the optional model");
        assertEquals("button.addModel", add.nextLabelKey().get());
    }

    @Test
    void savedSourceFilesNeverHoldTheSecret() throws Exception {
        saveAs("Marketing");
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file)).contains(SECRET), file + " holds the secret");
            }
        }
    }

    @Test
    void theDatabricksCfgChoiceNeedsConsent() throws Exception {
        add.sourceNameProperty().set("Marketing");
        add.secretChoiceProperty().set(SecretStorage.Kind.DATABRICKSCFG);
        assertEquals("segment-marketing", add.profileNameProperty().get());
        assertFalse(add.complete().get(), "no consent yet");
        add.profileConsentProperty().set(true);
        assertTrue(add.complete().get());
        add.save(s -> { });
        String cfg = Files.readString(dir.resolve("databrickscfg"));
        assertTrue(cfg.contains("[segment-marketing]"), cfg);
        assertTrue(cfg.contains("client_secret = " + SECRET) || cfg.contains("client_secret=" + SECRET), cfg);
    }

    @Test
    void aTakenNameIsExplainedAndBlocksSaving() {
        saveAs("Marketing");
        AddStepViewModel again = new AddStepViewModel(form, services, new SimpleObjectProperty<>(),
                new SimpleStringProperty(""), Background.sameThread());
        again.refreshNames();
        again.sourceNameProperty().set("marketing");
        assertNotNull(again.nameProblemProperty().get());
        assertTrue(again.nameProblemProperty().get().contains("marketing"));
        assertFalse(again.complete().get());
    }

    @Test
    void savingClearsTheDraft() throws Exception {
        services.drafts().save(Draft.of(form.toInput(), null, "add", null, null, Instant.now()));
        saveAs("Marketing");
        assertNull(services.drafts().load());
    }

    @Test
    void settingsForSegmentFollowSegmentsOrderAndOmitTheSecret() {
        String text = add.settingsForSegment();
        assertTrue(text.indexOf("Hostname") < text.indexOf("Port"));
        assertTrue(text.indexOf("Port") < text.indexOf("HTTP path"));
        assertTrue(text.indexOf("HTTP path") < text.indexOf("Client ID"));
        assertTrue(text.contains("dbc-a1b2c3d4-e5f6.cloud.databricks.com"));
        assertFalse(text.contains(SECRET));
    }

    @Test
    void suggestsANameFromTheHostOrTheDemo() {
        add.suggestName(null);
        assertEquals("Databricks dbc-a1b2c3d4-e5f6", add.sourceNameProperty().get());
        add.sourceNameProperty().set("");
        add.suggestName("ready");
        assertEquals("Demo workspace (ready)", add.sourceNameProperty().get());
    }

    @Test
    void savedReportNamesTheSourceAndTheDemoScenarioWithoutTheSecret() throws Exception {
        var report = new dev.retlsetup.check.ConnectionTestReport(Instant.now(), java.util.List.of(), null, null, "main", false);
        var demo = new javafx.beans.property.SimpleStringProperty("missing-select");
        AddStepViewModel onDemo = new AddStepViewModel(form, services, new SimpleObjectProperty<>(report), demo,
                Background.sameThread());
        onDemo.sourceNameProperty().set("Marketing");
        Path file = dir.resolve("report.json");
        onDemo.saveReport(file, () -> { }, problem -> { throw new AssertionError(problem); });
        String json = Files.readString(file);
        assertTrue(json.contains("\"sourceName\" : \"Marketing\""), json);
        assertTrue(json.contains("\"demoScenario\" : \"missing-select\""), json);
        assertTrue(json.contains("\"host\" : \"dbc-a1b2c3d4-e5f6.cloud.databricks.com\""), json);
        assertFalse(json.contains(SECRET));
    }
}
