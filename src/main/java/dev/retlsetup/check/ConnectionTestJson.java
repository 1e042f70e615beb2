package dev.retlsetup.check;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.diagnose.Remediation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The {@code test --json} contract: {ok, principal, catalogKind, checks[]}. Written with Jackson's
 * streaming generator, so {@code test --json} does not pay for loading the data-binding layer; the
 * tree form (for reports that embed it) is read back from that one text, so both have one shape.
 */
public final class ConnectionTestJson {
    private ConnectionTestJson() {
    }

    public static ObjectNode tree(ConnectionTestReport report) {
        try {
            return (ObjectNode) TreeReader.MAPPER.readTree(write(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as indented JSON. */
    public static String write(ConnectionTestReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonFields.FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeBooleanField("ok", report.ok());
            json.writeStringField("principal", report.principal());
            json.writeStringField("catalogKind", report.catalogKind() == null ? null : report.catalogKind().name());
            json.writeArrayFieldStart("checks");
            for (CheckResult result : report.checks()) {
                writeCheck(json, result);
            }
            json.writeEndArray();
            if (!report.leftovers().isEmpty()) {
                // Only when something stayed behind, so a clean run's JSON keeps its shape.
                json.writeArrayFieldStart("leftovers");
                for (Leftover leftover : report.leftovers()) {
                    json.writeStartObject();
                    json.writeStringField("name", leftover.name());
                    json.writeStringField("drop", leftover.dropStatement());
                    json.writeStringField("reason", leftover.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeCheck(JsonGenerator json, CheckResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", result.id());
        json.writeStringField("title", result.title());
        json.writeStringField("status", result.status().jsonName());
        json.writeNumberField("millis", result.millis());
        json.writeStringField("category", result.category() == null ? null : result.category().name());
        json.writeStringField("detail", result.detail());
        Remediation remediation = result.remediation();
        if (remediation == null) {
            json.writeNullField("remediation");
        } else {
            json.writeObjectFieldStart("remediation");
            json.writeArrayFieldStart("steps");
            for (String step : remediation.steps()) {
                json.writeString(step);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sql");
            for (String sql : remediation.sql()) {
                json.writeString(sql);
            }
            json.writeEndArray();
            if (!remediation.alternative().isEmpty()) {
                json.writeArrayFieldStart("alternativeSql");
                for (String sql : remediation.alternative()) {
                    json.writeString(sql);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** The data-binding layer, loaded only when a tree is asked for. */
    private static final class TreeReader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
