package dev.retlsetup.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.diagnose.Remediation;
import java.io.UncheckedIOException;

/** The {@code test --json} contract: {ok, principal, catalogKind, checks[]}. */
public final class ConnectionTestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConnectionTestJson() {
    }

    public static ObjectNode tree(ConnectionTestReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ok", report.ok());
        root.put("principal", report.principal());
        root.put("catalogKind", report.catalogKind() == null ? null : report.catalogKind().name());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : report.checks()) {
            ObjectNode check = checks.addObject();
            check.put("id", result.id());
            check.put("title", result.title());
            check.put("status", result.status().jsonName());
            check.put("millis", result.millis());
            check.put("category", result.category() == null ? null : result.category().name());
            check.put("detail", result.detail());
            Remediation remediation = result.remediation();
            if (remediation == null) {
                check.putNull("remediation");
            } else {
                ObjectNode fix = check.putObject("remediation");
                remediation.steps().forEach(fix.putArray("steps")::add);
                remediation.sql().forEach(fix.putArray("sql")::add);
                if (!remediation.alternative().isEmpty()) {
                    remediation.alternative().forEach(fix.putArray("alternativeSql")::add);
                }
            }
        }
        if (!report.leftovers().isEmpty()) {
            // Only when something stayed behind, so a clean run's JSON keeps its shape.
            ArrayNode leftovers = root.putArray("leftovers");
            for (Leftover leftover : report.leftovers()) {
                ObjectNode item = leftovers.addObject();
                item.put("name", leftover.name());
                item.put("drop", leftover.dropStatement());
                item.put("reason", leftover.reason());
            }
        }
        return root;
    }

    public static String write(ConnectionTestReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
