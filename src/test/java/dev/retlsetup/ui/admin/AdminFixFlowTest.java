package dev.retlsetup.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.admin.BrowserOpener;
import dev.retlsetup.testing.TestBrowser;
import dev.retlsetup.ui.AppServices;
import dev.retlsetup.ui.TestServices;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.WizardStep;
import dev.retlsetup.ui.WizardViewModel;
import dev.retlsetup.ui.admin.AdminFixViewModel.Phase;
import dev.retlsetup.ui.steps.TestStepViewModel;
import dev.retlsetup.ui.steps.TestVerdict;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The admin fix as the window drives it, without a toolkit (work runs on the test's thread; the browser
 * step is played by an HTTP client on its own): every failing demo scenario an admin can fix goes from
 * failed to passing, and every refusal changes nothing.
 */
class AdminFixFlowTest {
    private final AtomicReference<BrowserOpener> browser = new AtomicReference<>();
    private final WizardViewModel wizard = new WizardViewModel(new SourceForm(), Background.sameThread(),
            TestServices.temporary(uri -> browser.get().open(uri)));

    @AfterEach
    void stop() {
        wizard.shutdown();
    }

    private TestStepViewModel test() {
        return (TestStepViewModel) wizard.step(WizardStep.TEST);
    }

    private void failOnDemo(String scenario) throws Exception {
        wizard.demo().start(scenario);
        wizard.advanceTo(WizardStep.TEST);
        test().runAll();
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), scenario + " fails before the fix");
        browser.set(TestBrowser.allowing(wizard.form().trust().sslContext()));
    }

    private AdminFixViewModel signedIn() {
        AdminFixViewModel fix = test().adminFix();
        fix.start();
        assertEquals(Phase.SIGN_IN, fix.phaseProperty().get());
        fix.signIn();
        assertEquals(Phase.PLAN, fix.phaseProperty().get(), fix.signInStep().messageProperty().get());
        return fix;
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing-select", "missing-use-schema", "missing-create", "no-warehouse-access",
            "missing-sql-entitlement", "hive-legacy"})
    void aFailingScenarioPassesAfterSignInReviewAndApply(String scenario) throws Exception {
        failOnDemo(scenario);
        AdminFixViewModel fix = signedIn();
        assertTrue(fix.signInStep().adminProperty().get());
        assertFalse(fix.steps().isEmpty(), "the plan names what is missing");
        assertTrue(fix.notFixable().isEmpty(), fix.notFixable().toString());

        fix.askToApply();
        assertEquals(Phase.CONFIRM, fix.phaseProperty().get());
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), "nothing ran before the go-ahead");
        fix.confirmApply();

        assertEquals(Phase.DONE, fix.phaseProperty().get(), fix.messageProperty().get());
        assertTrue(fix.steps().stream().allMatch(r -> r.stateProperty().get() == PlanRow.State.APPLIED));
        assertTrue(fix.passedProperty().get(), fix.messageProperty().get());
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get(), "the page's own re-run passed");
        assertFalse(fix.retestRows().isEmpty(), "the window shows the checks it ran again");
    }

    @Test
    void preCreatingTheManagedSchemaPlansCreateSchemaAndAllPrivilegesInsteadOfTheCatalogGrant() throws Exception {
        failOnDemo("missing-create");
        AdminFixViewModel fix = signedIn();
        assertTrue(fix.offersManagedSchema());
        assertTrue(fix.steps().get(0).step().what().startsWith("GRANT CREATE SCHEMA ON CATALOG main"));
        fix.precreateProperty().set(true);
        assertEquals(Phase.PLAN, fix.phaseProperty().get());
        assertEquals(2, fix.steps().size());
        assertTrue(fix.steps().get(0).step().what().startsWith("CREATE SCHEMA IF NOT EXISTS main.__segment_reverse_etl"),
                fix.steps().get(0).step().what());
        assertTrue(fix.steps().get(1).step().what().startsWith("GRANT ALL PRIVILEGES ON SCHEMA main.__segment_reverse_etl"));
        fix.askToApply();
        fix.confirmApply();
        assertTrue(fix.passedProperty().get(), fix.messageProperty().get());
    }

    @Test
    void notYetGoesBackToThePlanAndChangesNothing() throws Exception {
        failOnDemo("missing-select");
        AdminFixViewModel fix = signedIn();
        fix.askToApply();
        fix.notYet();
        assertEquals(Phase.PLAN, fix.phaseProperty().get());
        assertTrue(fix.steps().stream().allMatch(r -> r.stateProperty().get() == PlanRow.State.PLANNED));
        assertFalse(fix.appliedAnything());
        test().runAll();
        assertEquals(TestVerdict.FAILED, test().verdictProperty().get(), "the workspace is unchanged");
    }

    @Test
    void aCancelledSignInSaysSoAndPlansNothing() throws Exception {
        failOnDemo("missing-select");
        AdminFixViewModel fix = test().adminFix();
        fix.start();
        // The user presses Cancel while the browser is open.
        browser.set(uri -> fix.cancel());
        fix.signIn();
        assertEquals(Phase.SIGN_IN, fix.phaseProperty().get());
        assertEquals(SignInStep.State.SIGNED_OUT, fix.signInStep().stateProperty().get());
        assertTrue(fix.signInStep().messageProperty().get().contains("cancelled"), fix.signInStep().messageProperty().get());
        assertTrue(fix.steps().isEmpty());
        assertTrue(wizard.admin().signedInProperty().get() == null, "no one is signed in");
    }

    @Test
    void anAnswerForAnotherSignInIsRefusedAndNobodyIsSignedIn() throws Exception {
        failOnDemo("missing-select");
        browser.set(new TestBrowser(wizard.form().trust().sslContext(), "allow",
                location -> location.replaceAll("state=[^&]+", "state=forged")));
        AdminFixViewModel fix = test().adminFix();
        fix.start();
        fix.signIn();
        assertEquals(Phase.SIGN_IN, fix.phaseProperty().get());
        assertEquals(SignInStep.State.SIGNED_OUT, fix.signInStep().stateProperty().get());
        assertTrue(fix.signInStep().messageProperty().get().contains("state does not match"), fix.signInStep().messageProperty().get());
        assertTrue(wizard.admin().signedInProperty().get() == null);
    }

    @Test
    void aDeniedConsentIsSaidAndNothingIsPlanned() throws Exception {
        failOnDemo("missing-select");
        browser.set(new TestBrowser(wizard.form().trust().sslContext(), "deny", s -> s));
        AdminFixViewModel fix = test().adminFix();
        fix.start();
        fix.signIn();
        assertEquals(Phase.SIGN_IN, fix.phaseProperty().get());
        assertEquals(SignInStep.State.SIGNED_OUT, fix.signInStep().stateProperty().get());
        assertTrue(fix.signInStep().messageProperty().get().contains("refused"), fix.signInStep().messageProperty().get());
    }

    @Test
    void theAdminTokenIsInNoTextTheWindowShows() throws Exception {
        failOnDemo("missing-select");
        AdminFixViewModel fix = signedIn();
        fix.askToApply();
        fix.confirmApply();
        java.lang.reflect.Method value = dev.retlsetup.admin.AdminToken.class.getDeclaredMethod("value");
        value.setAccessible(true);
        String token = (String) value.invoke(wizard.admin().signedInProperty().get().token());
        assertTrue(token.length() > 16);
        StringBuilder shown = new StringBuilder(String.join("\n", fix.signInStep().whoProperty().get(), fix.messageProperty().get(),
                fix.planText(), fix.signInStep().identityProperty().get(), wizard.admin().signedInProperty().get().toString()));
        fix.steps().forEach(r -> shown.append(r.step().what()).append(r.step().fixes()).append(r.detailProperty().get()));
        test().rows().forEach(r -> shown.append(r.summaryProperty().get()).append(r.result()));
        wizard.background().runDelayed();
        try (var files = java.nio.file.Files.walk(wizard.services().home())) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                shown.append(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertFalse(shown.toString().contains(token), "the admin token is in no text shown and no file written");
    }

    @Test
    void aModelReadingATableNobodyGrantedPassesAfterTheAdminAppliesItsGrant() throws Exception {
        wizard.demo().start("models");
        wizard.form().field(dev.retlsetup.source.Field.SCHEMAS).set("main.marketing, main.crm");
        browser.set(TestBrowser.allowing(wizard.form().trust().sslContext()));
        var model = wizard.modelStep();
        model.sqlProperty().set("SELECT invoice_id, amount FROM main.finance.invoices");
        model.keyProperty().set("invoice_id");
        model.check();
        assertFalse(model.reportProperty().get().ok(), "the principal may not read main.finance.invoices yet");
        assertTrue(model.adminCanHelp());

        AdminFixViewModel fix = model.adminFix();
        fix.start();
        fix.signIn();
        assertEquals(Phase.PLAN, fix.phaseProperty().get(), fix.messageProperty().get());
        String sp = "`" + wizard.form().field(dev.retlsetup.source.Field.CLIENT_ID).get() + "`;";
        assertEquals(List.of("GRANT USE SCHEMA ON SCHEMA main.finance TO " + sp,
                "GRANT SELECT ON TABLE main.finance.invoices TO " + sp), fix.steps().stream().map(r -> r.step().what()).toList(),
                "exactly what the check found missing");
        fix.askToApply();
        fix.confirmApply();
        assertEquals(Phase.DONE, fix.phaseProperty().get());
        assertTrue(fix.passedProperty().get(), fix.messageProperty().get());
        assertTrue(model.reportProperty().get().ok(), "the Model step's own re-check passed");
        assertFalse(model.adminCanHelp());
    }

    @Test
    void whenNoBrowserOpensTheSignInPageIsShownToOpenByHandAndTheSignInStillCompletes() throws Exception {
        failOnDemo("missing-select");
        TestBrowser person = TestBrowser.allowing(wizard.form().trust().sslContext());
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        wizard.admin().browserProblemProperty().addListener((obs, old, now) -> said.add(now));
        browser.set(uri -> {
            // The person copies the address the window shows and opens it themselves.
            String shown = wizard.admin().pageProperty().get();
            person.open(java.net.URI.create(shown));
            throw new IOException("no browser is installed");
        });
        AdminFixViewModel fix = test().adminFix();
        fix.start();
        fix.signIn();
        assertEquals(Phase.PLAN, fix.phaseProperty().get(), fix.signInStep().messageProperty().get());
        assertTrue(said.contains("no browser is installed"), said.toString());
        assertTrue(fix.signInStep().adminProperty().get());
    }

    @Test
    void aTestWhosePrincipalDoesNotExistOffersTheSetUpWhichNeedsNoSecondSignInAndPasses() throws Exception {
        failOnDemo("no-principal");
        AdminFixViewModel fix = signedIn();
        assertTrue(fix.steps().isEmpty(), "no grant fixes a principal that does not exist");
        assertTrue(fix.setUpOfferedProperty().get(), "the window offers to set it up from scratch");

        AdminSetupViewModel setUp = fix.setUpFromScratch();
        setUp.start();
        assertEquals(AdminSetupViewModel.Phase.CHOOSE, setUp.phaseProperty().get(), "the admin stays signed in");
        setUp.review();
        setUp.confirmApply();
        assertTrue(setUp.completeProperty().get(), setUp.messageProperty().get());
        setUp.useAndTest();
        assertEquals(TestVerdict.PASSED, test().verdictProperty().get(), "the new principal passes the whole test");
    }

    @Test
    void anExistingPrincipalIsNotOfferedASetUpFromScratch() throws Exception {
        failOnDemo("missing-select");
        assertFalse(signedIn().setUpOfferedProperty().get());
    }
}
