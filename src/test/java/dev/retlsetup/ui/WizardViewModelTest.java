package dev.retlsetup.ui;

import dev.retlsetup.source.Field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Navigation rules, tested without the JavaFX toolkit. */
class WizardViewModelTest {
    private final SourceForm form = new SourceForm();
    private final WizardViewModel wizard = new WizardViewModel(form, Background.sameThread(), TestServices.temporary());

    private void fillRequiredFields() {
        form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        form.field(Field.SCHEMAS).set("marketing");
        form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
        form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.field(Field.SECRET).set("dose00000000000000000000000000000000");
    }

    @Test
    void reTestOfASourceWithoutAKeptSecretStopsOnCredentialsSaysWhyAndTestsOnNext() {
        var input = new dev.retlsetup.source.SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                "/sql/1.0/warehouses/abcdef0123456789", "443", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main",
                "marketing");
        var source = dev.retlsetup.store.SavedSource.of("Marketing", input, dev.retlsetup.store.SecretStorage.none());
        var credentials = (dev.retlsetup.ui.steps.CredentialsStepViewModel) wizard.step(WizardStep.CREDENTIALS);
        var test = (dev.retlsetup.ui.steps.TestStepViewModel) wizard.step(WizardStep.TEST);

        wizard.open(source, null, true);
        assertEquals(WizardStep.CREDENTIALS, wizard.current());
        assertTrue(credentials.secretRequestProperty().get().contains("is not kept"), credentials.secretRequestProperty().get());
        assertFalse(test.hasRunProperty().get());

