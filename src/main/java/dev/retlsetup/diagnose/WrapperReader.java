package dev.retlsetup.diagnose;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the wrapper a tool puts around an error (a driver's vendor code, a connector's
 * "Error during request to server", Terraform's "Error: cannot read …", an HTML page) and digs
 * out the vendor code, the HTTP status and the inner message. One ordered table, first match
 * wins; every pattern is bounded so that no input can make it recurse or backtrack for long.
 */
final class WrapperReader {
    /** Texts longer than this are only searched in their first part: wrappers come first. */
    private static final int HEAD = 16_000;
    private static final int INNER_MAX = 300;

    private record Tool(String key, Pattern pattern) {
    }

    private static final List<Tool> TOOLS = List.of(
            tool("html", "(?i)<!doctype html|<html[\\s>]"),
            tool("odbc", "\\[(?:Simba|Databricks|Microsoft)\\]\\[(?:Hardy|ThriftExtension|DriverSupport|SparkODBC|ODBC|DSI)"
                    + "|(?i:ODBC (?:failed with error|emitted an error)|\\bODBC: ERROR\\b)"),
            tool("jdbc-simba", "\\[(?:Simba|Databricks)\\]\\[(?:Spark|Databricks)?JDBC(?:Driver)?\\]"
                    + "|Databricks JDBCDriver \\(\\d{3,7}\\)|com\\.simba\\.spark|com\\.databricks\\.client\\."),
            tool("jdbc-oss", "com\\.databricks\\.jdbc\\.|DatabricksSQLException|DatabricksHttpException"
                    + "|Operation failed with error: \\[|TGetOperationStatusResp\\("),
            tool("dbt", "(?i)Runtime Error|Database Error|Databricks adapter:|\\bdbt\\d{3,4}\\b"),
            tool("adbc", "ADBC error|AdbcException|An unexpected error occurred while opening the session"),
            tool("python", "databricks\\.sql\\.exc\\.|Error during request to server|databricks\\.sql\\.thrift_backend"
                    + "|\\bServerOperationError\\b"),
            tool("node", "THTTPException|@databricks/sql|HttpConnection\\.responseCallback"),
            tool("go", "databricks: (?:driver|request|execution) error|driver: bad connection"),
            tool("spark-connect", "SparkConnectGrpcException|pyspark\\.errors\\.exceptions\\.connect"),
            tool("terraform", "(?m)^[│|>\\s]*Error: cannot [a-z]{3,12} [a-z _]{2,40}:|terraform apply|\\bbundle\\.tf\\.json\\b"),
            tool("sdk", "default auth:|databricks\\.sdk|Config: host=|databricks-sdk-go|\\bDatabricksError\\b"));

    private static final Pattern VENDOR_CODE = Pattern.compile(
            "\\]\\s?\\((\\d{2,7})\\)|JDBCDriver \\((\\d{3,7})\\)|Native error: (\\d{1,7})|\\[(?:[\\w ]{1,30})\\] \\((\\d{1,7})\\)");
    private static final Pattern HTTP_STATUS = Pattern.compile(
            "(?i)HTTP Response code: (\\d{3})|\"http-code\": ?(\\d{3})|status code(?: does not indicate success)?:? (\\d{3})"
                    + "|statusCode: (\\d{3})|HTTP/\\d(?:\\.\\d)? (\\d{3})|HTTP ERROR (\\d{3})|Response from server \\((\\d{3})\\)"
                    + "|\\(HTTP (\\d{3})\\)|failed by code: (\\d{3})|[\"']error_code[\"']: ?(\\d{3})\\b|\\b(\\d{3}) (?:Client Error|Server Error)"
                    + "|<title>(?:Error )?(\\d{3})\\b|HTTP error (\\d{3})|unexpected HTTP status (\\d{3})|\\b(\\d{3}) \\((?:Unauthorized|Forbidden|Not Found|Bad Gateway"
                    + "|Service Unavailable|Gateway Timeout)\\)");
    /** Where a wrapper puts the message it carries; group 1 is the message. */
    private static final Pattern INNER = Pattern.compile(
            "(?i)Error message from Server: ([^\\n]{1," + INNER_MAX + "})"
                    + "|Reason: ([^\\n]{1," + INNER_MAX + "})"
                    + "|Error during request to server:? ([^\\n]{1," + INNER_MAX + "})"
                    + "|Error: cannot [a-z]{3,12} [a-z _]{2,40}: ([^\\n]{1," + INNER_MAX + "})"
                    + "|<title>([^<\\n]{1," + INNER_MAX + "})</title>"
                    + "|Message: ([^\\n]{1," + INNER_MAX + "})"
                    + "|default auth: ([^\\n]{1," + INNER_MAX + "})"
                    // the Go driver: the server's words after the request it made, or after the failed query
                    + "|open session request error: Post (?:\"[^\"\\n]{1,300}+\"|\\S{1,300}?): ([^\\n]{1," + INNER_MAX + "})"
                    + "|failed to execute query:\\s{0,4}([^\\n]{1," + INNER_MAX + "})"
                    + "|SparkConnectGrpcException: ([^\\n]{1," + INNER_MAX + "})");

    private WrapperReader() {
    }

    private static Tool tool(String key, String regex) {
        return new Tool(key, Pattern.compile(regex));
    }

    /** The wrapper around the text, or null when the text is a bare server message. */
    static Wrapper read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        String key = null;
        for (Tool tool : TOOLS) {
            if (tool.pattern().matcher(head).find()) {
                key = tool.key();
                break;
            }
        }
        if (key == null) {
            return null;
        }
        String code = firstGroup(VENDOR_CODE.matcher(head));
        String status = firstGroup(HTTP_STATUS.matcher(head));
        String inner = firstGroup(INNER.matcher(head));
        return new Wrapper(key, code, status == null ? null : Integer.valueOf(status), inner == null ? null : tidy(inner));
    }

    private static String firstGroup(Matcher m) {
        if (!m.find()) {
            return null;
        }
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return null;
    }

    private static String tidy(String inner) {
        String s = inner.strip();
        if (s.endsWith(",") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
