package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.ui.FieldSupport;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.ui.controls.CheckRowView;
import java.io.File;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds the Test page: the live checklist, run / re-run / cancel, the verdict, and saving SQL. */
public final class TestStepController {
    private final TestStepViewModel viewModel;

    @FXML private VBox checklist;
    @FXML private Button runButton;
    @FXML private Button rerunFailedButton;
    @FXML private Button startWarehouseButton;
    @FXML private Button cancelTestButton;
    @FXML private Button fixAsAdminButton;
    @FXML private Label verdict;
    @FXML private Label saveStatus;
    @FXML private Label trustPathLabel;
    @FXML private TextField trustPathField;
    @FXML private Label trustPasswordLabel;
    @FXML private PasswordField trustPasswordField;
    @FXML private javafx.scene.layout.HBox offerRow;
    @FXML private Button offerWarehouseButton;
    @FXML private Button offerCatalogButton;
    @FXML private Label expiryNotice;

    private final CheckRowView.Actions actions = new CheckRowView.Actions() {
        @Override
        public String adminMessage(dev.retlsetup.check.CheckResult result) {
            return viewModel.adminMessage(result);
        }

        @Override
        public void saveFix(dev.retlsetup.check.CheckResult result) {
            saveSql(viewModel.fixScript(result), "segment-databricks-fix-" + result.id().replaceAll("[^A-Za-z0-9_.-]", "-")
                    + ".sql");
        }
    };

