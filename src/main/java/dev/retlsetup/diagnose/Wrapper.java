package dev.retlsetup.diagnose;

/**
 * What a tool wrapped around the real error: which tool reported it (a key of
 * {@code wrapper.tool.*} in the bundle), its own error code, the HTTP status it saw, and the
 * inner message it carried. Any part may be null except the tool.
 *
 * @param tool        {@code jdbc-simba}, {@code jdbc-oss}, {@code odbc}, {@code python}, {@code node},
 *                    {@code go}, {@code spark-connect}, {@code adbc}, {@code sdk}, {@code terraform}, {@code dbt} or {@code html}
 * @param vendorCode  the tool's own error code, e.g. {@code 500593} for the Simba JDBC driver
 * @param httpStatus  the HTTP status the tool reports, e.g. 403
 * @param innerMessage the message inside the wrapper, shortened to one line
 */
public record Wrapper(String tool, String vendorCode, Integer httpStatus, String innerMessage) {
}
