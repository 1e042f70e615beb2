package dev.retlsetup.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.source.Field;
import dev.retlsetup.testing.TestBrowser;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.TestServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.WizardStep;
import dev.retlsetup.ui.WizardViewModel;
import dev.retlsetup.ui.admin.AdminSetupViewModel.Phase;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.TestVerdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Set it up for me" as the window drives it, without a toolkit, on the demo workspace where Segment's
 * service principal does not exist yet: sign in, pick, review, apply, and the wizard tests the new principal.
 */
class AdminSetupFlowTest {
    private final AtomicReference<BrowserOpener> browser = new AtomicReference<>();
    private final WizardViewModel wizard = new WizardViewModel(new SourceForm(), Background.sameThread(),
            TestServices.temporary(uri -> browser.get().open(uri)));

    @BeforeEach
    void demoWithoutPrincipal() throws Exception {
        wizard.demo().start("no-principal");
        browser.set(TestBrowser.allowing(wizard.form().trust().sslContext()));
    }

    @AfterEach
    void stop() {
        wizard.shutdown();
    }

    private TestStepViewModel test() {
        return (TestStepViewModel) wizard.step(WizardStep.TEST);
    }

    private AdminSetupViewModel signedIn() {
        AdminSetupViewModel setup = wizard.adminSetup();
        setup.start();
        setup.signIn();
        assertEquals(Phase.CHOOSE, setup.phaseProperty().get(), setup.messageProperty().get()
                + setup.signInStep().messageProperty().get());
        return setup;
    }

    @Test
    void theNoPrincipalWorkspaceIsSetUpFromScratchAndTheNewPrincipalPasses() {
        wizard.advanceTo(WizardStep.TEST);
        test().runAll();
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), "no service principal yet");
        String before = wizard.form().field(Field.CLIENT_ID).get();

        AdminSetupViewModel setup = signedIn();
        assertFalse(setup.warehouses().isEmpty(), "the warehouses are listed");
        assertTrue(setup.warehouseProperty().get() != null, "one is picked");
        assertTrue(setup.catalogs().contains("main"), setup.catalogs().toString());
        assertEquals("main", setup.catalogProperty().get());
        assertTrue(setup.schemas().contains("main.marketing"), setup.schemas().toString());
        assertEquals(List.of("main.marketing"), List.copyOf(setup.chosenSchemas()), "the form's schemas are ticked");

        setup.review();
        assertEquals(Phase.CONFIRM, setup.phaseProperty().get(), setup.messageProperty().get());
        List<String> planned = setup.steps().stream().map(r -> r.step().what()).toList();
        assertTrue(planned.get(0).startsWith("POST /api/2.0/preview/scim/v2/ServicePrincipals"), planned.get(0));
        assertTrue(planned.stream().anyMatch(s -> s.contains("GRANT SELECT ON SCHEMA main.marketing")), planned.toString());
        assertTrue(planned.stream().anyMatch(s -> s.contains("GRANT CREATE SCHEMA ON CATALOG main")), planned.toString());

        setup.confirmApply();
        assertEquals(Phase.DONE, setup.phaseProperty().get());
        assertTrue(setup.completeProperty().get(), setup.messageProperty().get());
        assertTrue(setup.steps().stream().allMatch(r -> r.stateProperty().get() == PlanRow.State.APPLIED));
        String made = setup.clientIdProperty().get();
        assertFalse(made.isBlank());
        assertFalse(made.equals(before));
        assertTrue(setup.steps().stream().skip(1).anyMatch(r -> r.whatProperty().get().contains(made)),
                "the steps after the first show the real application ID they ran with");
        assertFalse(setup.secretProperty().get().isBlank(), "the secret is shown once");

        setup.useAndTest();
        assertEquals(made, wizard.form().field(Field.CLIENT_ID).get());
        assertEquals(WizardStep.TEST, wizard.current());
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get(), "the new principal passes the whole test");
    }

    @Test
    void preCreatingTheManagedSchemaGrantsNothingOnTheCatalog() {
        AdminSetupViewModel setup = signedIn();
        setup.precreateProperty().set(true);
        setup.review();
        List<String> planned = setup.steps().stream().map(r -> r.step().what()).toList();
        assertTrue(planned.stream().noneMatch(s -> s.contains("CREATE SCHEMA ON CATALOG")), planned.toString());
        assertTrue(planned.stream().anyMatch(s -> s.contains("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl")),
                planned.toString());
        setup.confirmApply();
        assertTrue(setup.completeProperty().get(), setup.messageProperty().get());
        setup.useAndTest();
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get());
    }

    @Test
    void changingTheChoicesRunsNothing() {
        AdminSetupViewModel setup = signedIn();
        setup.review();
        setup.notYet();
        assertEquals(Phase.CHOOSE, setup.phaseProperty().get());
        assertTrue(setup.steps().isEmpty());
        assertTrue(setup.clientIdProperty().get().isEmpty(), "no principal was made");
    }

    @Test
    void withoutACatalogThePlanIsNotMadeAndSaysWhatIsMissing() {
        AdminSetupViewModel setup = signedIn();
        setup.catalogProperty().set("");
        setup.review();
        assertEquals(Phase.CHOOSE, setup.phaseProperty().get());
        assertFalse(setup.messageProperty().get().isBlank());
    }
}
