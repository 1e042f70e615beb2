package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlIdentifiersTest {
    @Test
    void plainIdentifiersStayBare() {
        assertEquals("main", SqlIdentifiers.quote("main"));
        assertEquals("__segment_reverse_etl", SqlIdentifiers.quote("__segment_reverse_etl"));
        assertEquals("Sales_2024", SqlIdentifiers.quote("Sales_2024"));
    }

    @Test
    void everythingElseIsBackticked() {
        assertEquals("`btda-dea`", SqlIdentifiers.quote("btda-dea"));
        assertEquals("`2024_sales`", SqlIdentifiers.quote("2024_sales"));
        assertEquals("`my schema`", SqlIdentifiers.quote("my schema"));
        assertEquals("`a``b`", SqlIdentifiers.quote("a`b"));
        assertEquals("`to`", SqlIdentifiers.quote("to"));
    }

    @Test
    void qualifiedQuotesEachPart() {
        assertEquals("main.`btda-dea`.t", SqlIdentifiers.qualified("main", "btda-dea", "t"));
        assertEquals("<catalog>.sales", SqlIdentifiers.qualified("<catalog>", "sales"));
    }

    @Test
    void partsHonourBackticks() {
        assertEquals(List.of("main", "sales", "x"), SqlIdentifiers.parts("`main`.`sales`.`x`"));
        assertEquals(List.of("a.b", "c"), SqlIdentifiers.parts("`a.b`.c"));
        assertEquals(List.of("a`b"), SqlIdentifiers.parts("`a``b`"));
        assertEquals(List.of("cat", "sch"), SqlIdentifiers.parts("'cat.sch'"));
        assertEquals("main.sales.x", SqlIdentifiers.normalize("`main`.`sales`.`x`"));
        assertEquals("main.`btda-dea`", SqlIdentifiers.requote("main.btda-dea"));
    }
}
