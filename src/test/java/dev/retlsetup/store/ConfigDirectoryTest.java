package dev.retlsetup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {
    static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgConfigHomeElseDotConfig() {
        assertEquals(Path.of("/xdg/retl-setup"),
                ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), HOME, "Linux"));
        assertEquals(HOME.resolve(".config/retl-setup"), ConfigDirectory.resolve(null, Map.of(), HOME, "Linux"));
        // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
        assertEquals(HOME.resolve(".config/retl-setup"),
                ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "rel"), HOME, "Linux"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(HOME.resolve("Library/Application Support/retl-setup"),
                ConfigDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/xdg"), HOME, "Mac OS X"));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("/appdata/roaming/retl-setup"),
                ConfigDirectory.resolve(null, Map.of("APPDATA", "/appdata/roaming"), HOME, "Windows 11"));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("retl-setup"),
                ConfigDirectory.resolve(null, Map.of(), HOME, "Windows 10"));
    }

    @Test
    void propertyBeatsEnvironmentOverrideBeatsPlatform() {
        Map<String, String> env = Map.of(ConfigDirectory.ENV, "/env/dir", "XDG_CONFIG_HOME", "/xdg");
        assertEquals(Path.of("/prop/dir"), ConfigDirectory.resolve("/prop/dir", env, HOME, "Linux"));
        assertEquals(Path.of("/env/dir"), ConfigDirectory.resolve(null, env, HOME, "Linux"));
        assertEquals(Path.of("/env/dir"), ConfigDirectory.resolve("  ", env, HOME, "Windows 11"));
        assertEquals(HOME.resolve("cfg"), ConfigDirectory.resolve("~/cfg", env, HOME, "Linux"));
    }
}
