package dev.retlsetup.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.diagnose.Remediation;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The {@code model --json} contract: {ok, tables, columns, preview, key, checks}. Table names are
 * fully qualified and lower case; preview values keep their JSON type (string, number, boolean, null).
 */
public final class ModelReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelReportJson() {
    }

    public static ObjectNode tree(ModelReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ok", report.ok());
        ArrayNode tables = root.putArray("tables");
        for (TableAccess t : report.tables()) {
            ObjectNode table = tables.addObject();
            table.put("name", t.name().fullName());
            table.put("readable", t.readable());
            table.put("category", t.category() == null ? null : t.category().name());
            remediation(table, t.remediation());
        }
        ArrayNode columns = root.putArray("columns");
        for (ColumnInfo c : report.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type());
        }
        if (report.preview() == null) {
            root.putNull("preview");
        } else {
            ObjectNode preview = root.putObject("preview");
            report.preview().columnNames().forEach(preview.putArray("columns")::add);
            ArrayNode rows = preview.putArray("rows");
            for (var row : report.preview().rows()) {
                ArrayNode values = rows.addArray();
                for (Object v : row) {
                    value(values, v);
                }
            }
        }
        KeyStats k = report.key();
        if (k == null) {
            root.putNull("key");
        } else {
            ObjectNode key = root.putObject("key");
            key.put("column", k.column());
            key.put("rows", k.rows());
            key.put("distinct", k.distinct());
            key.put("nulls", k.nulls());
            key.put("unique", k.unique());
            ArrayNode duplicates = key.putArray("duplicates");
            k.duplicates().forEach(d -> duplicates.addObject().put("value", d.value()).put("count", d.count()));
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : report.checks()) {
            ObjectNode check = checks.addObject();
            check.put("id", result.id());
            check.put("title", result.title());
            check.put("status", result.status().jsonName());
            check.put("millis", result.millis());
            check.put("category", result.category() == null ? null : result.category().name());
            check.put("detail", result.detail());
            remediation(check, result.remediation());
        }
        return root;
    }

    public static String write(ModelReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remediation(ObjectNode node, Remediation remediation) {
        if (remediation == null) {
            node.putNull("remediation");
            return;
        }
        ObjectNode fix = node.putObject("remediation");
        remediation.sql().forEach(fix.putArray("sql")::add);
        remediation.steps().forEach(fix.putArray("steps")::add);
    }

    private static void value(ArrayNode values, Object v) {
        if (v == null) {
            values.addNull();
        } else if (v instanceof Boolean b) {
            values.add(b);
        } else if (v instanceof Long l) {
            values.add(l);
        } else if (v instanceof Integer i) {
            values.add(i);
        } else if (v instanceof Short s) {
            values.add(s);
        } else if (v instanceof Double d) {
            values.add(d);
        } else if (v instanceof Float f) {
            values.add(f);
        } else if (v instanceof BigDecimal b) {
            values.add(b);
        } else {
            values.add(v.toString());
        }
    }
}
