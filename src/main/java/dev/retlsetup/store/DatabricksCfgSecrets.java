package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import dev.retlsetup.source.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the secret as {@code client_secret} in a profile of {@code ~/.databrickscfg} ({@code DATABRICKS_CONFIG_FILE}
 * when set), the file the Databricks CLI and SDKs read, so the profile also works there. The profile gets
 * {@code host}, {@code client_id}, {@code client_secret}, {@code warehouse_id} (or {@code http_path} for a path that
 * is not a SQL warehouse) and {@code auth_type = oauth-m2m}; the rest of the file is untouched
 * ({@link DatabricksConfigWriter}). Plain text, owner-only: only with the user's consent.
 */
public final class DatabricksCfgSecrets implements SecretVault {
    private final Path file;

    public DatabricksCfgSecrets(Map<String, String> env, Path home) {
        this(DatabricksConfigFile.locate(env, home));
    }

    public DatabricksCfgSecrets(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public SecretStorage.Kind kind() {
        return SecretStorage.Kind.DATABRICKSCFG;
    }

    @Override
    public VaultStatus status() {
        if (Files.exists(file)) {
            try {
                DatabricksConfigFile.read(file);
            } catch (ConfigFileException e) {
                return new VaultStatus(kind(), false, Messages.STORE.text("databrickscfg.broken", e.getMessage()));
            }
        }
        return new VaultStatus(kind(), true, Messages.STORE.text("databrickscfg.available", file));
    }

    /** The profile's {@code client_secret}; empty when the file or the profile does not exist or has none. */
    @Override
    public Optional<String> read(SecretStorage storage) throws StoreException {
        String profile = profile(storage);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return DatabricksConfigFile.read(file).find(profile)
                    .map(DatabricksConfigFile.Profile::clientSecret)
                    .filter(s -> !s.isBlank());
        } catch (ConfigFileException e) {
            throw new StoreException(e.getMessage(), file, e);
        }
    }

    @Override
    public void write(SecretStorage storage, SourceSettings settings, boolean userConsented) throws StoreException {
        String profile = profile(storage);
        if (!userConsented) {
            throw new StoreException(Messages.STORE.text("databrickscfg.noConsent", file),
                    file);
        }
        DatabricksConfigWriter.write(file, profile, profileValues(settings));
    }

    /** Does nothing: the profile may be used by other tools, so deleting a saved source leaves it alone. */
    @Override
    public void delete(SecretStorage storage) {
        // Intentionally empty.
    }

    /** The keys written for {@code settings}, in file order; {@code null} removes a stale key. */
    static Map<String, String> profileValues(SourceSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        if (settings.host() != null) {
            boolean defaultPort = settings.port() == 0 || settings.port() == SourceSettings.DEFAULT_PORT;
            values.put("host", "https://" + settings.host() + (defaultPort ? "" : ":" + settings.port()));
        }
        if (settings.clientId() != null) {
            values.put("client_id", settings.clientId());
        }
        if (settings.secret() != null && !settings.secret().isBlank()) {
            values.put("client_secret", settings.secret());
        }
        if (settings.httpPath() != null) {
            String warehouse = settings.warehouseId();
            if (warehouse != null) {
                values.put("warehouse_id", warehouse);
                values.put("http_path", null);
            } else {
                values.put("http_path", settings.httpPath());
                values.put("warehouse_id", null);
            }
        }
        values.put("auth_type", "oauth-m2m");
        return values;
    }

    private static String profile(SecretStorage storage) {
        if (storage.kind() != SecretStorage.Kind.DATABRICKSCFG) {
            throw new IllegalArgumentException("not a ~/.databrickscfg profile: " + storage.kind());
        }
        return storage.profile();
    }
}
