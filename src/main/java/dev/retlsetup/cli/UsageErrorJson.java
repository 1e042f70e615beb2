package dev.retlsetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * With {@code --json}, a command that cannot run still prints one JSON object on standard output, so a script
 * always gets JSON: {@code {"error": {"kind": "usage", "message": "..."}, "exitCode": 2}}.
 */
final class UsageErrorJson {
    static final String JSON = "--json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UsageErrorJson() {
    }

    /** True when the arguments ask for JSON output (the flag itself, not a value written {@code --opt=--json}). */
    static boolean wanted(List<String> args) {
        return args.contains(JSON);
    }

    /** The error object; {@code kind} is "usage" (wrong arguments) or "config" (an unusable profile or source). */
    static String of(String kind, String message, int exitCode) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("kind", kind);
        error.put("message", message);
        root.put("exitCode", exitCode);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
