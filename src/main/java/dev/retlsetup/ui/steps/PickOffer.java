package dev.retlsetup.ui.steps;

import dev.retlsetup.diagnose.Category;
import dev.retlsetup.ui.WizardStep;
import java.util.Optional;

/** Which picker a failed check points to, and the page it lives on. */
public enum PickOffer {
    /** The HTTP path names no warehouse this principal may use: pick one from the list. */
    WAREHOUSE(WizardStep.CONNECTION),
    /** The catalog or a schema does not exist (or is not visible): pick from what is there. */
    CATALOG(WizardStep.WAREHOUSE);

    private final WizardStep step;

    PickOffer(WizardStep step) {
        this.step = step;
    }

    public WizardStep step() {
        return step;
    }

    /** The picker that helps with a failure of this category, if one does. */
    public static Optional<PickOffer> of(Category category) {
        if (category == null) {
            return Optional.empty();
        }
        return switch (category) {
            case WAREHOUSE_NOT_FOUND, WAREHOUSE_ACCESS_DENIED -> Optional.of(WAREHOUSE);
            case CATALOG_NOT_FOUND, SCHEMA_NOT_FOUND -> Optional.of(CATALOG);
            default -> Optional.empty();
        };
    }
}
