package dev.retlsetup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading model SQL offline: statements, kind, and the tables it reads. */
class QueryAnalyzerTest {
    private static List<String> tables(String sql) {
        QueryAnalysis analysis = QueryAnalyzer.analyze(sql);
        assertTrue(analysis.parsed(), () -> "not parsed: " + analysis.parseError());
        return analysis.resolvedTables("main").stream().map(TableName::fullName).toList();
    }

    @Test
    void cteNamesAreNotTables() {
        assertEquals(List.of("main.sales.orders", "main.marketing.users"), tables("""
                WITH recent AS (SELECT * FROM sales.orders WHERE ordered_at > '2025-01-01'),
                     totals AS (SELECT user_id, SUM(amount) AS total FROM recent GROUP BY user_id)
                SELECT u.user_id, t.total FROM marketing.users u JOIN totals t ON t.user_id = u.user_id"""));
    }

    @Test
    void tablesInSubqueriesAndEveryKindOfJoinAreFound() {
        assertEquals(List.of("main.a.t1", "main.a.t2", "main.b.t3", "main.c.t4"), tables("""
                SELECT * FROM a.t1
                LEFT JOIN a.t2 ON t2.id = t1.id
                WHERE t1.id IN (SELECT id FROM b.t3)
                  AND EXISTS (SELECT 1 FROM (SELECT id FROM c.t4) x WHERE x.id = t1.id)"""));
    }

    @Test
    void oneAndTwoPartNamesResolveAgainstTheCatalogAndSchemaDefault() {
        assertEquals(List.of("main.default.events", "main.sales.orders", "other.s.t"),
                tables("SELECT * FROM events, sales.orders, other.s.t"));
    }

    @Test
    void backtickedNamesAreUnquotedAndLowerCased() {
        assertEquals(List.of("my-cat.my schema.tab`le", "main.sales.orders"),
                tables("SELECT * FROM `My-Cat`.`my schema`.`tab``le` JOIN `sales`.Orders ON true"));
    }

    @Test
    void commentsAndLiteralsThatLookLikeNamesAreNotTables() {
        assertEquals(List.of("main.sales.orders"), tables("""
                -- FROM main.finance.invoices
                /* JOIN hr.salaries */
                SELECT 'FROM main.secret.table' AS a, "JOIN x.y" AS b FROM sales.orders -- FROM t"""));
    }

    @Test
    void aRepeatedTableIsListedOnce() {
        assertEquals(List.of("main.sales.orders"),
                tables("SELECT * FROM sales.orders a JOIN SALES.ORDERS b ON a.order_id = b.order_id"));
    }

    @Test
    void twoStatementsAreNotOneModelButSemicolonsInLiteralsAreFine() {
        QueryAnalysis two = QueryAnalyzer.analyze("SET x = 1; SELECT * FROM t");
        assertEquals(2, two.statements());
        assertFalse(two.runnable());
        QueryAnalysis one = QueryAnalyzer.analyze("SELECT 'a;b', `c;d` FROM t; -- trailing; comment\n");
        assertEquals(1, one.statements());
        assertTrue(one.runnable());
        assertEquals("SELECT 'a;b', `c;d` FROM t", one.query());
    }

    @Test
    void emptySqlIsNoStatement() {
        assertEquals(0, QueryAnalyzer.analyze("  -- nothing\n ; ").statements());
    }

    @Test
    void ddlAndDmlAreNotQueries() {
        for (String sql : List.of("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)", "DELETE FROM t",
                "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "GRANT SELECT ON TABLE t TO `x`")) {
            QueryAnalysis analysis = QueryAnalyzer.analyze(sql);
            assertEquals(QueryAnalysis.Kind.NOT_A_QUERY, analysis.kind(), sql);
        }
        assertEquals(QueryAnalysis.Kind.NOT_A_QUERY,
                QueryAnalyzer.analyze("WITH s AS (SELECT 1 AS id) INSERT INTO t SELECT * FROM s").kind());
    }

    @Test
    void selectWithAndValuesAreQueries() {
        for (String sql : List.of("SELECT 1", "(SELECT a FROM t)", "WITH x AS (SELECT 1 AS a) SELECT * FROM x",
                "VALUES (1, 'a')")) {
            assertEquals(QueryAnalysis.Kind.QUERY, QueryAnalyzer.analyze(sql).kind(), sql);
        }
    }

    @Test
    void qualifyAndSparkFunctionsParse() {
        assertEquals(List.of("main.crm.contacts"), tables("""
                SELECT contact_id, count_if(email LIKE '%@example.com') OVER (PARTITION BY contact_id) AS n
                FROM crm.contacts
                QUALIFY ROW_NUMBER() OVER (PARTITION BY contact_id ORDER BY updated_at DESC) = 1"""));
    }

    @Test
    void aQueryTheParserCannotReadIsNotBlocked() {
        QueryAnalysis analysis = QueryAnalyzer.analyze(
                "SELECT * FROM sales.orders TIMESTAMP AS OF '2025-01-01' PIVOT (SUM(amount) FOR status IN ('paid'))");
        assertTrue(analysis.runnable());
        assertNotNull(analysis.parseError());
        assertEquals(List.of(), analysis.tables());
    }

    @Test
    void aParsedQueryHasNoParseError() {
        assertNull(QueryAnalyzer.analyze("SELECT 1").parseError());
    }
}
