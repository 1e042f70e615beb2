package dev.retlsetup.admin;

import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of a set-up from scratch, in the order they can run: the service principal (with the
 * SQL entitlement), its secret, CAN USE on the warehouse, then the GRANTs in each catalog's dialect
 * (Unity Catalog, or the legacy table ACLs of {@code hive_metastore}), naming the principal that
 * does not exist yet by {@link FixStep#NEW_APPLICATION_ID}.
 */
final class SetupPlanner {
    private static final String SP = SqlIdentifiers.always(FixStep.NEW_APPLICATION_ID);

    private SetupPlanner() {
    }

    /** @throws IllegalArgumentException with a message for the user when a choice is missing or malformed */
    static FixPlan plan(SetupChoices choices) {
        if (choices.displayName().isEmpty()) {
            throw new IllegalArgumentException(Messages.ADMIN.text("setup.invalid.name"));
        }
        if (choices.warehouse() == null) {
            throw new IllegalArgumentException(Messages.ADMIN.text("setup.invalid.warehouse"));
        }
        if (SqlIdentifiers.parts(choices.catalog()).size() != 1) {
            throw new IllegalArgumentException(Messages.ADMIN.text("setup.invalid.catalog", choices.catalog()));
        }
        if (choices.readFrom().isEmpty()) {
            throw new IllegalArgumentException(Messages.ADMIN.text("setup.invalid.readFrom.empty"));
        }
        List<List<String>> reads = new ArrayList<>();
        for (String name : choices.readFrom()) {
            List<String> parts = SqlIdentifiers.parts(name);
            if (parts.isEmpty() || parts.size() > 3) {
                throw new IllegalArgumentException(Messages.ADMIN.text("setup.invalid.readFrom", name));
            }
            reads.add(parts);
        }
        String home = SqlIdentifiers.parts(choices.catalog()).get(0);

        List<FixStep> steps = new ArrayList<>();
        steps.add(FixStep.of(new FixStep.CreateServicePrincipal(choices.displayName()),
                Messages.ADMIN.text("setup.step.principal", choices.displayName())));
        steps.add(FixStep.of(new FixStep.CreateSecret(FixStep.NEW_SCIM_ID), Messages.ADMIN.text("setup.step.secret")));
        steps.add(FixStep.canUse(choices.warehouse().id(), FixStep.NEW_APPLICATION_ID,
                Messages.ADMIN.text("setup.step.canUse", choices.warehouse().name())));

        Set<String> catalogs = new LinkedHashSet<>();
        catalogs.add(home);
        reads.forEach(r -> catalogs.add(r.get(0)));
        Set<String> statements = new LinkedHashSet<>();
        for (String catalog : catalogs) {
            add(steps, statements, useCatalog(catalog), Messages.ADMIN.text("setup.step.useCatalog", catalog));
        }
        for (List<String> read : reads) {
            String shown = String.join(".", read);
            CatalogKind kind = CatalogKind.ofCatalog(read.get(0));
            String useSchema = kind == CatalogKind.HIVE_METASTORE ? "USAGE" : "USE SCHEMA";
            String select = kind == CatalogKind.HIVE_METASTORE ? "SELECT, READ_METADATA" : "SELECT";
            String fixes = Messages.ADMIN.text("setup.step.read", shown);
            switch (read.size()) {
                case 1 -> {
                    add(steps, statements, grant(useSchema, "CATALOG", read), fixes);
                    add(steps, statements, grant(select, "CATALOG", read), fixes);
                }
                case 2 -> {
                    add(steps, statements, grant(useSchema, "SCHEMA", read), fixes);
                    add(steps, statements, grant(select, "SCHEMA", read), fixes);
                }
                default -> {
                    add(steps, statements, grant(useSchema, "SCHEMA", read.subList(0, 2)), fixes);
                    add(steps, statements, grant(select, "TABLE", read), fixes);
                }
            }
        }
        String managed = SqlIdentifiers.qualified(home, SourceSettings.MANAGED_SCHEMA);
        if (choices.managedSchema() == SetupChoices.ManagedSchema.PRECREATE) {
            add(steps, statements, "CREATE SCHEMA IF NOT EXISTS " + managed + ";",
                    Messages.ADMIN.text("setup.step.precreate", managed));
            add(steps, statements, "GRANT ALL PRIVILEGES ON SCHEMA " + managed + " TO " + SP + ";",
                    Messages.ADMIN.text("setup.step.allOnManaged", managed));
        } else {
            String create = CatalogKind.ofCatalog(home) == CatalogKind.HIVE_METASTORE ? "CREATE" : "CREATE SCHEMA";
            add(steps, statements, grant(create, "CATALOG", List.of(home)),
                    Messages.ADMIN.text("setup.step.create", managed, home));
        }
        return new FixPlan(steps, List.of(), Set.of());
    }

    private static String useCatalog(String catalog) {
        String privilege = CatalogKind.ofCatalog(catalog) == CatalogKind.HIVE_METASTORE ? "USAGE" : "USE CATALOG";
        return grant(privilege, "CATALOG", List.of(catalog));
    }

    private static String grant(String privileges, String securable, List<String> name) {
        return "GRANT " + privileges + " ON " + securable + " " + SqlIdentifiers.qualified(name.toArray(String[]::new))
                + " TO " + SP + ";";
    }

    private static void add(List<FixStep> steps, Set<String> statements, String sql, String fixes) {
        if (statements.add(sql)) {
            steps.add(FixStep.sql(sql, fixes));
        }
    }
}
