package dev.retlsetup.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retlsetup.demo.DemoWorkspace;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The U2M sign-in with a real browser: Debian's headless Chromium opens the demo's authorize page,
 * and the test clicks "Allow" through the DevTools protocol's mouse events, as a person's click
 * (no script submits the form). The page is the demo's plain-HTTP sign-in page on loopback, so Chromium
 * needs no certificate exception; it listens for DevTools on a port it picks and is ended with its
 * processes when the test ends.
 * Skipped, saying why, where no Chromium is installed.
 */
class ChromiumSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path profile;

    @Test
    void signsInByClickingAllowInHeadlessChromium() throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            System.out.println("ChromiumSignInTest skipped: no chromium on PATH (Debian: apt-get install -y chromium)");
        }
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium on PATH (Debian: apt-get install -y chromium)");
        try (DemoWorkspace ws = AdminDemo.start("missing-select")) {
            List<String> problems = new CopyOnWriteArrayList<>();
            List<String> pages = new CopyOnWriteArrayList<>();
            List<Process> started = new CopyOnWriteArrayList<>();
            BrowserOpener browser = uri -> {
                Process process = new ProcessBuilder(chromium.get().toString(), "--headless=new", "--no-sandbox",
                        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                        "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile,
                        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                        "--window-size=1000,800", uri.toString())
                        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
                started.add(process);
                Thread clicker = new Thread(() -> clickAllow(uri, pages, problems), "click-allow");
                clicker.setDaemon(true);
                clicker.start();
            };
            try {
                U2mSignIn signIn = new U2mSignIn(ws.clientSslContext(), browser);
                AdminToken token;
                try {
                    token = signIn.signIn(ws.url(), LIMIT);
                } catch (SignInException e) {
                    throw new AssertionError(e.getMessage() + " " + problems + " " + chromiumLog(), e);
                }
                assertTrue(pages.get(0).contains("Sign in as the demo admin"), pages.toString());
                AdminFix fix = new AdminFix(AdminDemo.request(ws), token);
                AdminIdentity who = fix.whoSignedIn();
                assertEquals("admin@example.com", who.userName());
                assertTrue(who.admin());
                FixPlan plan = fix.plan(AdminDemo.test(AdminDemo.request(ws)), false);
                assertTrue(fix.apply(plan.confirm(), FixListener.NONE).complete(), "the browser's token applies the plan");
                assertTrue(problems.isEmpty(), problems.toString());
            } finally {
                for (Process process : started) {
                    process.descendants().forEach(ProcessHandle::destroy);
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        }
    }

    /** Waits for DevTools, finds the authorize page, waits for its Allow button and clicks its centre. */
    private void clickAllow(URI authorize, List<String> pages, List<String> problems) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
                pause(deadline, "Chromium wrote no DevToolsActivePort");
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            String prefix = authorize.toString().substring(0, authorize.toString().indexOf('?'));
            URI page = null;
            while (page == null) {
                HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode target : JSON.readTree(targets.body())) {
                    if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith(prefix)) {
                        page = URI.create(target.path("webSocketDebuggerUrl").asText());
                    }
                }
                if (page == null) {
                    pause(deadline, "no page target at " + prefix + ": " + targets.body());
                }
            }
            try (DevTools devTools = DevTools.connect(page)) {
                JsonNode box;
                while (true) {
                    box = devTools.evaluate("(() => { const b = document.getElementById('allow');"
                            + " if (document.readyState !== 'complete' || !b) return null;"
                            + " const r = b.getBoundingClientRect(); return JSON.stringify({x: r.left + r.width / 2,"
                            + " y: r.top + r.height / 2, page: document.documentElement.outerHTML}); })()");
                    if (box.isTextual()) {
                        break;
                    }
                    pause(deadline, "the authorize page showed no Allow button");
                }
                JsonNode where = JSON.readTree(box.asText());
                pages.add(where.path("page").asText());
                devTools.click(where.path("x").asDouble(), where.path("y").asDouble());
                // The click submits the form; the workspace redirects the browser to the sign-in's local answer page.
                while (!devTools.evaluate("location.href.startsWith('http://localhost:') && document.readyState === 'complete'"
                        + " && document.body.innerText.includes('Signed in')").asBoolean(false)) {
                    pause(deadline, "the browser did not reach the sign-in's answer page");
                }
            }
        } catch (Exception e) {
            problems.add(e.toString());
        }
    }

    private static void pause(long deadline, String problem) throws InterruptedException, IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException(problem);
        }
        Thread.sleep(100);
    }

    private String chromiumLog() {
        try {
            return Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no chromium log)";
        }
    }

    static Optional<Path> chromium() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank())
                .flatMap(d -> Stream.of("chromium", "chromium-browser").map(n -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }
}
