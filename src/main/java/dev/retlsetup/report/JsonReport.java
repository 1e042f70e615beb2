package dev.retlsetup.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestJson;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.source.SourceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as JSON: the {@code test --json} object plus {@code settings} (never the secret), {@code sourceName},
 * {@code demoScenario} (both {@code null} when unknown), {@code generatedAt}, {@code appVersion} and
 * {@code driverVersion}. Every string is masked with the secret as a last line of defence.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String appVersion;
    private final String driverVersion;

    JsonReport(String appVersion, String driverVersion) {
        this.appVersion = appVersion;
        this.driverVersion = driverVersion;
    }

    String render(ConnectionTestReport report, ReportSubject subject, Instant generated) {
        SourceSettings s = subject.settings();
        ObjectNode root = ConnectionTestJson.tree(report);
        ObjectNode settings = root.putObject("settings");
        settings.put("host", s.host());
        settings.put("httpPath", s.httpPath());
        if (s.port() > 0) {
            settings.put("port", s.port());
        } else {
            settings.putNull("port");
        }
        settings.put("clientId", s.clientId());
        settings.put("catalog", s.catalog());
        ArrayNode schemas = settings.putArray("schemas");
        s.schemas().forEach(schemas::add);
        root.put("sourceName", subject.sourceName());
        root.put("demoScenario", subject.demoScenario());
        root.put("generatedAt", generated.toString());
        root.put("appVersion", appVersion);
        root.put("driverVersion", driverVersion);
        mask(root, s.secret());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void mask(JsonNode node, String secret) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, new TextNode(SecretMasker.mask(child.asText(), secret)));
                } else {
                    mask(child, secret);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, new TextNode(SecretMasker.mask(child.asText(), secret)));
                } else {
                    mask(child, secret);
                }
            }
        }
    }
}
