package dev.retlsetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code explain --json} on every text of the error corpus gives the labelled category and names. */
class ExplainCorpusTest {
    @TestFactory
    Stream<DynamicTest> explainJsonGivesTheLabelledCategoryAndNames() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/dev/retlsetup/diagnose/error-corpus.jsonl");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    entries.add(mapper.readTree(line));
                }
            }
        }
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.get("source").asText(), () -> {
            ExplainFuzzTest.Result r = ExplainFuzzTest.explain(e.get("text").asText(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode out = mapper.readTree(r.out());
            List<String> accepted = new ArrayList<>();
            e.get("categories").forEach(c -> accepted.add(c.asText()));
            assertTrue(accepted.contains(out.get("category").asText()), out.get("category") + " not in " + accepted);
            List<String> objects = new ArrayList<>();
            out.get("objects").forEach(o -> objects.add(o.asText()));
            e.get("objects").forEach(o -> assertTrue(objects.contains(o.asText()), objects + " lacks " + o));
        }));
    }
}
