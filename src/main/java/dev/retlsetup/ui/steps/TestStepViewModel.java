package dev.retlsetup.ui.steps;

import dev.retlsetup.ui.controls.CheckRow;
import dev.retlsetup.source.Field;
import dev.retlsetup.check.Check;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.AdminMessage;
import dev.retlsetup.admin.AdminFix;
import dev.retlsetup.admin.AdminToken;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.ui.admin.AdminFixViewModel;
import dev.retlsetup.ui.admin.AdminSetupViewModel;
import dev.retlsetup.ui.admin.FixTarget;
import dev.retlsetup.ui.admin.SignInStep;
import dev.retlsetup.diagnose.FixScript;
import dev.retlsetup.diagnose.SetupScript;
import dev.retlsetup.source.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import dev.retlsetup.ui.Background;
import dev.retlsetup.ui.SourceForm;
import dev.retlsetup.ui.StepViewModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The Test step: runs the connection tester in the background and mirrors its progress into a
 * live checklist. Threads are injected (background work, and the UI thread for updates), so this
 * class runs the same in the app and in plain unit tests.
 */
public final class TestStepViewModel implements StepViewModel {
    /** How long closing the window waits for a running test's clean-up (probes dropped, session closed). */
    private static final java.time.Duration SHUTDOWN_WAIT = ConnectionTester.stopLimit();
    private final SourceForm form;
    private final Background background;
    private final Supplier<ConnectionTester> testers;
    private final LiveChecklist checklist;
    private final ObservableList<CheckRow> rows;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final BooleanProperty hasRun = new SimpleBooleanProperty(this, "hasRun", false);
    private final ObjectProperty<ConnectionTestReport> lastReport = new SimpleObjectProperty<>(this, "lastReport");
    private final BooleanBinding anyFailed;
    private final javafx.beans.binding.ObjectBinding<TestVerdict> verdict;
    private final BooleanBinding complete;
    /** What happened to a file the page wrote (the SQL) or a result it recorded; cleared by every new run or plan. */
    private final javafx.beans.property.StringProperty notice =
            new javafx.beans.property.SimpleStringProperty(this, "notice", "");
    private volatile ConnectionTester current;
    private volatile java.util.concurrent.CompletableFuture<Void> runDone =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    /** When a re-run for the admin fix ends: whether its checks passed (then cleared). */
    private java.util.function.Consumer<Boolean> whenRerunDone;
    private final dev.retlsetup.ui.AdminSession admin;

    /** Without an admin session or lists (unit tests of the run itself). */
    public TestStepViewModel(SourceForm form, Background background, Supplier<ConnectionTester> testers) {
        this(form, background, testers, new dev.retlsetup.ui.AdminSession(background, uri -> {
            throw new java.io.IOException("no browser here");
        }), null);
    }

