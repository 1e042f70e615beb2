package dev.retlsetup.store;

import static dev.retlsetup.store.StoreTestSupport.SECRET;
import static dev.retlsetup.store.StoreTestSupport.input;
import static dev.retlsetup.store.StoreTestSupport.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultsTest {
    @TempDir
    Path home;

    @Test
    void theRealOsCredentialStoreAnswersQuicklyAndFailsGracefully() throws Exception {
        long start = System.nanoTime();
        KeyringVault vault = KeyringVault.system();
        VaultStatus status = vault.status();
        assertTrue(System.nanoTime() - start < JavaKeyringStore.OPEN_TIMEOUT.toNanos() + 5_000_000_000L);
        if (!status.available()) {
            // On a headless Linux without D-Bus/Secret Service (this build's CI): a message for the UI.
            assertTrue(status.message().startsWith("No OS credential store is available on this computer ("),
                    status.message());
            assertTrue(status.message().endsWith("); choose ~/.databrickscfg or don’t store the secret."));
            StoreException e = assertThrows(StoreException.class,
                    () -> vault.read(SecretStorage.keychain("retl-setup-test")));
            assertEquals(status.message(), e.getMessage());
            assertThrows(StoreException.class,
                    () -> vault.write(SecretStorage.keychain("retl-setup-test"), settings(), true));
        }
    }

    @Test
    void keychainVaultStoresReadsAndDeletesByEntryReference() throws Exception {
        StoreTestSupport.MemoryCredentials os = new StoreTestSupport.MemoryCredentials();
        SecretVaults vaults = new SecretVaults(Map.of(), home, os);
        SecretStorage entry = SecretStorage.keychain();
        StoreException refused = assertThrows(StoreException.class,
                () -> vaults.keychain().write(entry, settings(), false));
        assertTrue(refused.getMessage().contains("did not agree"));
        assertTrue(os.entries.isEmpty());

        vaults.keychain().write(entry, settings(), true);
        assertEquals(Map.of("retl-setup/" + entry.reference(), SECRET), os.entries);
        SavedSource source = SavedSource.of("prod", input(), entry);
        assertEquals(Optional.of(SECRET), vaults.secretFor(source));

        SecretStorage copy = SecretStorage.keychain();
        vaults.copy(entry, copy);
        assertEquals(Optional.of(SECRET), vaults.keychain().read(copy));

        vaults.keychain().delete(entry);
        assertEquals(Optional.empty(), vaults.keychain().read(entry));
        assertEquals(Optional.of(SECRET), vaults.keychain().read(copy));
    }

    @Test
    void availabilityListsEveryStoreAndExplainsAMissingOne() {
        StoreTestSupport.MemoryCredentials os = new StoreTestSupport.MemoryCredentials();
        os.unavailable = "no Secret Service, such as GNOME Keyring or KWallet, is running";
        List<VaultStatus> statuses = new SecretVaults(Map.of(), home, os).available();
        assertEquals(List.of(SecretStorage.Kind.KEYCHAIN, SecretStorage.Kind.DATABRICKSCFG, SecretStorage.Kind.NONE),
                statuses.stream().map(VaultStatus::kind).toList());
        assertFalse(statuses.get(0).available());
        assertEquals("No OS credential store is available on this computer (no Secret Service, such as GNOME "
                + "Keyring or KWallet, is running); choose ~/.databrickscfg or don’t store the secret.",
                statuses.get(0).message());
        assertTrue(statuses.get(1).available());
        assertTrue(statuses.get(2).available());
    }

    @Test
    void secretForFallsBackToTheEnvironment() throws Exception {
        SecretVaults vaults = new SecretVaults(Map.of("DATABRICKS_CLIENT_SECRET", " env-secret "), home,
                new StoreTestSupport.MemoryCredentials());
        assertEquals(Optional.of("env-secret"), vaults.secretFor(SavedSource.of("a", input(), SecretStorage.none())));
        assertEquals(Optional.of("env-secret"),
                vaults.secretFor(SavedSource.of("a", input(), SecretStorage.keychain("missing"))));
        assertEquals(Optional.of("env-secret"),
                vaults.secretFor(SavedSource.of("a", input(), SecretStorage.databricksCfg("missing"))));
        vaults.vault(SecretStorage.Kind.NONE).write(SecretStorage.none(), settings(), true);
        assertEquals(List.of(), StoreTestSupport.files(home));
    }
}
