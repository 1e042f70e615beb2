package dev.retlsetup.ui.steps;

import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.controls.CheckRow;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;

/**
 * What the Test page offers besides the checklist: a picker for a failure a list can fix ("Pick a
 * warehouse" on WAREHOUSE_NOT_FOUND or access denied, "Pick a catalog" on a missing catalog or schema),
 * and after a run the expiry of the secret in use, read as the signed-in admin, else as the principal.
 */
public final class TestStepOffers {
    private final SourceForm form;
    private final ListAccess access;
    private final SecretExpiryNotice expiry;
    private final BooleanBinding warehouseOffered;
    private final BooleanBinding catalogOffered;
    private Consumer<PickOffer> pick = offer -> { };

    /** @param access null when no list can be read (plain unit tests): nothing is offered */
    TestStepOffers(SourceForm form, Background background, ListAccess access, ObservableList<CheckRow> rows,
                   ReadOnlyObjectProperty<ConnectionTestReport> lastReport) {
        this.form = form;
        this.access = access;
        this.expiry = new SecretExpiryNotice(background);
        this.warehouseOffered = offered(rows, lastReport, PickOffer.WAREHOUSE);
        this.catalogOffered = offered(rows, lastReport, PickOffer.CATALOG);
        lastReport.addListener((obs, old, report) -> readExpiry(report));
        if (access != null) {
            // An admin who signs in after the run may read what the principal could not.
            access.adminProperty().addListener((obs, old, now) -> readExpiry(lastReport.get()));
        }
    }

    private BooleanBinding offered(ObservableList<CheckRow> rows, ReadOnlyObjectProperty<ConnectionTestReport> report,
                                   PickOffer offer) {
        return Bindings.createBooleanBinding(() -> access != null && report.get() != null && rows.stream()
                .anyMatch(r -> r.state() == CheckRow.State.FAILED && r.result() != null
                        && PickOffer.of(r.result().category()).orElse(null) == offer), rows, report);
    }

    /** True when a failure of the last run is one the warehouse list helps with. */
    public BooleanBinding warehouseOfferedProperty() {
        return warehouseOffered;
    }

    /** True when a failure of the last run is one the catalog and schema lists help with. */
    public BooleanBinding catalogOfferedProperty() {
        return catalogOffered;
    }

    public SecretExpiryNotice expiry() {
        return expiry;
    }

    /** The wizard says where a pick leads (the page, with its list open). */
    public void onPick(Consumer<PickOffer> handler) {
        this.pick = handler;
    }

    public void pick(PickOffer offer) {
        pick.accept(offer);
    }

    /** After a finished run in which the principal signed in (or with an admin signed in): read the expiry. */
    private void readExpiry(ConnectionTestReport report) {
        if (access == null || report == null || !report.finished()) {
            expiry.clear();
            return;
        }
        boolean signedIn = report.checks().stream().anyMatch(c -> c.id().equals("oauth")
                && c.status() == CheckStatus.PASSED);
        Optional<dev.retlsetup.admin.WorkspaceLists> lists = signedIn || access.adminSignedIn()
                ? access.open() : Optional.empty();
        expiry.read(lists, form.settings().clientId(), Instant::now);
    }
}
