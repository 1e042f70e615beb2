package dev.retlsetup.diagnose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digs the server's own text out of the driver's wrapper. A failed statement over Thrift surfaces
 * as {@code Operation failed with error: [no error details from server] for statement [...], with
 * response [TGetOperationStatusResp(... errorMessage:<Java exception + stack>, ...,
 * displayMessage:<TEXT>, diagnosticInfo:..., errorDetailsJson:...)]}: the display message is the
 * text meant for people; the error message (without its stack trace) is the fallback.
 */
final class DriverText {
    /** Fields the generated Thrift struct prints after errorMessage / displayMessage (driver 3.4.5). */
    private static final String NEXT_FIELD = ", (?:taskStatus|operationStarted|operationCompleted|hasResultSet"
            + "|progressUpdateResponse|numModifiedRows|displayMessage|diagnosticInfo|errorDetailsJson"
            + "|responseValidation|idempotencyType|statementTimeout|statementTimeoutLevel):";
    private static final Pattern DISPLAY = Pattern.compile(
            "displayMessage:(.*?)(?=" + NEXT_FIELD + "|\\)\\]|\\)\\s*$|\\z)", Pattern.DOTALL);
    private static final Pattern ERROR = Pattern.compile(
            "errorMessage:(.*?)(?=\\r?\\n\\s*at |" + NEXT_FIELD + "|\\)\\]|\\)\\s*$|\\z)", Pattern.DOTALL);
    /** Leading Java exception names and the Hive "Error running query:" prefix. */
    private static final Pattern JAVA_PREFIX = Pattern.compile(
            "^(?:(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error):\\s*|Error running query:\\s*)+");

    private DriverText() {
    }

    /** The server's text if the input contains the driver's Thrift wrapper, else null. */
    static String serverText(String text) {
        if (text == null || !text.contains("TGetOperationStatusResp") && !text.contains("displayMessage:")
                && !text.contains("errorMessage:")) {
            return null;
        }
        String display = first(DISPLAY, text);
        if (display != null && !display.isBlank() && !display.strip().equals("null")) {
            return display.strip();
        }
        String error = first(ERROR, text);
        if (error != null && !error.isBlank() && !error.strip().equals("null")) {
            return JAVA_PREFIX.matcher(error.strip()).replaceFirst("");
        }
        return null;
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
