package dev.retlsetup.diagnose;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Titles, explanations and step templates per category, from {@code dev/retlsetup/diagnose/messages.properties}. */
public final class Explanations {

    private final ResourceBundle bundle;

    public Explanations() {
        this(Locale.ROOT);
    }

    public Explanations(Locale locale) {
        this.bundle = Messages.DIAGNOSE.in(locale).bundle();
    }

    /** A short title, e.g. "Missing permission: USE SCHEMA". */
    public String title(Category category) {
        return fill(bundle.getString(category.name() + ".title"), Map.of());
    }

    /**
     * The one line a failing check shows: the real cause in plain words (no HTTP codes, no state words), with the
     * object the error names; the category's title when the error names none.
     */
    public String headline(Diagnosis diagnosis) {
        String key = diagnosis.category().name() + ".headline";
        if (!bundle.containsKey(key)) {
            return title(diagnosis.category());
        }
        String template = bundle.getString(key);
        String object = diagnosis.firstObject();
        if (object == null && (uses(template, "object") || uses(template, "catalog"))) {
            return title(diagnosis.category());
        }
        return object == null ? template : fill(template, Map.of("object", object,
                "catalog", SqlIdentifiers.parts(object).isEmpty() ? object : SqlIdentifiers.parts(object).get(0)));
    }

    /** A text of the bundle by its key (for notes that belong to no one category). */
    String text(String key) {
        return bundle.getString(key); // a pattern: callers fill it (or show it when it has no placeholder)
    }

    /**
     * What it means, in plain words, with the diagnosis' object filled in; first, when a tool
     * wrapped the error, which tool it was and what it reported (code, HTTP status, inner message);
     * last, when the text was too long to read whole, how much was not read.
     */
    public String explanation(Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder();
        String reported = reported(diagnosis.wrapper());
        if (reported != null) {
            out.append(reported).append(' ');
        }
        out.append(meaningOf(diagnosis));
        if (diagnosis.charactersNotRead() > 0) {
            out.append(' ').append(fill(bundle.getString("explanation.cut"),
                    Map.of("count", String.format(Locale.ROOT, "%,d", diagnosis.charactersNotRead()))));
        }
        return out.toString();
    }

    /**
     * What it means and nothing about the tool that reported it (the wizard shows that under what came back), plus
     * how much of an over-long text was not read.
     */
    public String meaning(Diagnosis diagnosis) {
        String meant = meaningOf(diagnosis);
        if (diagnosis.charactersNotRead() > 0) {
            meant = meant + ' ' + fill(bundle.getString("explanation.cut"),
                    Map.of("count", String.format(Locale.ROOT, "%,d", diagnosis.charactersNotRead())));
        }
        return meant;
    }

    /** "The JDBC driver (Simba) reported error 500593, HTTP status 403: …", or null without a wrapper. */
    public String reported(Wrapper wrapper) {
        if (wrapper == null) {
            return null;
        }
        String tool;
        try {
            tool = bundle.getString("wrapper.tool." + wrapper.tool());
        } catch (MissingResourceException e) {
            return null;
        }
        StringBuilder details = new StringBuilder();
        if (wrapper.vendorCode() != null) {
            details.append(fill(bundle.getString("wrapper.code"), Map.of("code", wrapper.vendorCode())));
        }
        if (wrapper.httpStatus() != null) {
            details.append(fill(bundle.getString("wrapper.status"), Map.of("status", String.valueOf(wrapper.httpStatus()))));
        }
        String inner = wrapper.innerMessage() == null ? "" : fill(bundle.getString("wrapper.inner"),
                Map.of("inner", wrapper.innerMessage()));
        return fill(bundle.getString("wrapper.reported"), Map.of("tool", tool, "details", details.toString(),
                "inner", inner));
    }

    private String meaningOf(Diagnosis diagnosis) {
        String object = diagnosis.firstObject();
        String privilegeOn = "";
        if (diagnosis.privilege() != null) {
            privilegeOn = " (" + diagnosis.privilege() + (object == null ? "" : " on " + object) + ")";
        }
        String catalog = object == null ? "the catalog" : SqlIdentifiers.parts(object).get(0);
        return fill(bundle.getString(diagnosis.category().name() + ".explanation"), Map.of(
                "object", object == null ? "named in the error" : object,
                "privilegeOn", privilegeOn,
                "catalog", catalog,
                "managed", object == null ? SourceSettings.MANAGED_SCHEMA
                        : SqlIdentifiers.normalize(catalog) + "." + SourceSettings.MANAGED_SCHEMA));
    }

    /** The step templates of a category, in order, placeholders unfilled. */
    List<String> stepTemplates(Category category) {
        List<String> steps = new ArrayList<>();
        for (int n = 1; ; n++) {
            try {
                steps.add(bundle.getString(category.name() + ".step." + n));
            } catch (MissingResourceException e) {
                return steps;
            }
        }
    }

    /**
     * The names of the values a text of this bundle may use, in the order of their MessageFormat index: the bundle
     * writes {@code {0}} for the object, {@code {1}} for the principal, and so on (its header lists them).
     */
    static final List<String> PLACEHOLDERS = List.of("object", "principal", "catalog", "managed", "privilegeOn",
            "alt", "objects", "placeholders", "placeholder", "code", "status", "inner", "tool", "details", "count",
            "check", "headline", "host", "schema", "warehouse", "when");

    /** Whether {@code template} uses the value {@code name}. */
    static boolean uses(String template, String name) {
        return template.contains("{" + PLACEHOLDERS.indexOf(name) + "}");
    }

    /**
     * Formats a text of this bundle (a MessageFormat pattern, as every bundle of the app) with named values; a
     * value that is not given stays visible as its name in braces. MessageFormat fills in one pass, so a value that
     * itself contains braces (an error text quoted into the explanation) is never filled again.
     */
    static String fill(String template, Map<String, String> values) {
        Object[] args = new Object[PLACEHOLDERS.size()];
        for (int i = 0; i < args.length; i++) {
            String name = PLACEHOLDERS.get(i);
            args[i] = values.getOrDefault(name, "{" + name + "}");
        }
        try {
            return new java.text.MessageFormat(template, Locale.ROOT).format(args);
        } catch (IllegalArgumentException e) {
            return template;
        }
    }
}
