package dev.retlsetup.store;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its files (saved sources, the draft):
 * <ul>
 * <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/retl-setup}, else {@code ~/.config/retl-setup}</li>
 * <li>macOS: {@code ~/Library/Application Support/retl-setup}</li>
 * <li>Windows: {@code %APPDATA%\retl-setup}, else {@code ~\AppData\Roaming\retl-setup}</li>
 * </ul>
 * Overrides, first wins: the system property {@code retl.config.dir}, the environment variable
 * {@code RETL_SETUP_CONFIG_DIR} (both used as the directory itself; a leading {@code ~} is the home directory).
 */
public final class ConfigDirectory {
    public static final String APP_DIR = "retl-setup";
    public static final String PROPERTY = "retl.config.dir";
    public static final String ENV = "RETL_SETUP_CONFIG_DIR";

    private ConfigDirectory() {
    }

    /** The directory for this process: system property, real environment, {@code user.home}, {@code os.name}. */
    public static Path current() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.home", ".")),
                System.getProperty("os.name", ""));
    }

    /** {@link #resolve(String, Map, Path, String)} with the {@code retl.config.dir} system property. */
    public static Path resolve(Map<String, String> env, Path home, String osName) {
        return resolve(System.getProperty(PROPERTY), env, home, osName);
    }

    /**
     * The directory from injected values (tests pass their own).
     *
     * @param propertyOverride the value of {@code retl.config.dir}, or {@code null}
     * @param env              environment variables ({@code null} = none)
     * @param home             the user's home directory
     * @param osName           as {@code os.name}: "Linux", "Mac OS X", "Windows 11", ...
     */
    public static Path resolve(String propertyOverride, Map<String, String> env, Path home, String osName) {
        Map<String, String> e = env == null ? Map.of() : env;
        Path override = path(propertyOverride, home);
        if (override == null) {
            override = path(e.get(ENV), home);
        }
        if (override != null) {
            return override;
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = absolute(e.get("APPDATA"));
            return (appData != null ? appData : home.resolve("AppData").resolve("Roaming")).resolve(APP_DIR);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_DIR);
        }
        // The XDG spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path xdg = absolute(e.get("XDG_CONFIG_HOME"));
        return (xdg != null ? xdg : home.resolve(".config")).resolve(APP_DIR);
    }

    private static Path path(String value, Path home) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.equals("~")) {
                return home;
            }
            if (v.startsWith("~/") || v.startsWith("~\\")) {
                return home.resolve(v.substring(2));
            }
            return Path.of(v).toAbsolutePath();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(value.strip());
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