        // An invalid host (reserved .invalid name) keeps the run short and offline: the point is that it runs.
        form.field(Field.HOST).set("nonexistent.invalid");
        form.field(Field.SECRET).set("dose00000000000000000000000000000000");
        wizard.forward(() -> { });
        assertEquals(WizardStep.TEST, wizard.current());
        assertTrue(test.hasRunProperty().get(), "the test ran as soon as the Test step was reached");
        assertEquals("", credentials.secretRequestProperty().get());
    }

    @Test
    void aSecretThatWasKeptButNotFoundIsSaidSo() {
        var input = new dev.retlsetup.source.SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                "/sql/1.0/warehouses/abcdef0123456789", "443", "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", "", "main",
                "marketing");
        var source = dev.retlsetup.store.SavedSource.of("Marketing", input, dev.retlsetup.store.SecretStorage.keychain("k1"));
        var credentials = (dev.retlsetup.ui.steps.CredentialsStepViewModel) wizard.step(WizardStep.CREDENTIALS);
        wizard.open(source, null, true);
        assertTrue(credentials.secretRequestProperty().get().contains("was not found where it was kept"),
                credentials.secretRequestProperty().get());
        wizard.startNew();
        assertEquals("", credentials.secretRequestProperty().get(), "a new source forgets the pending re-test");
    }

    @Test
    void startsOnWorkspaceWithBackDisabled() {
        assertEquals(WizardStep.WORKSPACE, wizard.current());
        assertFalse(wizard.canGoBackProperty().get());
        assertFalse(wizard.back());
    }

    @Test
    void nextIsDisabledUntilTheRequiredFieldIsFilled() {
        assertFalse(wizard.canGoNextProperty().get());
        assertFalse(wizard.next());
        form.field(Field.HOST).set("   ");
        assertFalse(wizard.canGoNextProperty().get(), "blank is not filled");
        form.field(Field.HOST).set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        assertTrue(wizard.canGoNextProperty().get());
    }

    @Test
    void eachStepRequiresItsOwnFieldsToBeValid() {
        form.field(Field.HOST).set("accounts.cloud.databricks.com");
        assertFalse(wizard.canGoNextProperty().get(), "the account console is not a workspace");
        form.field(Field.HOST).set("https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=123");
        assertTrue(wizard.next(), "a pasted browser address is fine: it is normalized");
        assertEquals(WizardStep.WAREHOUSE, wizard.current());
        assertFalse(wizard.canGoNextProperty().get(), "schemas are required; catalog is optional");
        form.field(Field.SCHEMAS).set("marketing");
        assertTrue(wizard.next());
        assertFalse(wizard.canGoNextProperty().get(), "HTTP path is required");
        form.field(Field.HTTP_PATH).set("sql/protocolv1/o/1234567890/0123-456789-abcdefgh");
        assertFalse(wizard.canGoNextProperty().get(), "a cluster path is rejected");
        form.field(Field.HTTP_PATH).set("/sql/1.0/warehouses/abcdef0123456789");
        form.field(Field.PORT).set("70000");
        assertFalse(wizard.canGoNextProperty().get(), "port out of range");
        form.field(Field.PORT).set("");
        assertTrue(wizard.canGoNextProperty().get(), "an empty port means 443");
        assertTrue(wizard.next());
        form.field(Field.CLIENT_ID).set("1234567890");
        form.field(Field.SECRET).set("dose00000000000000000000000000000000");
        assertFalse(wizard.canGoNextProperty().get(), "the numeric ID is not the application ID");
        form.field(Field.CLIENT_ID).set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.field(Field.SECRET).set("dapi0123456789abcdef0123456789abcdef");
        assertFalse(wizard.canGoNextProperty().get(), "a personal access token is refused");
        form.field(Field.SECRET).set("dose00000000000000000000000000000000");
        assertTrue(wizard.next());
        assertEquals(WizardStep.TEST, wizard.current());
    }

    @Test
    void walksForwardToTestAndBackKeepingValues() {
        fillRequiredFields();
        while (wizard.next()) {
            // walk to the end
        }
        assertEquals(WizardStep.TEST, wizard.current(), "the wizard stops at Test until a run passes");
        assertFalse(wizard.canGoNextProperty().get());
        while (wizard.back()) {
            // walk back to the start
        }
        assertEquals(WizardStep.WORKSPACE, wizard.current());
        assertEquals("marketing", form.field(Field.SCHEMAS).get());
        assertEquals("dose00000000000000000000000000000000", form.field(Field.SECRET).get());
    }

    @Test
    void stepStatesFollowTheCurrentStep() {
        fillRequiredFields();
        wizard.next();
        wizard.next();
        assertEquals(StepState.DONE, wizard.stateOf(WizardStep.WORKSPACE));
        assertEquals(StepState.CURRENT, wizard.stateOf(WizardStep.CONNECTION));
        assertEquals(StepState.UPCOMING, wizard.stateOf(WizardStep.ADD));
    }

    @Test
    void goToOnlyReturnsToEarlierSteps() {
        fillRequiredFields();
        wizard.next();
        wizard.next();
        assertFalse(wizard.goTo(WizardStep.TEST));
        assertTrue(wizard.goTo(WizardStep.WORKSPACE));
        assertEquals(WizardStep.WORKSPACE, wizard.current());
    }

    @Test
    void typedInputIsDetectedButTheDefaultPortIsNot() {
        assertFalse(form.hasTypedInput());
        form.field(Field.PORT).set(" 443 ");
        assertFalse(form.hasTypedInput());
        form.field(Field.PORT).set("8443");
        assertTrue(form.hasTypedInput());
        form.field(Field.PORT).set("443");
        form.field(Field.CATALOG).set("main");
        assertTrue(form.hasTypedInput());
    }

    @Test
    void stepListJumpsForwardToAStepReachedBeforeWhileNothingChanged() {
        fillRequiredFields();
        wizard.next();
        wizard.next();
        wizard.next();
        assertEquals(WizardStep.CREDENTIALS, wizard.current());
        assertTrue(wizard.goTo(WizardStep.WAREHOUSE));
        assertEquals(StepState.DONE, wizard.stateOf(WizardStep.CREDENTIALS), "reached before: shown as done");
        assertTrue(wizard.goTo(WizardStep.CREDENTIALS), "forward again without Next, Next");
        assertEquals(WizardStep.CREDENTIALS, wizard.current());
        assertFalse(wizard.goTo(WizardStep.TEST), "never reached");
    }

    @Test
    void anEditClosesTheWayForwardFromWhereItWasMade() {
        fillRequiredFields();
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.goTo(WizardStep.WAREHOUSE);
        form.field(Field.SCHEMAS).set("marketing, sales");
        assertFalse(wizard.canJumpTo(WizardStep.CONNECTION), "the pages after an edit are walked with Next again");
        assertEquals(StepState.UPCOMING, wizard.stateOf(WizardStep.CREDENTIALS));
        assertTrue(wizard.goTo(WizardStep.WORKSPACE), "back is always open");
    }
}
