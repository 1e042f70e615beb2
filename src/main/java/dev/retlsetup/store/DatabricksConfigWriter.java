package dev.retlsetup.store;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.ConfigFileException;
import dev.retlsetup.source.DatabricksConfigFile;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Edits one profile of a {@code ~/.databrickscfg} and leaves everything else byte for byte as it was: other
 * profiles, comments, blank lines, key order, line endings, a byte-order mark. Inside the edited profile, keys
 * that are set keep their place (and a trailing comment), new keys go after the profile's last setting, and
 * comments stay. A missing profile is appended at the end. The result is parsed again before it is written, so
 * an edit that would not read back as intended is refused.
 */
public final class DatabricksConfigWriter {
    private DatabricksConfigWriter() {
    }

    /** One line of the original text with its own line ending ("" for a last line without one). */
    private record RawLine(String text, String eol) {
    }

    /**
     * The text of {@code original} with profile {@code profile} holding {@code values}.
     *
     * @param original the file's text; {@code null} or "" for a new file
     * @param values   keys (lower case) to set, in the order new keys are added; a {@code null} value removes the
     *                 key from the profile
     * @throws ConfigFileException      when {@code original} cannot be parsed (nothing should be written then)
     * @throws IllegalArgumentException when the profile name or a value cannot be written to the file
     */
    public static String withProfile(String original, String profile, Map<String, String> values)
            throws ConfigFileException {
        String name = checkProfileName(profile);
        Map<String, String> wanted = new LinkedHashMap<>();
        values.forEach((key, value) -> wanted.put(checkKey(key), value == null ? null : checkValue(key, value)));

        String text = original == null ? "" : original;
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String body = text.substring(bom.length());
        DatabricksConfigFile parsed = DatabricksConfigFile.parse(body, null);
        List<RawLine> raw = split(body);
        List<DatabricksConfigFile.Line> lines = parsed.lines();
        if (raw.size() != lines.size()) {
            throw new IllegalStateException("line count mismatch: " + raw.size() + " / " + lines.size());
        }
        String eol = raw.stream().map(RawLine::eol).filter(e -> !e.isEmpty()).findFirst()
                .orElse(System.lineSeparator());

        int section = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() == DatabricksConfigFile.Kind.SECTION && lines.get(i).key().equals(name)) {
                section = i;
                break;
            }
        }
        List<RawLine> out = new ArrayList<>();
        if (section < 0) {
            out.addAll(raw);
            if (!out.isEmpty()) {
                RawLine last = out.get(out.size() - 1);
                if (last.eol().isEmpty()) {
                    out.set(out.size() - 1, new RawLine(last.text(), eol));
                }
                if (!last.text().isBlank()) {
                    out.add(new RawLine("", eol));
                }
            }
            out.add(new RawLine("[" + name + "]", eol));
            wanted.forEach((key, value) -> {
                if (value != null) {
                    out.add(new RawLine(key + " = " + value, eol));
                }
            });
        } else {
            int end = section + 1;
            while (end < lines.size() && lines.get(end).kind() != DatabricksConfigFile.Kind.SECTION) {
                end++;
            }
            int lastSetting = section;
            for (int i = section + 1; i < end; i++) {
                if (lines.get(i).kind() == DatabricksConfigFile.Kind.SETTING) {
                    lastSetting = i;
                }
            }
            Map<String, String> missing = new LinkedHashMap<>(wanted);
            for (int i = 0; i < raw.size(); i++) {
                DatabricksConfigFile.Line line = lines.get(i);
                RawLine r = raw.get(i);
                boolean inSection = i > section && i < end;
                if (inSection && line.kind() == DatabricksConfigFile.Kind.SETTING && wanted.containsKey(line.key())) {
                    missing.remove(line.key());
                    String value = wanted.get(line.key());
                    if (value != null) {
                        out.add(new RawLine(replaceValue(r.text(), value), r.eol()));
                    }
                } else {
                    out.add(r);
                }
                if (i == lastSetting) {
                    if (r.eol().isEmpty() && missing.values().stream().anyMatch(Objects::nonNull)) {
                        RawLine last = out.remove(out.size() - 1);
                        out.add(new RawLine(last.text(), eol));
                    }
                    boolean lastLineHadEol = !r.eol().isEmpty();
                    List<String> added = new ArrayList<>();
                    missing.forEach((key, value) -> {
                        if (value != null) {
                            added.add(key + " = " + value);
                        }
                    });
                    for (int k = 0; k < added.size(); k++) {
                        boolean veryLast = i == raw.size() - 1 && k == added.size() - 1 && !lastLineHadEol;
                        out.add(new RawLine(added.get(k), veryLast ? "" : eol));
                    }
                }
            }
        }
        StringBuilder result = new StringBuilder(bom);
        out.forEach(r -> result.append(r.text()).append(r.eol()));
        String written = result.toString();
        verify(written, name, wanted);
        return written;
    }

    /**
     * Sets {@code values} in profile {@code profile} of {@code file}, atomically. A new file is owner-only
     * ({@code rw-------}); an existing one keeps its permissions, less any for group and others (it now holds a
     * secret). A symbolic link is followed, so a dotfiles link keeps working.
     *
     * @throws StoreException when the file cannot be parsed (nothing is changed; the message names the line), read
     *                        or written
     */
    public static void write(Path file, String profile, Map<String, String> values) throws StoreException {
        Path target = file;
        String original = null;
        Set<PosixFilePermission> permissions = AtomicWriter.OWNER_FILE;
        try {
            if (Files.exists(file)) {
                target = file.toRealPath();
                original = Files.readString(target, StandardCharsets.UTF_8);
                if (AtomicWriter.posix(target)) {
                    Set<PosixFilePermission> existing =
                            EnumSet.copyOf(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
                    existing.retainAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE));
                    existing.add(PosixFilePermission.OWNER_READ);
                    existing.add(PosixFilePermission.OWNER_WRITE);
                    permissions = existing;
                }
            }
        } catch (MalformedInputException e) {
            throw new StoreException(Messages.STORE.text("databrickscfg.notText", file), file, e);
        } catch (IOException | SecurityException e) {
            throw new StoreException(Messages.STORE.text("databrickscfg.unreadable", file,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), file, e);
        }
        String text;
        try {
            text = withProfile(original, profile, values);
        } catch (ConfigFileException e) {
            throw new StoreException(Messages.STORE.text("databrickscfg.malformed", e.getMessage()), file, e);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), file, e);
        }
        new AtomicWriter().write(target, text.getBytes(StandardCharsets.UTF_8), permissions);
    }

    // ------------------------------------------------------------------ helpers

    private static List<RawLine> split(String text) {
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                int eolEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new RawLine(text.substring(start, i), text.substring(i, eolEnd)));
                start = eolEnd;
                i = eolEnd;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(new RawLine(text.substring(start), ""));
        }
        return lines;
    }

    /** {@code key = old  # note} with {@code old} replaced: the key's spelling, spacing and comment stay. */
    private static String replaceValue(String line, String value) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        int d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
        int start = d + 1;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        String rest = line.substring(start);
        String comment = "";
        for (int i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(rest.charAt(i - 1))) {
                int ws = i;
                while (ws > 0 && Character.isWhitespace(rest.charAt(ws - 1))) {
                    ws--;
                }
                comment = rest.substring(ws);
                break;
            }
        }
        String prefix = line.substring(0, start);
        return prefix + value + comment;
    }

    private static void verify(String text, String profile, Map<String, String> wanted) {
        try {
            DatabricksConfigFile.Profile p = DatabricksConfigFile.parse(text, null).profile(profile);
            wanted.forEach((key, value) -> {
                if (!Objects.equals(p.values().get(key), value)) {
                    throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.notRoundTrip", key,
                            DatabricksConfigFile.FILE_NAME));
                }
            });
        } catch (ConfigFileException e) {
            throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.notWritten", e.getMessage()), e);
        }
    }

    private static String checkProfileName(String profile) {
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.noProfileName",
                    DatabricksConfigFile.FILE_NAME));
        }
        String p = profile.strip();
        if (p.contains("[") || p.contains("]") || p.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.badProfileName",
                    DatabricksConfigFile.FILE_NAME));
        }
        return p;
    }

    private static String checkKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        if (!k.matches("[a-z0-9_.-]+")) {
            throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.badKey", key));
        }
        return k;
    }

    private static String checkValue(String key, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.codePoints().anyMatch(Character::isISOControl) || v.matches("(?s).*\\s[#;].*")) {
            // The value is never quoted: it may be a secret.
            throw new IllegalArgumentException(Messages.STORE.text("databrickscfg.badValue", key,
                    DatabricksConfigFile.FILE_NAME));
        }
        return v;
    }
}