    /**
     * @param admin the admin signed in to this window, for the admin fix
     * @param lists whose token reads the pickers' lists and the secret's expiry; null for none
     */
    public TestStepViewModel(SourceForm form, Background background, Supplier<ConnectionTester> testers,
            dev.retlsetup.ui.AdminSession admin, ListAccess lists) {
        this.form = form;
        this.admin = admin;
        this.background = background;
        this.testers = testers;
        this.checklist = new LiveChecklist(background);
        this.rows = checklist.rows();
        this.anyFailed = Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.state() == CheckRow.State.FAILED), rows);
        // A cancelled or timed-out run is "not tested"; a changed setting invalidates any run.
        this.verdict = Bindings.createObjectBinding(() -> running.get() ? TestVerdict.NOT_TESTED
                : TestVerdict.of(lastReport.get()), running, lastReport);
        // Moving on needs a finished run in which nothing failed, or only the warehouse was stopped (Add warns).
        this.complete = Bindings.createBooleanBinding(() -> verdict.get().allowsAdd(), verdict);
        form.fields().forEach(property -> property.addListener((obs, old, now) -> invalidateResults()));
        showPlan();
        this.offers = new TestStepOffers(form, background, lists, rows, lastReport);
    }

    // Pickers offered on a failure, and the secret's expiry after a run (issue 14).
    private final TestStepOffers offers;

    public TestStepOffers offers() {
        return offers;
    }

    public ObservableList<CheckRow> rows() {
        return rows;
    }

    public javafx.beans.property.StringProperty trustStorePathProperty() {
        return form.trustStorePathProperty();
    }

    public javafx.beans.property.StringProperty trustStorePasswordProperty() {
        return form.trustStorePasswordProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty hasRunProperty() {
        return hasRun;
    }

    public ObjectProperty<ConnectionTestReport> lastReportProperty() {
        return lastReport;
    }

    public BooleanBinding anyFailedProperty() {
        return anyFailed;
    }

    /** The last run's verdict: not tested (none, running, cancelled, timed out), passed, warehouse stopped, failed. */
    public javafx.beans.binding.ObjectBinding<TestVerdict> verdictProperty() {
        return verdict;
    }

    /** A notice about what the page saved ("Saved …fix.sql"), or ""; each run and each change of settings clears it. */
    public javafx.beans.property.StringProperty noticeProperty() {
        return notice;
    }

    /** The full admin script for these settings, for "Save as .sql". */
    public String setupScript() {
        var settings = form.settings();
        String principal = lastReport.get() != null && lastReport.get().principal() != null
                ? lastReport.get().principal() : settings.clientId();
        return SetupScript.text(principal, settings.catalog(), settings.schemas());
    }

    /** "Copy for my admin": the result as a message that names this source and hides its secret. */
    public String adminMessage(CheckResult result) {
        return AdminMessage.text(result, form.settings(), principal());
    }

    /** The .sql file for one failure: a header naming the workspace, warehouse and principal, then the fix. */
    public String fixScript(CheckResult result) {
        SourceSettings settings = form.settings();
        String warehouse = settings.warehouseId() != null ? settings.warehouseId() : settings.httpPath();
        Instant when = lastReport.get() != null ? lastReport.get().startedAt() : Instant.now();
        return new FixScript().text(new FixScript.Target(settings.host(), warehouse, principal()), result.title(),
                result.summary(), result.remediation(), when);
    }

    /** Writes {@code text} to {@code file} in the background; says how it went on the UI thread. */
    public void save(Path file, String text, Consumer<Path> onSaved, Consumer<Exception> onFailed) {
        background.task(() -> {
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            return file;
        }).onSuccess(onSaved).onFailure(onFailed).start();
    }

    private String principal() {
        ConnectionTestReport report = lastReport.get();
        return report != null && report.principal() != null ? report.principal() : form.settings().clientId();
    }

    public void runAll() {
        start(false, Set.of());
    }

    /** Re-runs what failed or was skipped (and what those depend on); passed results stay. */
    public void rerunFailed() {
        Set<String> ids = new HashSet<>();
        rows.stream().filter(r -> r.state() == CheckRow.State.FAILED || r.state() == CheckRow.State.SKIPPED)
                .forEach(r -> ids.add(r.id()));
        if (ids.isEmpty()) {
            runAll();
        } else {
            start(false, ids);
        }
    }

    /** Starts a stopped warehouse, waits for it, and tests. */
    public void startWarehouseAndTest() {
        start(true, Set.of());
    }

    /**
     * On exit: cancels a running test and waits (briefly) for its clean-up, so probe objects are
     * dropped and the session closed even when the window closes mid-run.
     */
    @Override
    public void shutdown() {
        cancel();
        offers.expiry().clear();
        try {
            runDone.get(SHUTDOWN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Leaving anyway: the clean-up had its chance.
        }
    }

    public void cancel() {
        ConnectionTester tester = current;
        if (tester != null) {
            tester.cancel();
        }
    }

    private void start(boolean startWarehouse, Set<String> only) {
        if (running.get()) {
            return;
        }
        ConnectionTestRequest request = new ConnectionTestRequest(form.validation(), form.trust(), startWarehouse, ConnectionTestRequest.DEFAULT_TIMEOUT,
                only);
        ConnectionTester tester = testers.get();
        current = tester;
        notice.set("");
        running.set(true);
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        runDone = done;
        background.execute(() -> {
            ConnectionTestReport report = null;
            try {
                report = tester.run(request, new RowUpdater(only.isEmpty()));
            } finally {
                done.complete(null);
                ConnectionTestReport finished = report;
                background.onUi(() -> finish(finished));
            }
        });
    }

    private void finish(ConnectionTestReport report) {
        current = null;
        running.set(false);
        hasRun.set(true);
        lastReport.set(report);
        java.util.function.Consumer<Boolean> done = whenRerunDone;
        whenRerunDone = null;
        if (done != null) {
            done.accept(report != null && verdict.get() == TestVerdict.PASSED);
        }
    }

    private Supplier<AdminSetupViewModel> adminSetup;

    /** The wizard supplies the set-up from scratch, offered when the test's principal does not exist. */
    public void setAdminSetup(Supplier<AdminSetupViewModel> supplier) {
        this.adminSetup = supplier;
    }

    /** Whether a finished run failed in a way a workspace admin might fix (the page offers the admin fix). */
    public boolean adminCanHelp() {
        ConnectionTestReport report = lastReport.get();
        return report != null && !running.get() && !report.failed().isEmpty();
    }

    /** The admin fix window for the last run's failures; its re-test is this page's re-run. */
    public AdminFixViewModel adminFix() {
        return new AdminFixViewModel(admin, background, new ConnectionFix(lastReport.get()));
    }

    /** The last run's failures as the admin fix sees them, re-tested by this page. */
    private final class ConnectionFix implements FixTarget {
        private final ConnectionTestReport failed;

        ConnectionFix(ConnectionTestReport failed) {
            this.failed = failed;
        }

        @Override
        public SignInStep.Workspace workspace() {
            return SignInStep.Workspace.of(form);
        }

        @Override
        public Fixer open(AdminToken token) throws Exception {
            AdminFix fix = new AdminFix(ConnectionTestRequest.of(form.validation(), form.trust()), token);
            return Fixer.of(precreate -> fix.plan(failed, precreate), fix::apply, fix::cancel);
        }

        @Override
        public boolean offersManagedSchema() {
            return failed.failed().stream().anyMatch(r -> r.category() == Category.MISSING_CREATE_SCHEMA);
        }

        @Override
        public void retest(FixPlan plan, java.util.function.Consumer<Boolean> done) {
            whenRerunDone = done;
            start(false, plan.retestChecks());
        }

        @Override
        public List<CheckRow> retestRows(FixPlan plan) {
            return rows.stream().filter(r -> plan.retestChecks().contains(r.id())).toList();
        }

        @Override
        public void cancelRetest() {
            cancel();
        }

        @Override
        public AdminSetupViewModel setUpFromScratch() {
            return adminSetup == null ? null : adminSetup.get();
        }
    }

    private void showPlan() {
        // The form validates on every change already; the plan only needs its list of schemas.
        checklist.show(ConnectionTester.plan(form.validationProperty().get()), Check::id, Check::title);
    }

    /** A new setup begins (new, opened or resumed source): nothing of an earlier run or notice remains. */
    public void reset() {
        cancel();
        hasRun.set(false);
        lastReport.set(null);
        notice.set("");
        showPlan();
    }

    private void invalidateResults() {
        if (running.get()) {
            return;
        }
        hasRun.set(false);
        lastReport.set(null);
        notice.set("");
        showPlan();
    }

    /** Carries the tester's events to the UI thread. */
    private final class RowUpdater implements ConnectionTestListener {
        private final boolean fullRun;

        RowUpdater(boolean fullRun) {
            this.fullRun = fullRun;
        }

        @Override
        public void planned(List<Check> checks) {
            if (fullRun) {
                background.onUi(() -> checklist.show(checks, Check::id, Check::title));
            } else {
                checklist.reset(checks.stream().map(Check::id).toList());
            }
        }

        @Override
        public void started(Check check) {
            checklist.started(check.id());
        }

        @Override
        public void progress(Check check, String message) {
            checklist.progress(check.id(), message);
        }

        @Override
        public void finished(CheckResult result) {
            checklist.finished(result);
        }
    }

    @Override
    public BooleanBinding complete() {
        return complete;
    }
}
