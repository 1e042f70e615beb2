package dev.retlsetup.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which result columns look like a unique identifier, best first ({@code id}, {@code *_id}, {@code uuid} ...). */
public final class KeyColumns {
    private static final int SHOWN = 5;

    private KeyColumns() {
    }

    public static List<String> suggest(List<ColumnInfo> columns) {
        return columns.stream()
                .filter(c -> score(c.name()) > 0)
                .sorted(Comparator.comparingInt((ColumnInfo c) -> -score(c.name())))
                .map(ColumnInfo::name).limit(SHOWN).toList();
    }

    private static int score(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("id")) {
            return 100;
        }
        if (n.equals("uuid") || n.equals("guid") || n.endsWith("_uuid")) {
            return 90;
        }
        if (n.endsWith("_id")) {
            return 80;
        }
        if (n.endsWith("id") && n.length() > 2) {
            return 70;
        }
        if (n.equals("key") || n.endsWith("_key")) {
            return 60;
        }
        if (n.equals("email")) {
            return 40;
        }
        return 0;
    }

    /** A column that says which row is the latest, to keep when deduplicating; null when none looks like one. */
    static String latestFirst(List<ColumnInfo> columns) {
        for (String wanted : List.of("updated_at", "modified_at", "last_modified", "updated", "created_at",
                "timestamp", "event_time")) {
            for (ColumnInfo c : columns) {
                if (c.name().equalsIgnoreCase(wanted)) {
                    return c.name();
                }
            }
        }
        return columns.stream().filter(c -> c.type() != null && c.type().toLowerCase(Locale.ROOT).startsWith("timestamp"))
                .map(ColumnInfo::name).findFirst().orElse(null);
    }
}
