package dev.retlsetup.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.SourceValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared values and helpers of the store tests. */
final class StoreTestSupport {
    static final String HOST = "dbc-a1b2c3d4-e5f6.cloud.databricks.com";
    static final String PATH = "/sql/1.0/warehouses/abcdef0123456789";
    static final String CLIENT_ID = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    static final String SECRET = "dose0123456789abcdef0123456789abcdef";

    private StoreTestSupport() {
    }

    static SourceInput input() {
        return new SourceInput(HOST, PATH, "443", CLIENT_ID, SECRET, "main", "main.sales, main.marketing");
    }

    /** The test input as the form would validate it. */
    static SourceSettings settings() {
        return settings(input());
    }

    static SourceSettings settings(SourceInput typed) {
        return SourceValidator.validate(typed, false).settings();
    }

    /** Every regular file under {@code dir}. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** Fails when any file under {@code dir} contains {@code secret} (as UTF-8 or UTF-16 bytes). */
    static void assertNoSecretIn(Path dir, String secret) throws IOException {
        for (Path file : files(dir)) {
            byte[] bytes = Files.readAllBytes(file);
            for (byte[] needle : List.of(secret.getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_16LE), secret.getBytes(StandardCharsets.UTF_16BE))) {
                assertFalse(indexOf(bytes, needle) >= 0, "the secret is in " + file);
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** An in-memory OS credential store. */
    static final class MemoryCredentials implements CredentialStore {
        final Map<String, String> entries = new HashMap<>();
        String unavailable;

        @Override
        public String unavailableReason() {
            return unavailable;
        }

        @Override
        public String get(String service, String account) {
            return entries.get(service + "/" + account);
        }

        @Override
        public void set(String service, String account, String secret) {
            entries.put(service + "/" + account, secret);
        }

        @Override
        public void delete(String service, String account) {
            entries.remove(service + "/" + account);
        }
    }
}
