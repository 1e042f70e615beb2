package dev.retlsetup.model;

/** One line of the model checklist, known before anything runs. */
public record ModelStep(String id, String title) {
    public static final String STATEMENT = "statement";
    public static final String SESSION = "session";
    public static final String TABLES = "tables";
    public static final String COMPILE = "compile";
    public static final String PREVIEW = "preview";
    public static final String KEY = "key";
}
