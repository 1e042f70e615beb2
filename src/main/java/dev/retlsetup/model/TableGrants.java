package dev.retlsetup.model;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.RemediationWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every GRANT one unreadable table needs, not only the one its error names. Databricks reports the
 * first gap (USE CATALOG, then USE SCHEMA, then SELECT); the privileges behind it could not be
 * tested, so they are granted too (granting one the principal holds already changes nothing), and
 * an admin fixes the table in one pass.
 */
final class TableGrants {
    private final RemediationWriter writer = new RemediationWriter();

    Remediation forTable(Diagnosis diagnosis, TableName table, String principal, String catalog) {
        CatalogKind kind = CatalogKind.ofCatalog(table.catalog());
        List<Diagnosis> needed = new ArrayList<>();
        needed.add(diagnosis);
        String schema = table.catalog() + "." + table.schema();
        switch (diagnosis.category()) {
            case MISSING_USE_CATALOG -> {
                needed.add(new Diagnosis(Category.MISSING_USE_SCHEMA, List.of(schema), "USE SCHEMA", ""));
                needed.add(new Diagnosis(Category.MISSING_SELECT, List.of(table.fullName()), "SELECT", ""));
            }
            case MISSING_USE_SCHEMA ->
                    needed.add(new Diagnosis(Category.MISSING_SELECT, List.of(table.fullName()), "SELECT", ""));
            default -> {
                // The error's own remediation is complete (SELECT, or the not-found grants).
            }
        }
        Set<String> sql = new LinkedHashSet<>();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < needed.size(); i++) {
            Remediation r = writer.write(needed.get(i), principal, kind, catalog);
            sql.addAll(r.sql());
            if (i == 0) {
                steps.addAll(r.steps());
            }
        }
        return new Remediation(steps, new ArrayList<>(sql));
    }

    /** One script for every unreadable table, each statement once, in the order the tables were read. */
    static Remediation combined(List<TableAccess> tables) {
        Set<String> sql = new LinkedHashSet<>();
        for (TableAccess t : tables) {
            if (!t.readable() && t.remediation() != null) {
                sql.addAll(t.remediation().sql());
            }
        }
        long unreadable = tables.stream().filter(t -> !t.readable()).count();
        List<String> steps = new ArrayList<>();
        steps.add(Messages.MODEL.text("model.tables.fix.step", unreadable));
        steps.add(Messages.MODEL.text("model.tables.fix.inherited"));
        return new Remediation(steps, new ArrayList<>(sql));
    }
}
