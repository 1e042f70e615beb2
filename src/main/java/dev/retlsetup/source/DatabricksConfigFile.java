package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code ~/.databrickscfg}, the INI file of the Databricks CLI and SDKs: {@code [profile]} sections of
 * {@code key = value} lines ({@code key: value} also accepted), {@code #} and {@code ;} comment lines, and
 * {@code [DEFAULT]} as the profile used when none is named.
 *
 * <p>Choices, where INI readers differ: keys are case-insensitive, profile names are not; a setting
 * before any section, a line without {@code =}, a profile or a key given twice are errors (with the
 * line number), not guesses; a comment after a value must be preceded by a space ({@code host = x  # prod});
 * {@code [DEFAULT]} values are not inherited by other profiles.
 *
 * <p>Every line is kept, in order, with its original text ({@link #lines()}), so that a writer can later
 * change one value and leave comments and layout alone.
 */
public final class DatabricksConfigFile {
    public static final String DEFAULT_PROFILE = "DEFAULT";
    public static final String FILE_NAME = ".databrickscfg";

    /** What a line of the file is. */
    public enum Kind { BLANK, COMMENT, SECTION, SETTING }

    /**
     * One line of the file as written.
     *
     * @param number  1-based
     * @param kind    what the line is
     * @param text    the line exactly as in the file, without its line break
     * @param section the profile this line belongs to ({@code null} before the first section)
     * @param key     the lower-case key of a SETTING, the name of a SECTION, else {@code null}
     * @param value   the value of a SETTING (trimmed, trailing comment removed), else {@code null}
     */
    public record Line(int number, Kind kind, String text, String section, String key, String value) {
        @Override
        public String toString() {
            // Values can be secrets.
            return "Line[" + number + ", " + kind + (key == null ? "" : ", " + key) + "]";
        }
    }

    /**
     * One profile. {@link #toString()} never shows the secret or the token.
     *
     * @param values every key (lower case) of the profile and its value, in file order
     */
    public record Profile(String name, String host, String clientId, String clientSecret, String warehouseId,
            String authType, String token, Map<String, String> values) {

        public Profile {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        static Profile of(String name, Map<String, String> values) {
            return new Profile(name, values.get("host"), values.get("client_id"), values.get("client_secret"),
                    values.get("warehouse_id"), values.get("auth_type"), values.get("token"), values);
        }

        /** True when the profile holds only a personal access token, no OAuth client secret. */
        public boolean hasOnlyToken() {
            return isBlank(clientSecret) && !isBlank(token);
        }

        /**
         * The form's values from this profile. The secret is {@code client_secret}, or, when the profile only
         * has a {@code token}, that token (so the validator can explain that a token no longer works). The
         * HTTP path comes from {@code warehouse_id}, or from an {@code http_path} key if present.
         */
        public SourceInput toSourceInput() {
            String httpPath = values.get("http_path");
            if (isBlank(httpPath) && !isBlank(warehouseId)) {
                httpPath = EnvironmentDefaults.warehousePath(warehouseId);
            }
            String secret = !isBlank(clientSecret) ? clientSecret : token;
            return new SourceInput(host, httpPath, "", clientId, secret, "", "");
        }

        /** {@link #toSourceInput()} with each value marked as coming from {@code profile [name]}. */
        public Prefill toPrefill() {
            return Prefill.of(toSourceInput(), "profile [" + name + "]");
        }

        @Override
        public String toString() {
            return "Profile[" + name + ", host=" + host + ", clientId=" + clientId + ", clientSecret="
                    + SourceSettings.mask(clientSecret) + ", warehouseId=" + warehouseId + ", authType=" + authType
                    + ", token=" + SourceSettings.mask(token) + "]";
        }
    }

    private final Path path;
    private final String label;
    private final List<Line> lines;
    private final Map<String, Profile> profiles;

    private DatabricksConfigFile(Path path, String label, List<Line> lines, Map<String, Profile> profiles) {
        this.path = path;
        this.label = label;
        this.lines = List.copyOf(lines);
        this.profiles = Collections.unmodifiableMap(profiles);
    }

    /**
     * Where the file is, found the way the Databricks CLI and SDKs find it: {@code DATABRICKS_CONFIG_FILE} when
     * set (a leading {@code ~} is the home directory), else {@code .databrickscfg} in the user's home
     * ({@link #userHome}). {@code jvmHome} is the JVM's {@code user.home}, used only when the environment names no home.
     */
    public static Path locate(Map<String, String> env, Path jvmHome) {
        return locate(env, jvmHome, isWindows());
    }

    static Path locate(Map<String, String> env, Path jvmHome, boolean windows) {
        Path home = userHome(env, jvmHome, windows);
        String override = env == null ? null : env.get(EnvironmentDefaults.CONFIG_FILE);
        if (override != null && !override.isBlank()) {
            String o = override.strip();
            try {
                if (o.equals("~")) {
                    return home;
                }
                if (o.startsWith("~/") || o.startsWith("~\\")) {
                    return home.resolve(o.substring(2));
                }
                return Path.of(o);
            } catch (InvalidPathException e) {
                // fall through to the default location
            }
        }
        return home.resolve(FILE_NAME);
    }

    /**
     * The home directory {@code ~} means, as the Databricks CLI resolves it: {@code %USERPROFILE%} on Windows,
     * {@code $HOME} elsewhere, then the JVM's {@code user.home} (which ignores a changed {@code HOME}).
     */
    public static Path userHome(Map<String, String> env, Path jvmHome) {
        return userHome(env, jvmHome, isWindows());
    }

    static Path userHome(Map<String, String> env, Path jvmHome, boolean windows) {
        String value = env == null ? null : env.get(windows ? "USERPROFILE" : "HOME");
        if (value != null && !value.isBlank()) {
            try {
                return Path.of(value.strip());
            } catch (InvalidPathException e) {
                // an unusable value: the JVM's home below
            }
        }
        return jvmHome;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** Reads and parses {@code file}. */
    public static DatabricksConfigFile read(Path file) throws ConfigFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(Messages.SOURCE.text("config.missing", file), file, 0);
        } catch (MalformedInputException e) {
            throw new ConfigFileException(Messages.SOURCE.text("config.notText", file), file, 0);
        } catch (IOException | SecurityException e) {
            throw new ConfigFileException(Messages.SOURCE.text("config.unreadable", file, String.valueOf(e.getMessage())),
                    file, 0);
        }
        return parse(text, file);
    }

    /** Parses the text of a config file; {@code file} (may be {@code null}) is only used in messages. */
    public static DatabricksConfigFile parse(String text, Path file) throws ConfigFileException {
        String label = file == null ? FILE_NAME : file.toString();
        String t = text == null ? "" : text;
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        String section = null;
        String[] rawLines = t.split("\r\n|\r|\n", -1);
        int count = rawLines.length;
        if (count > 0 && rawLines[count - 1].isEmpty()) {
            count--; // the final line break does not start a line
        }
        for (int i = 0; i < count; i++) {
            int number = i + 1;
            String raw = rawLines[i];
            String s = raw.strip();
            if (s.isEmpty()) {
                lines.add(new Line(number, Kind.BLANK, raw, section, null, null));
            } else if (s.startsWith("#") || s.startsWith(";")) {
                lines.add(new Line(number, Kind.COMMENT, raw, section, null, null));
            } else if (s.startsWith("[")) {
                String inner = s.endsWith("]") ? s.substring(1, s.length() - 1).strip() : null;
                if (inner == null) {
                    throw error(file, label, number, "config.unclosedSection");
                }
                if (inner.isEmpty()) {
                    throw error(file, label, number, "config.emptySection");
                }
                if (sections.containsKey(inner)) {
                    throw error(file, label, number, "config.duplicateSection", inner, sectionLines.get(inner));
                }
                section = inner;
                sections.put(section, new LinkedHashMap<>());
                sectionLines.put(section, number);
                lines.add(new Line(number, Kind.SECTION, raw, section, section, null));
            } else {
                int eq = s.indexOf('=');
                int colon = s.indexOf(':');
                int d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
                if (d < 0) {
                    throw error(file, label, number, "config.noEquals");
                }
                String key = s.substring(0, d).strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw error(file, label, number, "config.noKey");
                }
                if (section == null) {
                    throw error(file, label, number, "config.outsideSection");
                }
                String value = stripComment(s.substring(d + 1)).strip();
                Map<String, String> values = sections.get(section);
                String where = section + "\u0000" + key;
                if (values.containsKey(key)) {
                    throw error(file, label, number, "config.duplicateKey", key, section, keyLines.get(where));
                }
                values.put(key, value);
                keyLines.put(where, number);
                lines.add(new Line(number, Kind.SETTING, raw, section, key, value));
            }
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        sections.forEach((name, values) -> profiles.put(name, Profile.of(name, values)));
        return new DatabricksConfigFile(file, label, lines, profiles);
    }

    private static String stripComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    private static ConfigFileException error(Path file, String label, int line, String key, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = label;
        all[1] = String.valueOf(line);
        for (int i = 0; i < args.length; i++) {
            all[i + 2] = args[i] instanceof Integer n ? String.valueOf(n) : args[i];
        }
        return new ConfigFileException(Messages.SOURCE.text(key, all), file, line);
    }

    /** The file read, or {@code null} when parsed from text. */
    public Path path() {
        return path;
    }

    /** Profile names in file order. */
    public List<String> profileNames() {
        return List.copyOf(profiles.keySet());
    }

    public List<Profile> profiles() {
        return List.copyOf(profiles.values());
    }

    /** Every line of the file, in order. */
    public List<Line> lines() {
        return lines;
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(profiles.get(name == null || name.isBlank() ? DEFAULT_PROFILE : name.strip()));
    }

    /**
     * The profile {@code name} ({@code [DEFAULT]} when {@code null} or blank).
     *
     * @throws ConfigFileException naming the profile, the file and the profiles it has
     */
    public Profile profile(String name) throws ConfigFileException {
        Optional<Profile> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String wanted = name == null || name.isBlank() ? DEFAULT_PROFILE : name.strip();
        if (profiles.isEmpty()) {
            throw new ConfigFileException(Messages.SOURCE.text("config.noProfiles", wanted, label), path, 0);
        }
        throw new ConfigFileException(Messages.SOURCE.text("config.unknownProfile", wanted, label,
                String.join(", ", profiles.keySet())), path, 0);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "DatabricksConfigFile[" + label + ", profiles=" + profiles.keySet() + "]";
    }
}
