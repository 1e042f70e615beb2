package dev.retlsetup.check;

import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * "Copy for my admin": one failed (or noted) check as a message that stands on its own, for someone who never saw
 * the wizard: for which workspace, warehouse and service principal; what was tried and what came back (secrets
 * masked); what it means; what to do and the exact SQL. Plain text, so it pastes into mail, chat or a ticket.
 */
public final class AdminMessage {
    private AdminMessage() {
    }

    /**
     * @param settings the source the test ran on (its secret is masked wherever it appears)
     * @param principal the identity the queries ran as, when the test found it; else the settings' client ID
     */
    public static String text(CheckResult result, SourceSettings settings, String principal) {
        Messages m = Messages.CHECK;
        String who = principal != null && !principal.isBlank() ? principal : settings.clientId();
        List<String> out = new ArrayList<>();
        out.add(m.text("admin.intro"));
        out.add("");
        out.add(m.text("admin.workspace", orUnknown(settings.host())));
        String warehouse = settings.warehouseId() != null ? settings.warehouseId() : settings.httpPath();
        out.add(m.text("admin.warehouse", orUnknown(warehouse), orUnknown(settings.httpPath())));
        out.add(m.text("admin.principal", orUnknown(who)));
        out.add(m.text("admin.catalog", settings.catalog() == null || settings.catalog().isBlank()
                ? m.text("admin.catalog.default") : settings.catalog()));
        out.add("");
        out.add(m.text(result.status().isFailure() ? "admin.failed" : "admin.noted", result.title(),
                result.summary()));
        section(out, m.text("admin.tried"), result.tried());
        section(out, m.text("admin.answer"), result.raw());
        section(out, m.text("admin.meaning"), result.explanation());
        Remediation fix = result.remediation();
        if (fix != null && !fix.steps().isEmpty()) {
            out.add("");
            out.add(m.text("admin.steps"));
            for (int i = 0; i < fix.steps().size(); i++) {
                out.add("  " + (i + 1) + ". " + fix.steps().get(i));
            }
        }
        if (fix != null && !fix.sql().isEmpty()) {
            out.add("");
            out.add(m.text("admin.sql"));
            fix.sql().forEach(statement -> out.add("  " + statement));
        }
        if (fix != null && !fix.alternative().isEmpty()) {
            out.add("");
            out.add(m.text("admin.alternative"));
            fix.alternative().forEach(statement -> out.add("  " + statement));
        }
        out.add("");
        out.add(m.text("admin.closing"));
        return SecretMasker.mask(String.join("\n", out) + "\n", settings.secret());
    }

    private static void section(List<String> out, String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        out.add("");
        out.add(heading);
        for (String line : text.split("\\R")) {
            out.add("  " + line);
        }
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? Messages.CHECK.text("admin.unknown") : value;
    }
}
