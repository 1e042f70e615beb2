package dev.retlsetup.check;

import dev.retlsetup.source.Field;
import static dev.retlsetup.check.DemoRuns.assertNoSecret;
import static dev.retlsetup.check.DemoRuns.assertPassedUpTo;
import static dev.retlsetup.check.DemoRuns.assertSkippedWithReason;
import static dev.retlsetup.check.DemoRuns.ids;
import static dev.retlsetup.check.DemoRuns.input;
import static dev.retlsetup.check.DemoRuns.result;
import static dev.retlsetup.check.DemoRuns.run;
import static dev.retlsetup.check.DemoRuns.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.source.SourceInput;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings and network failures: each ends at the first check that can tell, fast, and skips
 * everything that would only repeat it (the driver alone would take 9-17 s for some of these).
 */
class ConnectionTesterNetworkFailuresTest {
    private static final String[] AFTER_NETWORK = {"oauth", "warehouse", "session", "identity", "catalog",
            "schema:main.marketing", "managed-schema"};
    private static DemoWorkspace ws;

    @BeforeAll
    static void start() {
        ws = DemoRuns.start("ready");
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private static long millisOf(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void accountConsoleHostFailsValidationFirstAndSkipsTheNetworkChecks() {
        SourceInput typed = input(ws).with(Field.HOST, "accounts.cloud.databricks.com").with(Field.PORT, "443");
        ConnectionTestReport report = run(DemoRuns.request(typed, trust(ws)));

        CheckResult validation = report.checks().get(0);
        assertEquals("validation", validation.id());
        assertEquals(CheckStatus.FAILED, validation.status());
        assertTrue(validation.hasRemediation());
        assertTrue(validation.detail().toLowerCase().contains("account"), validation.detail());
        assertSkippedWithReason(report, "dns", "tcp", "tls", "oauth", "warehouse", "session");
        assertTrue(result(report, "dns").summary().contains("hostname"), result(report, "dns").summary());
        assertEquals(1, report.failed().size(), () -> ids(report).toString());
    }

    @Test
    void unknownHostFailsDnsInWellUnderASecond() {
        SourceInput typed = input(ws).with(Field.HOST, "nonexistent.invalid");
        ConnectionTestReport[] report = new ConnectionTestReport[1];
        long millis = millisOf(() -> report[0] = run(DemoRuns.request(typed, trust(ws))));

        assertPassedUpTo(report[0], "dns");
        CheckResult dns = result(report[0], "dns");
        assertEquals(CheckStatus.FAILED, dns.status());
        assertEquals(Category.HOST_NOT_FOUND, dns.category());
        assertTrue(dns.hasRemediation());
        assertSkippedWithReason(report[0], "tcp", "tls");
        assertSkippedWithReason(report[0], AFTER_NETWORK);
        assertTrue(millis < 1000, "verdict took " + millis + " ms");
    }

    @Test
    void closedPortFailsTcpFast() {
        SourceInput typed = input(ws).with(Field.PORT, String.valueOf(DemoRuns.freePort()));
        ConnectionTestReport[] report = new ConnectionTestReport[1];
        long millis = millisOf(() -> report[0] = run(DemoRuns.request(typed, trust(ws))));

        assertPassedUpTo(report[0], "tcp");
        CheckResult tcp = result(report[0], "tcp");
        assertEquals(CheckStatus.FAILED, tcp.status());
        assertEquals(Category.NETWORK_UNREACHABLE, tcp.category());
        assertTrue(tcp.hasRemediation());
        assertSkippedWithReason(report[0], "tls");
        assertSkippedWithReason(report[0], AFTER_NETWORK);
        assertTrue(millis < 1000, "verdict took " + millis + " ms");
    }

    @Test
    void defaultTrustFailsTlsAsUntrustedBeforeAnyCredentialIsSent() {
        ConnectionTestReport report = run(DemoRuns.request(input(ws), TrustConfig.systemDefault()));

        assertPassedUpTo(report, "tls");
        CheckResult tls = result(report, "tls");
        assertEquals(CheckStatus.FAILED, tls.status());
        assertEquals(Category.TLS_UNTRUSTED, tls.category());
        assertTrue(tls.hasRemediation());
        assertSkippedWithReason(report, AFTER_NETWORK);
        assertNoSecret(report, ws.clientSecret());
    }

    @Test
    void wrongSecretFailsSignInAndNeverShowsTheSecret() {
        String wrong = "dose0123456789abcdef0123456789abcdef";
        ConnectionTestReport report = run(DemoRuns.request(input(ws).withSecret(wrong), trust(ws)));

        CheckResult oauth = result(report, "oauth");
        assertEquals(CheckStatus.FAILED, oauth.status());
        assertEquals(Category.INVALID_CLIENT, oauth.category());
        assertNoSecret(report, wrong);
    }
}
