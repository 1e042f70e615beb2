package dev.retlsetup.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.jdbc.model.client.thrift.generated.TGetOperationStatusResp;
import com.databricks.jdbc.model.client.thrift.generated.TOperationState;
import com.databricks.jdbc.model.client.thrift.generated.TStatus;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every real error text in error-samples.jsonl, bare and wrapped the ways the driver wraps them. */
class ErrorSamplesTest {
    record Sample(String message, List<String> categories, List<String> objects) {
    }

    private final ErrorClassifier classifier = new ErrorClassifier();

    static List<Sample> samples() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        try (InputStream in = ErrorSamplesTest.class.getResourceAsStream("error-samples.jsonl");
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
                out.add(new Sample(node.get("message").asText(), cats, objs));
            }
        }
        return out;
    }

    private static void check(Sample sample, Diagnosis d) {
        assertTrue(sample.categories().contains(d.category().name()),
                () -> "got " + d.category() + ", accepted " + sample.categories() + " for: " + sample.message());
        assertTrue(d.objects().containsAll(sample.objects()),
                () -> "objects " + d.objects() + " miss some of " + sample.objects() + " for: " + sample.message());
    }

    @Test
    void samplesFileIsThere() throws IOException {
        assertEquals(21, samples().size());
    }

    @TestFactory
    Stream<DynamicTest> classifiesEverySampleText() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.message(), () -> check(s, classifier.classify(s.message()))));
    }

    @TestFactory
    Stream<DynamicTest> classifiesSamplesInsideTheDriversThriftWrapper() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.message(), () -> {
            Diagnosis d = classifier.classify(new SQLException(thriftWrapper(s.message()), "42501", 1003));
            check(s, d);
            assertFalse(d.rawText().contains("TGetOperationStatusResp"), d.rawText());
            assertFalse(d.rawText().contains("HiveThriftServerErrors"), d.rawText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> classifiesSamplesWithOnlyTheErrorMessageField() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.message(), () -> {
            TGetOperationStatusResp r = response(s.message());
            r.setDisplayMessage(null);
            String wrapped = "Operation failed with error: [no error details from server] for statement "
                    + "[01ef7a6c-0000-1111-2222-333344445555], with response [" + r + "]";
            check(s, classifier.classify(wrapped));
        }));
    }

    @TestFactory
    Stream<DynamicTest> classifiesSamplesDeepInANestedExceptionChain() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.message(), () -> {
            RuntimeException root = new RuntimeException(s.message());
            Exception middle = new IllegalStateException("Request failed after 4 retries", root);
            SQLException top = new SQLException("Connection failed", "08S01", middle);
            check(s, classifier.classify(top));
        }));
    }

    @TestFactory
    Stream<DynamicTest> classifiesSamplesInSuppressedAndNextExceptions() throws IOException {
        return samples().stream().map(s -> DynamicTest.dynamicTest(s.message(), () -> {
            SQLException top = new SQLException("Batch failed");
            top.setNextException(new SQLException(s.message()));
            check(s, classifier.classify(top));
            Exception other = new Exception("cleanup failed");
            other.addSuppressed(new RuntimeException(s.message()));
            check(s, classifier.classify(other));
        }));
    }

    static TGetOperationStatusResp response(String serverText) {
        TGetOperationStatusResp r = new TGetOperationStatusResp();
        r.setStatus(new TStatus(TStatusCode.SUCCESS_STATUS));
        r.setOperationState(TOperationState.ERROR_STATE);
        r.setSqlState("42501");
        r.setErrorCode(0);
        r.setErrorMessage("org.apache.hive.service.cli.HiveSQLException: Error running query: " + serverText
                + "\n\tat org.apache.spark.sql.hive.thriftserver.HiveThriftServerErrors$.runningQueryError(HiveThriftServerErrors.scala:49)"
                + "\n\tat org.apache.spark.sql.hive.thriftserver.SparkExecuteStatementOperation.execute(SparkExecuteStatementOperation.scala:800)");
        r.setDisplayMessage(serverText);
        r.setErrorDetailsJson("{\"errorClass\":\"X\",\"sqlState\":\"42501\"}");
        return r;
    }

    /** The message the driver builds for a failed statement: the real struct's toString inside. */
    static String thriftWrapper(String serverText) {
        return "Operation failed with error: [no error details from server] for statement "
                + "[01ef7a6c-0000-1111-2222-333344445555], with response [" + response(serverText) + "]";
    }
}
