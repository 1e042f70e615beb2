package dev.retlsetup.diagnose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The .sql file saved for one failure: a header an admin can act on without asking back (which workspace and
 * warehouse, for which service principal, what it fixes, when it was written, how to run it), the statements,
 * and the alternative statements commented out, so running the file runs one fix, never both.
 */
public final class FixScript {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Where the fix applies.
     *
     * @param host the workspace hostname
     * @param warehouse the SQL warehouse (its ID, or the HTTP path when no ID can be read); nullable
     * @param principal the service principal's application ID; nullable (then the placeholder)
     */
    public record Target(String host, String warehouse, String principal) {
    }

    private final Explanations explanations;

    public FixScript() {
        this(new Explanations());
    }

    public FixScript(Explanations explanations) {
        this.explanations = explanations;
    }

    /**
     * @param check the failed check's title
     * @param headline what went wrong, in one line
     * @param fix the statements (and alternative) to run
     * @param when when the test that found it ran
     */
    public String text(Target target, String check, String headline, Remediation fix, Instant when) {
        String principal = blank(target.principal()) ? RemediationWriter.PRINCIPAL_PLACEHOLDER : target.principal();
        Map<String, String> vars = new HashMap<>();
        vars.put("check", oneLine(check));
        vars.put("headline", oneLine(headline));
        vars.put("host", blank(target.host()) ? "?" : oneLine(target.host()));
        vars.put("warehouse", blank(target.warehouse()) ? "?" : oneLine(target.warehouse()));
        vars.put("principal", oneLine(principal));
        vars.put("when", WHEN.format(when));
        List<String> out = new ArrayList<>();
        for (String key : List.of("fixScript.title", "fixScript.fixes", "fixScript.workspace", "fixScript.warehouse",
                "fixScript.principal", "fixScript.when", "fixScript.run", "fixScript.after")) {
            out.add("-- " + Explanations.fill(explanations.text(key), vars));
        }
        if (principal.equals(RemediationWriter.PRINCIPAL_PLACEHOLDER)) {
            out.add("-- " + explanations.text("fixScript.placeholder"));
        }
        out.add("");
        out.addAll(fix.sql());
        if (!fix.alternative().isEmpty()) {
            out.add("");
            out.add("-- " + explanations.text("fixScript.alternative"));
            fix.alternative().forEach(statement -> out.add("-- " + statement));
        }
        return SecretMasker.mask(String.join("\n", out) + "\n");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A value that cannot end the comment line early (a name with a line break would start SQL). */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
