package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of real error texts (error-corpus.jsonl): each verbatim from a public issue, pull
 * request or documentation page named in {@code source}, labelled with the categories that are
 * right for it (UNKNOWN when none honestly is) and the object names it contains.
 */
class ErrorCorpusTest {
    /** One labelled text. */
    public record Entry(String family, String source, List<String> categories, List<String> objects, String principal,
            String text) {
    }

    private static final Pattern UNFILLED = Pattern.compile("\\{[a-zA-Z]+\\}");
    private final ErrorClassifier classifier = new ErrorClassifier();
    private final Explanations explanations = new Explanations();

    public static List<Entry> corpus() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        try (InputStream in = ErrorCorpusTest.class.getResourceAsStream("/dev/retlsetup/diagnose/error-corpus.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                List<String> cats = new ArrayList<>();
                node.get("categories").forEach(c -> cats.add(c.asText()));
                List<String> objs = new ArrayList<>();
                node.get("objects").forEach(o -> objs.add(o.asText()));
                JsonNode principal = node.get("principal");
                out.add(new Entry(node.get("family").asText(), node.get("source").asText(), cats, objs,
                        principal == null || principal.isNull() ? null : principal.asText(), node.get("text").asText()));
            }
        }
        return out;
    }

    /**
     * Issue 15 asks for 150; the corpus holds 178 so far. The floor only keeps it from shrinking:
     * raise it as real texts (with their sources) are added.
     */
    private static final int FLOOR = 178;

    @Test
    void corpusHoldsDistinctRealTextsEachWithItsSource() throws IOException {
        List<Entry> corpus = corpus();
        assertTrue(corpus.size() >= FLOOR, "only " + corpus.size() + " texts");
        Set<String> texts = new HashSet<>();
        TreeMap<String, Integer> perFamily = new TreeMap<>();
        for (Entry e : corpus) {
            assertTrue(e.source().startsWith("https://"), e.source());
            assertFalse(e.text().isBlank(), e.source());
            assertFalse(e.categories().isEmpty(), e.source());
            e.categories().forEach(Category::valueOf);
            assertTrue(texts.add(e.text()), () -> "duplicate text from " + e.source());
            perFamily.merge(e.family(), 1, Integer::sum);
        }
        System.out.println("error corpus: " + corpus.size() + " texts by family " + perFamily);
    }

    @TestFactory
    Stream<DynamicTest> classifiesEveryCorpusTextAsLabelled() throws IOException {
        return corpus().stream().map(e -> DynamicTest.dynamicTest(e.source(), () -> {
            Diagnosis d = classifier.classify(e.text());
            assertTrue(e.categories().contains(d.category().name()),
                    () -> "got " + d.category() + ", labelled " + e.categories() + " for " + e.source() + ": " + e.text());
            assertTrue(d.objects().containsAll(e.objects()),
                    () -> "objects " + d.objects() + " miss some of " + e.objects() + " for " + e.source());
        }));
    }

    @TestFactory
    Stream<DynamicTest> saysWhichToolWrappedTheError() throws IOException {
        return corpus().stream().filter(e -> e.family().startsWith("jdbc-") || e.family().equals("odbc"))
                .map(e -> DynamicTest.dynamicTest(e.source(), () -> {
                    Diagnosis d = classifier.classify(e.text());
                    if (d.wrapper() == null) {
                        // a driver text that carries no driver marker (a bare server message) is fine
                        assertFalse(e.text().contains("JDBC") || e.text().contains("[Simba]"), e.text());
                        return;
                    }
                    String explanation = explanations.explanation(d);
                    assertTrue(explanation.startsWith("What was reported: "), explanation);
                    assertTrue(explanation.contains(explanations.reported(d.wrapper())), explanation);
                }));
    }

    @Test
    void digsVendorCodeStatusAndInnerMessageOutOfADriverWrapper() {
        Diagnosis d = classifier.classify("java.sql.SQLException: [Simba][SparkJDBCDriver](500593) Communication link failure. "
                + "Failed to connect to server. Reason: HTTP Response code: 403, Error message: Unknown.");
        assertEquals(new Wrapper("jdbc-simba", "500593", 403, "HTTP Response code: 403, Error message: Unknown."), d.wrapper());
        assertEquals(Category.WAREHOUSE_ACCESS_DENIED, d.category());
        assertTrue(explanations.explanation(d).startsWith("What was reported: the JDBC driver (the Simba-based "
                + "Databricks/Spark driver) reported an error (its error code 500593) with HTTP status 403: "),
                explanations.explanation(d));
    }

    @Test
    void digsTheServerWordsAndStatusOutOfTheGoDriversWrapper() {
        Diagnosis token = classifier.classify("databricks: request error: error connecting: host=h.cloud.databricks.com port=443, "
                + "httpPath=/sql/1.0/warehouses/abc: open session request error: Post \"https://h.cloud.databricks.com:443/sql/1.0/"
                + "warehouses/abc\": Invalid access token.");
        assertEquals(new Wrapper("go", null, null, "Invalid access token."), token.wrapper());
        assertEquals(Category.ACCESS_TOKEN_REJECTED, token.category());

        Diagnosis gone = classifier.classify("databricks: request error: open session request error: Post ***: ENDPOINT_NOT_FOUND: "
                + "SQL warehouse *** does not exist at all in the database: request error after 1 attempt(s): unexpected HTTP status 404 Not Found");
        assertEquals("go", gone.wrapper().tool());
        assertEquals(404, gone.wrapper().httpStatus());
        assertTrue(gone.wrapper().innerMessage().startsWith("ENDPOINT_NOT_FOUND: SQL warehouse"), gone.wrapper().innerMessage());
        assertEquals(Category.WAREHOUSE_NOT_FOUND, gone.category());
    }

    @Test
    void saysDatabricksConnectReportedASessionThatEnded() {
        Diagnosis d = classifier.classify("pyspark.errors.exceptions.connect.SparkConnectGrpcException: (org.apache.spark.SparkSQLException) "
                + "[INVALID_HANDLE.SESSION_CLOSED] The handle 1 is invalid. Session was closed.");
        assertEquals("spark-connect", d.wrapper().tool());
        assertEquals(Category.WAREHOUSE_UNAVAILABLE, d.category());
        assertTrue(explanations.explanation(d).startsWith("What was reported: Databricks Connect (Spark Connect) reported an error: "),
                explanations.explanation(d));
    }

    @Test
    void aWebPageReadAsJsonIsNotAQuerySyntaxError() {
        Diagnosis d = classifier.classify("com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)): "
                + "expected a valid value");
        assertEquals(Category.UNEXPECTED_WEB_PAGE, d.category());
        assertEquals(Category.QUERY_INVALID, classifier.classify("org.apache.spark.sql.catalyst.parser.ParseException: x").category());
    }

    @TestFactory
    Stream<DynamicTest> unknownTextsAreShownAsTheyCame() throws IOException {
        return corpus().stream().filter(e -> e.categories().equals(List.of("UNKNOWN")))
                .map(e -> DynamicTest.dynamicTest(e.source(), () -> {
                    Diagnosis d = classifier.classify(e.text());
                    // the text as it came, or the server's own part of it when a driver wrapper was removed
                    assertFalse(d.rawText().isBlank());
                    String firstLine = e.text().strip().lines().findFirst().orElseThrow().strip();
                    assertTrue(d.rawText().contains(firstLine) || e.text().contains(d.rawText().lines().findFirst().orElseThrow()),
                            d.rawText());
                    Remediation r = new RemediationWriter().write(d);
                    assertTrue(r.sql().isEmpty(), "no SQL for an unknown problem");
                }));
    }

    @TestFactory
    Stream<DynamicTest> permissionFixesReadRightInBothDialects() throws IOException {
        return corpus().stream().filter(e -> e.categories().stream().anyMatch(c -> Category.valueOf(c).isMissingGrant()))
                .map(e -> DynamicTest.dynamicTest(e.source(), () -> {
                    Diagnosis d = classifier.classify(e.text());
                    for (CatalogKind kind : CatalogKind.values()) {
                        String catalog = kind == CatalogKind.HIVE_METASTORE ? "hive_metastore" : "main";
                        Remediation r = new RemediationWriter().write(d, "1b2c3d4e-0000-4000-8000-000000000001", kind, catalog);
                        assertFalse(r.steps().isEmpty());
                        for (String text : concat(r.steps(), List.of(explanations.explanation(d)))) {
                            assertFalse(UNFILLED.matcher(text).find(), () -> "unfilled placeholder in: " + text);
                        }
                        for (String sql : r.sql()) {
                            assertTrue(sql.startsWith("GRANT ") && sql.endsWith(";"), sql);
                            if (sql.contains(" hive_metastore") || sql.contains("`hive_metastore`")) {
                                // legacy table ACLs know USAGE, not USE CATALOG / USE SCHEMA
                                assertFalse(sql.startsWith("GRANT USE SCHEMA") || sql.startsWith("GRANT USE CATALOG"), sql);
                            } else if (!sql.contains("<catalog>")) {
                                assertFalse(sql.startsWith("GRANT USAGE"), "Unity Catalog knows no USAGE: " + sql);
                            }
                            if (sql.matches(".*<(catalog|schema|table|object)>.*")) {
                                assertTrue(r.steps().get(0).contains("blanks to fill in"), r.steps().toString());
                            }
                        }
                    }
                }));
    }

    @Test
    void everyCategoryReadsWithoutLeftoverPlaceholdersInBothDialects() {
        for (Category category : Category.values()) {
            for (List<String> objects : List.of(List.<String>of(), List.of("main.sales.orders"), List.of("hive_metastore.sales.orders"))) {
                Diagnosis d = new Diagnosis(category, objects, null, "text");
                assertNotNull(explanations.title(category));
                assertFalse(UNFILLED.matcher(explanations.explanation(d)).find(), category + " " + explanations.explanation(d));
                for (CatalogKind kind : CatalogKind.values()) {
                    for (String step : new RemediationWriter().write(d, null, kind, null).steps()) {
                        assertFalse(UNFILLED.matcher(step).find(), category + " " + step);
                    }
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
