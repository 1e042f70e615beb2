package dev.retlsetup.testing;

import dev.retlsetup.store.CredentialStore;
import java.util.HashMap;
import java.util.Map;

/** An in-memory OS credential store: entries keyed by account (the service is always the app's). */
public final class MemoryCredentialStore implements CredentialStore {
    public final Map<String, String> entries = new HashMap<>();

    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public String get(String service, String account) {
        return entries.get(account);
    }

    @Override
    public void set(String service, String account, String secret) {
        entries.put(account, secret);
    }

    @Override
    public void delete(String service, String account) {
        entries.remove(account);
    }
}
