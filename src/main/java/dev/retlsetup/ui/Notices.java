package dev.retlsetup.ui;

import dev.retlsetup.i18n.Messages;
import java.util.List;

/** Small helpers for the "what was filled" notices. */
final class Notices {
    private Notices() {
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + Messages.UI.text("notice.and") + " "
                + items.get(items.size() - 1);
    }
}
