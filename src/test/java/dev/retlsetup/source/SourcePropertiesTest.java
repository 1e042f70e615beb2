package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/** Never throws, whatever is typed; normalizing twice is normalizing once. */
class SourcePropertiesTest {
    private static final List<String> FRAGMENTS = List.of(
            "https://", "http://", "jdbc:databricks://", "jdbc:spark://", "dbc-a1b2c3d4-e5f6", ".cloud.databricks.com",
            ".azuredatabricks.net", "accounts", "localhost", ":", ":443", ":8443", "/", "//", "?o=123", "#", "@", "[", "]",
            "::1", ".", "..", "-", "_", "`", "\"", "'", " ", "\t", "\n", "\u0000", "\u200b", "\uFEFF", "\u00a0", "é", "İ",
            "ß", "😀", "sql", "1.0", "warehouses", "endpoints", "protocolv1", "o", "abcdef0123456789", ";httpPath=",
            ";HTTPPATH=", "dose", "dapi", "0123456789abcdef", "~", "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901", "{", "}",
            "hive_metastore", ",", ";", "main", "sales", "__segment_reverse_etl", "0", "65536", "443", "%2F");

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> pieces = Arbitraries.of(FRAGMENTS).list().ofMaxSize(14).map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(40);
        return Arbitraries.oneOf(pieces, pieces, any, ascii, Arbitraries.just(null));
    }

    @Provide
    Arbitrary<SourceInput> inputs() {
        return Combinators.combine(typed(), typed(), typed(), typed(), typed(), typed(), typed())
                .as(SourceInput::new);
    }

    @Property(tries = 1500)
    void validationNeverThrows(@ForAll("inputs") SourceInput input) {
        Validation v = SourceValidator.validate(input);
        assertNotNull(v.settings());
        for (Finding f : v.findings()) {
            assertNotNull(f.message());
            assertFalse(f.message().isEmpty());
        }
    }

    @Property(tries = 1500)
    void normalizationIsIdempotent(@ForAll("inputs") SourceInput input) {
        SourceInput once = SourceValidator.normalize(input);
        assertEquals(once, SourceValidator.normalize(once));
    }

    @Property(tries = 800)
    void settingsDoNotChangeWhenInputIsNormalizedFirst(@ForAll("inputs") SourceInput input) {
        assertEquals(SourceValidator.validate(input).settings(),
                SourceValidator.validate(SourceValidator.normalize(input)).settings());
    }

    @Property(tries = 1500)
    void fieldValidatorsNeverThrowAndAreIdempotent(@ForAll("typed") String text) {
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

    @Property(tries = 800)
    void secretNeverAppearsInMessages(@ForAll("typed") String prefix) {
        String secret = "dose" + Integer.toHexString(Math.abs((prefix == null ? "" : prefix).hashCode())) + "feedface";
        SourceInput input = new SourceInput(prefix + secret, secret + prefix, secret, secret, secret, secret, secret);
        for (Finding f : SourceValidator.validate(input).findings()) {
            assertFalse(f.message().contains(secret), f.key());
            assertFalse(f.suggestedFix() != null && f.suggestedFix().contains(secret), f.key());
        }
    }

    @Property(tries = 500)
    void configParserOnlyEverThrowsConfigFileException(@ForAll("typed") String a, @ForAll("typed") String b) {
        String text = "[" + a + "]\n" + b + " = " + a + "\n" + b;
        try {
            DatabricksConfigFile.parse(text, null).profileNames();
        } catch (ConfigFileException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Example
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
