package dev.retlsetup.cli;

import dev.retlsetup.store.ConfigDirectory;
import dev.retlsetup.store.JavaKeyringStore;
import dev.retlsetup.store.SecretVaults;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: streams, environment and secret stores, injectable in tests.
 *
 * @param vaults the secret stores, or {@code null} for the real ones ({@link #secrets()})
 */
public record CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
        SecretVaults vaults) {

    public CliContext(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        this(out, err, in, env, null);
    }

    /** The secret stores: {@link #vaults()}, else the real ones for this environment and home directory. */
    public SecretVaults secrets() {
        return vaults != null ? vaults : new SecretVaults(env, home(), new JavaKeyringStore());
    }

    /**
     * The app's config directory (saved sources): {@code retl.config.dir}, {@code RETL_SETUP_CONFIG_DIR}, else the
     * platform's, from {@link #env()} and {@link #home()}.
     */
    public Path configDirectory() {
        return ConfigDirectory.resolve(env, home(), System.getProperty("os.name", ""));
    }
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The user's home directory as the Databricks CLI resolves it ({@code HOME}, or {@code USERPROFILE} on
     * Windows, from {@link #env()}; else {@code user.home}). Tests point it elsewhere through the env map.
     */
    public Path home() {
        return dev.retlsetup.source.DatabricksConfigFile.userHome(env, Path.of(System.getProperty("user.home", ".")));
    }
}
