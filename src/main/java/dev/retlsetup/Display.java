package dev.retlsetup;

import java.util.Locale;
import java.util.Map;

/**
 * Whether a window can open at all. On Linux and the BSDs a window needs an X11 or Wayland display
 * ({@code DISPLAY} / {@code WAYLAND_DISPLAY}); macOS and Windows always have one. JavaFX's headless platform
 * (Monocle, used by the UI tests) needs none.
 */
final class Display {
    private Display() {
    }

    static boolean available(Map<String, String> env, String osName, String glassPlatform) {
        if ("monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return !blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
