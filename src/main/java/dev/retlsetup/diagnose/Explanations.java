package dev.retlsetup.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Titles, explanations and step templates per category, from {@code dev/retlsetup/diagnose/messages.properties}. */
public final class Explanations {
    static final String BUNDLE = "dev.retlsetup.diagnose.messages";

    private final ResourceBundle bundle;

    public Explanations() {
        this(Locale.ROOT);
    }

    public Explanations(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** A short title, e.g. "Missing permission: USE SCHEMA". */
    public String title(Category category) {
        return bundle.getString(category.name() + ".title");
    }

    /** What it means, in plain words, with the diagnosis' object filled in. */
    public String explanation(Diagnosis diagnosis) {
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
                "managed", object == null ? SetupScript.MANAGED_SCHEMA
                        : SqlIdentifiers.normalize(catalog) + "." + SetupScript.MANAGED_SCHEMA));
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

    /** Replaces {@code {name}} placeholders; unknown ones stay as they are. */
    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() != null) {
                out = out.replace("{" + e.getKey() + "}", e.getValue());
            }
        }
        return out;
    }
}
