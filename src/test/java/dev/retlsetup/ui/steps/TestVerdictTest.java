package dev.retlsetup.ui.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Remediation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestVerdictTest {
    private static final CheckResult TCP = new CheckResult("tcp", "TCP", CheckStatus.PASSED, 3, "ok", null, null, null,
            null, null);
    private static final CheckResult STOPPED = new CheckResult("warehouse", "Warehouse", CheckStatus.FAILED, 40,
            "The warehouse is STOPPED", null, null, "not running", Category.WAREHOUSE_UNAVAILABLE,
            new Remediation(List.of("Start it"), List.of()));
    private static final CheckResult STALLED = new CheckResult("warehouse", "Warehouse", CheckStatus.FAILED, 30000,
            "No answer within 30 s", null, null, null, Category.WAREHOUSE_UNAVAILABLE, null);
    private static final CheckResult SKIPPED = new CheckResult("session", "Session", CheckStatus.SKIPPED, 0,
            "skipped", null, null, null, null, null);

    private static ConnectionTestReport report(boolean cancelled, boolean timedOut, CheckResult... checks) {
        return new ConnectionTestReport(Instant.now(), List.of(checks), null, null, "main", cancelled, timedOut, List.of());
    }

    @Test
    void aCancelledOrTimedOutRunIsNotTestedWhateverItFound() {
        assertEquals(TestVerdict.NOT_TESTED, TestVerdict.of(null));
        assertEquals(TestVerdict.NOT_TESTED, TestVerdict.of(report(true, false, TCP, SKIPPED)));
        assertEquals(TestVerdict.NOT_TESTED, TestVerdict.of(report(false, true, TCP, STALLED, SKIPPED)));
        assertFalse(TestVerdict.NOT_TESTED.allowsAdd());
    }

    @Test
    void onlyAStoppedWarehouseLetsAddGoOn() {
        assertEquals(TestVerdict.WAREHOUSE_STOPPED, TestVerdict.of(report(false, false, TCP, STOPPED, SKIPPED)));
        assertTrue(TestVerdict.WAREHOUSE_STOPPED.allowsAdd());
        assertEquals(TestVerdict.FAILED, TestVerdict.of(report(false, false, TCP, STALLED, SKIPPED)),
                "a warehouse that did not answer is a failure, not a stopped warehouse");
        assertEquals(TestVerdict.PASSED, TestVerdict.of(report(false, false, TCP, SKIPPED)));
    }
}
