package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.retlsetup.testing.AdversarialText;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Offline validation on the same long adversarial inputs as {@code explain}, in every field:
 * it never throws or stalls, and every finding has a message for the user.
 */
class SourceValidatorFuzzTest {
    private static final Duration STALL = Duration.ofSeconds(20);

    private static final List<Function<String, SourceInput>> FIELDS = List.of(
            v -> new SourceInput(v, "/sql/1.0/warehouses/0123456789abcdef", "443", "1b2c3d4e-0000-4000-8000-000000000001", "s", null, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", v, "443", "1b2c3d4e-0000-4000-8000-000000000001", "s", null, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", "/sql/1.0/warehouses/0123456789abcdef", v, "1b2c3d4e-0000-4000-8000-000000000001", "s", null, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", "/sql/1.0/warehouses/0123456789abcdef", "443", v, "s", null, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", "/sql/1.0/warehouses/0123456789abcdef", "443", "1b2c3d4e-0000-4000-8000-000000000001", v, null, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", "/sql/1.0/warehouses/0123456789abcdef", "443", "1b2c3d4e-0000-4000-8000-000000000001", "s", v, null),
            v -> new SourceInput("dbc-1234abcd-5678.cloud.databricks.com", "/sql/1.0/warehouses/0123456789abcdef", "443", "1b2c3d4e-0000-4000-8000-000000000001", "s", "main", v));

    @TestFactory
    Stream<DynamicTest> validateNeverThrowsOrStallsOnLongAdversarialFieldInput() {
        return AdversarialText.cases(7L, 10).stream().map(text -> DynamicTest.dynamicTest(AdversarialText.describe(text), () -> {
            for (Function<String, SourceInput> field : FIELDS) {
                Validation v = assertTimeoutPreemptively(STALL, () -> SourceValidator.validate(field.apply(text)));
                assertNotNull(v.settings());
                for (Finding f : v.findings()) {
                    assertNotNull(f.message());
                    assertFalse(f.message().isBlank(), f.toString());
                }
            }
        }));
    }
}
