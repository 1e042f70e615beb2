package dev.retlsetup.source;

import dev.retlsetup.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The catalog and the schemas: Unity Catalog identifiers, without backticks, in lower case. */
final class IdentifierRules {
    private static final int MAX_IDENTIFIER = 255;
    private static final int MAX_ECHOED = 60;

    private IdentifierRules() {
    }

    // ------------------------------------------------------------------ catalog

    static String normalizeCatalog(String raw) {
        return Fixpoint.of(raw, value -> unbacktick(value).toLowerCase(Locale.ROOT));
    }

    static FieldResult<String> catalog(String raw) {
        String s = normalizeCatalog(raw);
        List<Finding> findings = new ArrayList<>();
        if (s.isEmpty()) {
            return new FieldResult<>(null, s, findings);
        }
        if (s.indexOf('.') >= 0) {
            findings.add(Finding.error(Field.CATALOG, "catalog.hasDot"));
        } else if (s.length() > MAX_IDENTIFIER) {
            findings.add(Finding.error(Field.CATALOG, "catalog.tooLong"));
        } else {
            String bad = firstInvalidIdentifierChar(s);
            if (bad != null) {
                findings.add(Finding.error(Field.CATALOG, "catalog.invalid", bad));
            } else {
                if (s.indexOf('-') >= 0) {
                    findings.add(Finding.warning(Field.CATALOG, "catalog.hyphen"));
                }
                if (s.equals(SourceSettings.HIVE_METASTORE)) {
                    findings.add(Finding.warning(Field.CATALOG, "catalog.hiveMetastore"));
                }
            }
        }
        return new FieldResult<>(Finding.anyError(findings) ? null : s, s, findings);
    }

    // ------------------------------------------------------------------ schemas

    /** Every item cleaned, duplicates dropped, written back as one list. */
    static String normalizeSchemas(String raw) {
        return Fixpoint.of(raw, value -> SchemaList.join(cleanItems(value)));
    }

    static FieldResult<List<String>> schemas(String raw) {
        String normalized = normalizeSchemas(raw);
        List<String> items = cleanItems(normalized);
        List<Finding> findings = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        boolean hyphen = false;
        boolean hive = false;
        boolean managed = false;
        if (items.isEmpty()) {
            findings.add(Finding.error(Field.SCHEMAS, "schemas.required"));
        }
        for (String item : items) {
            String[] parts = item.split("\\.", -1);
            if (parts.length > 2) {
                findings.add(Finding.error(Field.SCHEMAS, "schemas.tooManyParts", shorten(item),
                        shorten(parts[0] + "." + parts[1])));
                continue;
            }
            String problem = null;
            for (String part : parts) {
                if (part.isEmpty()) {
                    problem = "schemas.emptyPart";
                } else if (part.length() > MAX_IDENTIFIER) {
                    problem = "schemas.tooLong";
                } else if (firstInvalidIdentifierChar(part) != null) {
                    findings.add(Finding.error(Field.SCHEMAS, "schemas.invalid", shorten(item),
                            firstInvalidIdentifierChar(part)));
                    problem = "";
                }
                if (problem != null) {
                    break;
                }
            }
            if (problem != null) {
                if (!problem.isEmpty()) {
                    findings.add(Finding.error(Field.SCHEMAS, problem, shorten(item)));
                }
                continue;
            }
            valid.add(item);
            hyphen |= item.indexOf('-') >= 0;
            hive |= parts.length == 2 && parts[0].equals(SourceSettings.HIVE_METASTORE);
            managed |= parts[parts.length - 1].equals(SourceSettings.MANAGED_SCHEMA);
        }
        if (hyphen) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.hyphen"));
        }
        if (hive) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.hiveMetastore"));
        }
        if (managed) {
            findings.add(Finding.warning(Field.SCHEMAS, "schemas.managedSchema"));
        }
        return new FieldResult<>(Finding.anyError(findings) ? null : List.copyOf(valid), normalized, findings);
    }

    /** The items of {@code typed}, each cleaned; empty ones and duplicates dropped, first occurrence kept. */
    private static List<String> cleanItems(String typed) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : SchemaList.split(typed)) {
            String cleaned = cleanItem(item);
            if (!cleaned.isEmpty()) {
                items.add(cleaned);
            }
        }
        return new ArrayList<>(items);
    }

    /** Each dot-separated part without backticks, in lower case. */
    private static String cleanItem(String item) {
        String[] parts = item.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(unbacktick(parts[i]).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ shared

    private static String unbacktick(String value) {
        String s = Text.clean(value);
        while (s.length() >= 2 && s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`') {
            s = Text.clean(s.substring(1, s.length() - 1));
        }
        return s;
    }

    /** The first character that cannot be in a catalog or schema name, as text; {@code null} if none. */
    static String firstInvalidIdentifierChar(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-')) {
                if (Text.isSpaceOrInvisible((char) cp) || Character.isISOControl(cp)) {
                    return Messages.SOURCE.text("char.space");
                }
                return "“" + new String(Character.toChars(cp)) + "”";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** What was typed, cut to fit in a message. */
    private static String shorten(String s) {
        return s.length() <= MAX_ECHOED ? s : s.substring(0, MAX_ECHOED - 3) + "…";
    }
}
