package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Navigation rules, tested without the JavaFX toolkit. */
class WizardViewModelTest {
    private final SourceForm form = new SourceForm();
    private final WizardViewModel wizard = new WizardViewModel(form);

    private void fillRequiredFields() {
        form.hostProperty().set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        form.schemasProperty().set("marketing");
        form.httpPathProperty().set("/sql/1.0/warehouses/abcdef0123456789");
        form.clientIdProperty().set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.secretProperty().set("dose00000000000000000000000000000000");
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
        form.hostProperty().set("   ");
        assertFalse(wizard.canGoNextProperty().get(), "blank is not filled");
        form.hostProperty().set("dbc-a1b2c3d4-e5f6.cloud.databricks.com");
        assertTrue(wizard.canGoNextProperty().get());
    }

    @Test
    void eachStepRequiresItsOwnFieldsToBeValid() {
        form.hostProperty().set("accounts.cloud.databricks.com");
        assertFalse(wizard.canGoNextProperty().get(), "the account console is not a workspace");
        form.hostProperty().set("https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/?o=123");
        assertTrue(wizard.next(), "a pasted browser address is fine: it is normalized");
        assertEquals(WizardStep.WAREHOUSE, wizard.current());
        assertFalse(wizard.canGoNextProperty().get(), "schemas are required; catalog is optional");
        form.schemasProperty().set("marketing");
        assertTrue(wizard.next());
        assertFalse(wizard.canGoNextProperty().get(), "HTTP path is required");
        form.httpPathProperty().set("sql/protocolv1/o/1234567890/0123-456789-abcdefgh");
        assertFalse(wizard.canGoNextProperty().get(), "a cluster path is rejected");
        form.httpPathProperty().set("/sql/1.0/warehouses/abcdef0123456789");
        form.portProperty().set("70000");
        assertFalse(wizard.canGoNextProperty().get(), "port out of range");
        form.portProperty().set("");
        assertTrue(wizard.canGoNextProperty().get(), "an empty port means 443");
        assertTrue(wizard.next());
        form.clientIdProperty().set("1234567890");
        form.secretProperty().set("dose00000000000000000000000000000000");
        assertFalse(wizard.canGoNextProperty().get(), "the numeric ID is not the application ID");
        form.clientIdProperty().set("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        form.secretProperty().set("dapi0123456789abcdef0123456789abcdef");
        assertFalse(wizard.canGoNextProperty().get(), "a personal access token is refused");
        form.secretProperty().set("dose00000000000000000000000000000000");
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
        assertEquals("marketing", form.schemasProperty().get());
        assertEquals("dose00000000000000000000000000000000", form.secretProperty().get());
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
        form.portProperty().set(" 443 ");
        assertFalse(form.hasTypedInput());
        form.portProperty().set("8443");
        assertTrue(form.hasTypedInput());
        form.portProperty().set("443");
        form.catalogProperty().set("main");
        assertTrue(form.hasTypedInput());
    }
}
