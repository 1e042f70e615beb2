package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retl-setup fix} as its own process, with its home, temp and working directories in a temp
 * folder and every java.util.logging record (the driver's included, at ALL) written to a log file
 * there: afterwards no file it wrote, and neither stdout nor stderr, holds any part of the admin's
 * token that is unique to it (the whole token, its claims or its signature), the service principal's
 * secret, or any bearer token at all (the re-test signs the principal in through the driver, whose HTTP
 * client would log its token at FINE).
 */
class AdminTokenLeakTest {
    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile("Bearer [A-Za-z0-9_.-]{20,}");

    @TempDir
    Path root;

    @Test
    void theAdminTokenIsInNoFileLogOrOutputOfAFixRun() throws Exception {
        Path home = Files.createDirectories(root.resolve("home"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path work = Files.createDirectories(root.resolve("work"));
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path logging = root.resolve("logging.properties");
        Files.writeString(logging, "handlers=java.util.logging.FileHandler\n.level=ALL\n"
                + "java.util.logging.FileHandler.pattern=" + logs.toString().replace('\\', '/') + "/fix-%u.log\n"
                + "java.util.logging.FileHandler.level=ALL\n"
                + "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter\n");

        try (DemoWorkspace ws = DemoWorkspace.start(Scenario.builtIn("missing-create"), 0)) {
            String token = ws.adminToken();
            String[] parts = token.split("\\.");
            assertEquals(3, parts.length, "the demo's token is a JWT");
            List<String> secrets = List.of(token, parts[1], parts[2], ws.clientSecret());
            Files.writeString(home.resolve(".databrickscfg"), "[admin]\nhost = " + ws.url() + "\ntoken = " + token + "\n");

            List<String> output = new ArrayList<>();
            List<String> common = List.of("fix", "--host", ws.host(), "--port", String.valueOf(ws.port()),
                    "--http-path", ws.httpPath(), "--client-id", ws.clientId(), "--catalog", "main", "--schemas",
                    "main.marketing", "--trust-store", ws.trustStorePath().toString(), "--trust-store-password",
                    ws.trustStorePassword());
            // The plan in text, then applied with the JSON contract: both output paths, both token sources.
            output.add(run(common, List.of("--admin-token-env", "ADMIN_TOKEN"), home, tmp, work, logging, token,
                    ws.clientSecret(), 1));
            output.add(run(common, List.of("--admin-profile", "admin", "--yes", "--json"), home, tmp, work, logging, token,
                    ws.clientSecret(), 0));
            assertTrue(output.get(0).contains("Run again with --yes"), output.get(0));
            assertTrue(output.get(1).contains("\"applied\" : true"), output.get(1));

            long logged = Files.list(logs).mapToLong(AdminTokenLeakTest::size).sum();
            assertTrue(logged > 0, "the runs logged something, so the scan below looks at real log records");
            for (String text : output) {
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "not on stdout or stderr");
                }
            }
            List<Path> written;
            try (Stream<Path> files = Stream.of(tmp, work, logs, home).flatMap(AdminTokenLeakTest::walk)) {
                written = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".databrickscfg"))
                        .toList();
            }
            assertFalse(written.isEmpty());
            for (Path file : written) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), "the admin token or the principal's secret is in " + file);
                }
                java.util.regex.Matcher bearer = BEARER.matcher(content);
                assertFalse(bearer.find(), () -> "a bearer token is in " + file + ", logged by: "
                        + content.substring(Math.max(0, bearer.start() - 400), bearer.start()));
            }
        }
    }

    private static String run(List<String> common, List<String> extra, Path home, Path tmp, Path work, Path logging,
                              String token, String clientSecret, int expectedExit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
                "-Djava.util.logging.config.file=" + logging, "dev.retlsetup.Main"));
        command.addAll(common);
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("ADMIN_TOKEN", token);
        env.put("DATABRICKS_CLIENT_SECRET", clientSecret);
        Process process = builder.start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "fix ended");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(expectedExit, process.exitValue(), output);
        return output;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
