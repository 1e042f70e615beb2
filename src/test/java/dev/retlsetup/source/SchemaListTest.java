package dev.retlsetup.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaListTest {
    @Test
    void splitsOnCommasSemicolonsWhiteSpaceAndInvisibleCharacters() {
        assertEquals(List.of("main.sales", "main.ads", "ops", "logs", "web", "app"),
                SchemaList.split(" main.sales,main.ads; ops\n\tlogs\u00a0web\u200bapp\uFEFF"));
    }

    @Test
    void keepsItemsAsTypedWithTheirDuplicates() {
        assertEquals(List.of("`Main`.Sales", "main.sales", "main.sales"), SchemaList.split("`Main`.Sales,main.sales main.sales"));
    }

    @Test
    void dropsEmptyItemsBetweenSeparators() {
        assertEquals(List.of("a", "b"), SchemaList.split(",,a ;; ,\n b,"));
    }

    @Test
    void nullOrBlankIsNoSchema() {
        assertEquals(List.of(), SchemaList.split(null));
        assertEquals(List.of(), SchemaList.split(" \u200b\n"));
    }

    @Test
    void joinsWithCommaAndSpaceSoThatSplitReadsItBack() {
        List<String> schemas = List.of("main.sales", "ops");
        assertEquals("main.sales, ops", SchemaList.join(schemas));
        assertEquals(schemas, SchemaList.split(SchemaList.join(schemas)));
        assertEquals("", SchemaList.join(List.of()));
        assertEquals("", SchemaList.join(null));
    }
}
