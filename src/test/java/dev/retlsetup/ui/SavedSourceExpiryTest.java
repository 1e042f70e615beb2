package dev.retlsetup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.source.SourceInput;
import dev.retlsetup.store.SavedSource;
import dev.retlsetup.store.SecretStorage;
import org.junit.jupiter.api.Test;

/** The start page's expiry line per saved source, read as the start page reads it (no toolkit, same thread). */
class SavedSourceExpiryTest {
    private static final SourceInput DEMO_INPUT = new SourceInput("127.0.0.1", "/sql/1.0/warehouses/8f3c2a91d4e07b56",
            "443", "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "", "main", "main.marketing");

    private static StartPageViewModel startPageWith(SavedSource... sources) throws Exception {
        AppServices services = TestServices.temporary();
        for (SavedSource source : sources) {
            services.sources().create(source);
        }
        Background background = Background.sameThread();
        StartPageViewModel start = new StartPageViewModel(services, background, null);
        start.refresh();
        background.runDelayed();
        return start;
    }

    @Test
    void demoSourceWithAnExpiringSecretWarnsOnItsCardAndReadyDoesNot() throws Exception {
        StartPageViewModel start = startPageWith(
                SavedSource.of("Expiring", DEMO_INPUT, SecretStorage.none()).withDemoScenario("secret-expiring"),
                SavedSource.of("Ready", DEMO_INPUT, SecretStorage.none()).withDemoScenario("ready"));
        SavedSourceExpiry.Line expiring = start.expiry().lines().get("Expiring");
        assertTrue(expiring.warn(), expiring.text());
        assertTrue(expiring.text().matches(".*expires in (9|10) days.*"), expiring.text());
        SavedSourceExpiry.Line ready = start.expiry().lines().get("Ready");
        assertFalse(ready.warn(), ready.text());
        assertTrue(ready.text().startsWith("No expiry is known"), ready.text());
    }

    @Test
    void demoSourcesWaitForTheWindowBeforeTheirDemoStarts() throws Exception {
        AppServices services = TestServices.temporary();
        services.sources().create(SavedSource.of("Expiring", DEMO_INPUT, SecretStorage.none())
                .withDemoScenario("secret-expiring"));
        Background background = Background.sameThread();
        StartPageViewModel start = new StartPageViewModel(services, background, null);
        start.refresh();
        assertTrue(start.expiry().lines().isEmpty(), "no demo started while the page is being shown");
        background.runDelayed();
        assertTrue(start.expiry().lines().get("Expiring").warn());
    }

    @Test
    void sourceWithoutAKeptSecretSaysNoExpiryIsKnownAndWhy() throws Exception {
        SourceInput real = new SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com", "/sql/1.0/warehouses/abc123",
                "443", "5e1d0a42-7c3b-4f6e-9a8d-2b71c4e9f036", "", "main", "main.marketing");
        StartPageViewModel start = startPageWith(SavedSource.of("Production", real, SecretStorage.none()));
        SavedSourceExpiry.Line line = start.expiry().lines().get("Production");
        assertFalse(line.warn());
        assertEquals(dev.retlsetup.i18n.Messages.UI.text("expiry.unread", real.clientId(),
                dev.retlsetup.i18n.Messages.UI.text("start.expiry.noSecret")), line.text());
    }
}