    public TestStepController(TestStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        runButton.textProperty().bind(Bindings.when(viewModel.hasRunProperty())
                .then(Messages.UI.text("test.rerunAll")).otherwise(Messages.UI.text("test.run")));
        runButton.disableProperty().bind(viewModel.runningProperty());
        rerunFailedButton.disableProperty().bind(viewModel.runningProperty());
        dev.retlsetup.ui.controls.Nodes.showWhen(rerunFailedButton, viewModel.anyFailedProperty());
        startWarehouseButton.disableProperty().bind(viewModel.runningProperty());
        var warehouseStopped = Bindings.createBooleanBinding(() -> viewModel.rows().stream()
                .anyMatch(r -> r.result() != null && r.id().equals("warehouse")
                        && r.result().category() == Category.WAREHOUSE_UNAVAILABLE), viewModel.rows());
        dev.retlsetup.ui.controls.Nodes.showWhen(startWarehouseButton, warehouseStopped);
        cancelTestButton.disableProperty().bind(viewModel.runningProperty().not());
        dev.retlsetup.ui.controls.Nodes.showWhen(fixAsAdminButton, Bindings.createBooleanBinding(viewModel::adminCanHelp, viewModel.runningProperty(),
                viewModel.lastReportProperty()));
        viewModel.rows().addListener((ListChangeListener<CheckRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved()) {
                    rebuildChecklist();
                    return;
                }
            }
        });
        rebuildChecklist();
        viewModel.lastReportProperty().addListener((obs, old, report) -> showVerdict(report));
        viewModel.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                showVerdict(null);
            }
        });
        saveStatus.textProperty().bind(viewModel.noticeProperty());
        trustPathField.textProperty().bindBidirectional(viewModel.trustStorePathProperty());
        trustPasswordField.textProperty().bindBidirectional(viewModel.trustStorePasswordProperty());
        FieldSupport.label(trustPathLabel, trustPathField, Messages.UI.text("test.trust.path"));
        FieldSupport.label(trustPasswordLabel, trustPasswordField, Messages.UI.text("test.trust.password"));
        bindOffers();
    }

    /** Issue 14: a picker for a failure a list fixes; the secret's expiry after a run. */
    private void bindOffers() {
        TestStepOffers offers = viewModel.offers();
        var idle = viewModel.runningProperty().not();
        dev.retlsetup.ui.controls.Nodes.showWhen(offerWarehouseButton, offers.warehouseOfferedProperty().and(idle));
        dev.retlsetup.ui.controls.Nodes.showWhen(offerCatalogButton, offers.catalogOfferedProperty().and(idle));
        dev.retlsetup.ui.controls.Nodes.showWhen(offerRow, offers.warehouseOfferedProperty().or(offers.catalogOfferedProperty()).and(idle));
        SecretExpiryNotice expiry = offers.expiry();
        expiryNotice.textProperty().bind(expiry.textProperty());
        dev.retlsetup.ui.controls.Nodes.showWhen(expiryNotice, expiry.textProperty().isNotEmpty());
        expiry.warnProperty().addListener((obs, was, warn) -> styleExpiry(warn));
        styleExpiry(expiry.warnProperty().get());
    }

    private void styleExpiry(boolean warn) {
        expiryNotice.getStyleClass().removeAll("expiry-warning", "expiry-info");
        expiryNotice.getStyleClass().add(warn ? "expiry-warning" : "expiry-info");
    }

    @FXML
    private void pickWarehouse() {
        viewModel.offers().pick(PickOffer.WAREHOUSE);
    }

    @FXML
    private void pickCatalog() {
        viewModel.offers().pick(PickOffer.CATALOG);
    }


    private void rebuildChecklist() {
        checklist.getChildren().setAll(viewModel.rows().stream()
                .map(row -> new CheckRowView(row, actions)).collect(Collectors.toList()));
    }

    private void showVerdict(ConnectionTestReport report) {
        verdict.getStyleClass().removeAll("verdict-passed", "verdict-failed", "verdict-incomplete");
        boolean visible = report != null;
        verdict.setVisible(visible);
        verdict.setManaged(visible);
        if (!visible) {
            return;
        }
        String style;
        String text;
        if (report.cancelled()) {
            style = "verdict-incomplete";
            text = Messages.UI.text("test.verdict.cancelled");
        } else if (viewModel.anyFailedProperty().get()) {
            style = "verdict-failed";
            text = Messages.UI.text("test.verdict.failed",
                    viewModel.rows().stream().filter(r -> r.state() == CheckRow.State.FAILED).count());
        } else if (viewModel.rows().stream().allMatch(r -> r.state() == CheckRow.State.PASSED)) {
            style = "verdict-passed";
            String schemas = viewModel.rows().stream().filter(r -> r.id().startsWith("schema:"))
                    .map(r -> r.id().substring("schema:".length())).collect(Collectors.joining(", "));
            String who = report.principal() == null ? "" : Messages.UI.text("test.verdict.principal", report.principal());
            text = Messages.UI.text("test.verdict.passed", who, schemas);
        } else {
            style = "verdict-incomplete";
            text = Messages.UI.text("test.verdict.incomplete");
        }
        verdict.getStyleClass().add(style);
        verdict.setText(text);
    }

    @FXML
    private void runAll() {
        viewModel.runAll();
    }

    @FXML
    private void rerunFailed() {
        viewModel.rerunFailed();
    }

    @FXML
    private void startWarehouse() {
        viewModel.startWarehouseAndTest();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    /** Opens the admin fix over the wizard; its re-test runs on this page, so the page shows the new verdict. */
    @FXML
    private void fixAsAdmin() {
        dev.retlsetup.ui.admin.AdminWindows.openFix(checklist.getScene().getWindow(), viewModel.adminFix(),
                fixAsAdminButton::requestFocus);
    }

    @FXML
    private void saveSetupScript() {
        saveSql(viewModel.setupScript(), "segment-databricks-grants.sql");
    }

    @FXML
    private void browseTrustStore() {
        FileChooser chooser = dev.retlsetup.ui.FileDialogs.chooser(Messages.UI.text("test.trust.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS12 / JKS", "*.p12", "*.pfx", "*.jks"));
        File file = dev.retlsetup.ui.FileDialogs.open(chooser, trustPathField);
        if (file != null) {
            trustPathField.setText(file.getAbsolutePath());
        }
    }

    /** Asks where to save, then writes off the UI thread and says how it went. */
    private void saveSql(String sql, String fileName) {
        FileChooser chooser = dev.retlsetup.ui.FileDialogs.chooser(Messages.UI.text("test.save.title"));
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SQL", "*.sql"));
        File file = dev.retlsetup.ui.FileDialogs.save(chooser, checklist);
        if (file == null) {
            return;
        }
        viewModel.save(file.toPath(), sql,
                saved -> viewModel.noticeProperty().set(Messages.UI.text("test.save.done", saved.toAbsolutePath())),
                error -> viewModel.noticeProperty().set(Messages.UI.text("test.save.failed", file.getAbsolutePath(),
                        rootMessage(error))));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
