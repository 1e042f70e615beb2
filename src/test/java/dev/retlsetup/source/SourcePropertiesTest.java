package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.retlsetup.testing.RandomText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Never throws, whatever is typed; normalizing twice is normalizing once. */
class SourcePropertiesTest {
    private static final List<String> FRAGMENTS = List.of(
            "https://", "http://", "jdbc:databricks://", "jdbc:spark://", "dbc-a1b2c3d4-e5f6", ".cloud.databricks.com",
            ".azuredatabricks.net", "accounts", "localhost", ":", ":443", ":8443", "/", "//", "?o=123", "#", "@", "[", "]",
            "::1", ".", "..", "-", "_", "`", "\"", "'", " ", "\t", "\n", "\u0000", "\u200b", "\uFEFF", "\u00a0", "é", "İ",
            "ß", "😀", "sql", "1.0", "warehouses", "endpoints", "protocolv1", "o", "abcdef0123456789", ";httpPath=",
            ";HTTPPATH=", "dose", "dapi", "0123456789abcdef", "~", "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901", "{", "}",
            "hive_metastore", ",", ";", "main", "sales", "__segment_reverse_etl", "0", "65536", "443", "%2F");

    private final RandomText random = new RandomText(20261123L);

    /** What people type or paste: glued real fragments, any characters, plain ASCII, or nothing. */
    private String typed() {
        return random.oneOf(() -> random.fragments(FRAGMENTS, 14), () -> random.fragments(FRAGMENTS, 14),
                () -> random.anyChars(60), () -> random.anyCodePoints(30), () -> random.ascii(40), () -> null);
    }

    private SourceInput input() {
        return new SourceInput(typed(), typed(), typed(), typed(), typed(), typed(), typed());
    }

    @Test
    void validationNeverThrows() {
        RandomText.forAll(1500, this::input, input -> {
            Validation v = SourceValidator.validate(input);
            assertNotNull(v.settings());
            for (Finding f : v.findings()) {
                assertNotNull(f.message());
                assertFalse(f.message().isEmpty());
            }
        });
    }

    @Test
    void normalizationIsIdempotent() {
        RandomText.forAll(1500, this::input, input -> {
            SourceInput once = SourceValidator.normalize(input);
            assertEquals(once, SourceValidator.normalize(once));
        });
    }

    @Test
    void settingsDoNotChangeWhenInputIsNormalizedFirst() {
        RandomText.forAll(800, this::input, input -> assertEquals(SourceValidator.validate(input).settings(),
                SourceValidator.validate(SourceValidator.normalize(input)).settings()));
    }

    @Test
    void fieldValidatorsNeverThrowAndAreIdempotent() {
        RandomText.forAll(1500, this::typed, this::fieldValidatorsHold);
    }

    private void fieldValidatorsHold(String text) {
        assertEquals(SourceValidator.host(text).normalized(),
                SourceValidator.host(SourceValidator.host(text).normalized()).normalized());
        assertEquals(SourceValidator.httpPath(text).normalized(),
                SourceValidator.httpPath(SourceValidator.httpPath(text).normalized()).normalized());
        assertEquals(SourceValidator.schemas(text).normalized(),
                SourceValidator.schemas(SourceValidator.schemas(text).normalized()).normalized());
        SourceValidator.port(text);
        SourceValidator.clientId(text);
        SourceValidator.secret(text);
        SourceValidator.catalog(text);
        PastedConnection.parse(text);
        Cloud.of(text);
    }

    @Test
    void secretNeverAppearsInMessages() {
        RandomText.forAll(800, this::typed, this::secretStaysOutOfMessages);
    }

    private void secretStaysOutOfMessages(String prefix) {
        String secret = "dose" + Integer.toHexString(Math.abs((prefix == null ? "" : prefix).hashCode())) + "feedface";
        SourceInput input = new SourceInput(prefix + secret, secret + prefix, secret, secret, secret, secret, secret);
        for (Finding f : SourceValidator.validate(input).findings()) {
            assertFalse(f.message().contains(secret), f.key());
            assertFalse(f.suggestedFix() != null && f.suggestedFix().contains(secret), f.key());
        }
    }

    @Test
    void configParserOnlyEverThrowsConfigFileException() {
        RandomText.forAll(500, () -> List.of(String.valueOf(typed()), String.valueOf(typed())),
                pair -> parsesOrExplains(pair.get(0), pair.get(1)));
    }

    private void parsesOrExplains(String a, String b) {
        String text = "[" + a + "]\n" + b + " = " + a + "\n" + b;
        try {
            DatabricksConfigFile.parse(text, null).profileNames();
        } catch (ConfigFileException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Test
    void hugeInputsAreHandled() {
        String big = "a".repeat(100_000);
        String bigUnicode = "😀\u0000é ".repeat(25_000);
        for (String s : List.of(big, bigUnicode, "https://" + big, "jdbc:databricks://" + big + ";httpPath=/" + big,
                big.replace('a', ','), big.replace('a', '/'), big.replace('a', '.'), big.replace('a', ':'))) {
            SourceInput input = new SourceInput(s, s, s, s, s, s, s);
            Validation v = SourceValidator.validate(input);
            assertFalse(v.valid());
            SourceInput once = SourceValidator.normalize(input);
            assertEquals(once, SourceValidator.normalize(once));
        }
    }
}
