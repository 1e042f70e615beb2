package dev.retlsetup.ui.admin;

import dev.retlsetup.admin.AdminSetup;
import dev.retlsetup.admin.FixPlan;
import dev.retlsetup.admin.FixStep;
import dev.retlsetup.admin.SetupChoices;
import dev.retlsetup.admin.SetupResult;
import dev.retlsetup.admin.WorkspaceApi;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.SchemaList;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.ui.AdminSession;
import dev.retlsetup.ui.Background;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "I'm a workspace admin: set it up for me": sign in, pick the warehouse, the catalog and the schemas
 * Segment reads, name the service principal, review the plan (the exact API calls and GRANTs), confirm,
 * watch each step, and get the new client ID and secret, shown once, to fill the wizard and test.
 */
public final class AdminSetupViewModel {
    /** Where the window stands. */
    public enum Phase { SIGN_IN, LOADING, CHOOSE, CONFIRM, APPLYING, DONE }

    /** The default name of the new service principal; the admin may change it. */
    static final String DEFAULT_NAME = "Segment Reverse ETL";

    private final Background background;
    private final SignInStep signIn;
    private final Supplier<TrustConfig> trust;
    private final Consumer<SourceInput> useCredentials;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.SIGN_IN);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty loading = new SimpleStringProperty(this, "loading", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", DEFAULT_NAME);
    private final ObservableList<WorkspaceApi.Warehouse> warehouses = FXCollections.observableArrayList();
    private final ObjectProperty<WorkspaceApi.Warehouse> warehouse = new SimpleObjectProperty<>(this, "warehouse");
    private final ObservableList<String> catalogs = FXCollections.observableArrayList();
    private final StringProperty catalog = new SimpleStringProperty(this, "catalog", "");
    private final ObservableList<String> schemas = FXCollections.observableArrayList();
    /** The schemas Segment may read, as {@code catalog.schema}. */
    private final ObservableList<String> chosenSchemas = FXCollections.observableArrayList();
    private final BooleanProperty precreate = new SimpleBooleanProperty(this, "precreate", false);
    private final ObservableList<PlanRow> steps = FXCollections.observableArrayList();
    private final BooleanProperty complete = new SimpleBooleanProperty(this, "complete", false);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final StringProperty secretExpires = new SimpleStringProperty(this, "secretExpires", "");
    private volatile AdminSetup running;
    private FixPlan plan;
    private SetupChoices choices;
    private SourceInput created;
    /** Catalog and schemas the form held, picked once the lists arrive. */
    private final String wantedCatalog;
    private final List<String> wantedSchemas;

    /**
     * @param typed          the wizard's fields as they are (its catalog and schemas are picked when listed)
     * @param useCredentials fills the wizard with the new principal and tests it
     */
    public AdminSetupViewModel(AdminSession session, Background background, SignInStep.Workspace workspace,
            Supplier<TrustConfig> trust, SourceInput typed, Consumer<SourceInput> useCredentials) {
        this.background = background;
        this.signIn = new SignInStep(session, workspace);
        this.trust = trust;
        this.useCredentials = useCredentials;
        this.wantedCatalog = typed.catalog().strip();
        this.wantedSchemas = SchemaList.split(typed.schemas()).stream()
                .map(s -> s.contains(".") || wantedCatalog.isEmpty() ? s : wantedCatalog + "." + s).toList();
        warehouse.addListener((obs, old, now) -> {
            if (now != null && phase.get() == Phase.CHOOSE) {
                loadCatalogs(now);
            }
        });
        catalog.addListener((obs, old, now) -> {
            if (warehouse.get() != null && now != null && !now.isBlank() && phase.get() == Phase.CHOOSE) {
                loadSchemas(warehouse.get(), now);
            }
        });
    }

    public void start() {
        signIn.resume(who -> loadWarehouses());
    }

    public void signIn() {
        signIn.signIn(who -> loadWarehouses());
    }

    public SignInStep signInStep() {
        return signIn;
    }

    /** A fresh set-up as the signed-in admin (a cancelled one stays cancelled). */
    private AdminSetup newSetup() throws Exception {
        AdminSetup setup = new AdminSetup(signIn.workspaceUrl(), trust.get(), signIn.signedIn().token());
        running = setup;
        return setup;
    }

    private void loadWarehouses() {
        phase.set(Phase.LOADING);
        loading.set(Messages.UI.text("adminsetup.loading.warehouses"));
        message.set("");
        background.task(() -> newSetup().warehouses()).onSuccess(list -> {
            warehouses.setAll(list);
            phase.set(Phase.CHOOSE);
            loading.set("");
            if (list.isEmpty()) {
                message.set(Messages.UI.text("adminsetup.noWarehouses"));
            } else {
                warehouse.set(list.stream().filter(w -> "RUNNING".equals(w.state())).findFirst().orElse(list.get(0)));
            }
        }).onFailure(error -> {
            phase.set(Phase.CHOOSE);
            loading.set("");
            message.set(Messages.UI.text("adminsetup.listFailed", error.getMessage()));
        }).start();
    }

    private void loadCatalogs(WorkspaceApi.Warehouse on) {
        loading.set(Messages.UI.text("adminsetup.loading.catalogs"));
        background.task(() -> newSetup().catalogs(on)).onSuccess(list -> {
            loading.set("");
            catalogs.setAll(list);
            String pick = list.contains(wantedCatalog) ? wantedCatalog
                    : list.contains("main") ? "main" : list.isEmpty() ? "" : list.get(0);
            if (pick.equals(catalog.get()) && !pick.isEmpty()) {
                loadSchemas(on, pick);
            } else {
                catalog.set(pick);
            }
        }).onFailure(error -> {
            loading.set("");
            message.set(Messages.UI.text("adminsetup.listFailed", error.getMessage()));
        }).start();
    }

    private void loadSchemas(WorkspaceApi.Warehouse on, String in) {
        loading.set(Messages.UI.text("adminsetup.loading.schemas", in));
        background.task(() -> newSetup().schemas(on, in)).onSuccess(list -> {
            loading.set("");
            // information_schema is the catalog's own; Segment never reads from it.
            List<String> qualified = list.stream().filter(s -> !s.equalsIgnoreCase("information_schema"))
                    .map(s -> in + "." + s).toList();
            schemas.setAll(qualified);
            chosenSchemas.setAll(qualified.stream().filter(wantedSchemas::contains).toList());
        }).onFailure(error -> {
            loading.set("");
            message.set(Messages.UI.text("adminsetup.listFailed", error.getMessage()));
        }).start();
    }

    /** The plan for the current choices, or why they are not complete; nothing runs. */
    public void review() {
        if (phase.get() != Phase.CHOOSE) {
            return;
        }
        if (!signIn.adminProperty().get()) {
            message.set(Messages.UI.text("adminsetup.notAdmin"));
            return;
        }
        if (warehouse.get() == null || catalog.get().isBlank()) {
            message.set(Messages.UI.text("adminsetup.pickFirst"));
            return;
        }
        SetupChoices picked = new SetupChoices(name.get(), warehouse.get(), catalog.get(), List.copyOf(chosenSchemas),
                precreate.get() ? SetupChoices.ManagedSchema.PRECREATE : SetupChoices.ManagedSchema.CREATE_ON_CATALOG);
        // On the worker: a set-up reads the trust store when it is made.
        background.task(() -> newSetup().plan(picked)).onSuccess(planned -> {
            plan = planned;
            choices = picked;
            List<FixStep> list = planned.steps();
            steps.setAll(java.util.stream.IntStream.range(0, list.size())
                    .mapToObj(i -> new PlanRow(i + 1, list.get(i))).toList());
            message.set("");
            phase.set(Phase.CONFIRM);
        }).onFailure(error -> message.set(error instanceof IllegalArgumentException ? error.getMessage()
                : Messages.UI.text("adminfix.openFailed", error.getMessage()))).start();
    }

    /** Back to the choices: nothing ran. */
    public void notYet() {
        if (phase.get() == Phase.CONFIRM) {
            steps.clear();
            phase.set(Phase.CHOOSE);
        }
    }

    /** The go-ahead: creates the principal and everything it needs, step by step, exactly as shown. */
    public void confirmApply() {
        if (phase.get() != Phase.CONFIRM) {
            return;
        }
        FixPlan.Confirmed confirmed = plan.confirm();
        SetupChoices picked = choices;
        phase.set(Phase.APPLYING);
        background.task(() -> newSetup().apply(confirmed, picked, new LiveSteps(background, steps)))
                .onSuccess(this::applied).onFailure(error -> {
                    phase.set(Phase.DONE);
                    message.set(error.getMessage());
                }).start();
    }

    private void applied(SetupResult result) {
        if (result.clientId() != null) {
            clientId.set(result.clientId());
        }
        if (result.secret() != null) {
            secret.set(result.secret());
            secretExpires.set(result.secretExpires() == null ? Messages.UI.text("adminsetup.secret.noExpiry")
                    : Messages.UI.text("adminsetup.secret.expires", java.time.format.DateTimeFormatter
                    .ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(Messages.UI.locale())
                    .format(result.secretExpires().atZone(java.time.ZoneId.systemDefault()))));
        }
        if (result.complete()) {
            created = result.source();
            complete.set(true);
            message.set(Messages.UI.text("adminsetup.done"));
        } else {
            message.set(LiveSteps.failure(result.outcome()));
        }
        phase.set(Phase.DONE);
    }

    /** Fills the wizard with the new principal's client ID and secret and runs the test as it. */
    public void useAndTest() {
        if (created != null) {
            useCredentials.accept(created);
        }
    }

    /** Stops the sign-in, a list being read, or the plan being applied (the rest is not run). */
    public void cancel() {
        signIn.cancel();
        AdminSetup setup = running;
        if (setup != null && phase.get() != Phase.DONE) {
            setup.cancel();
        }
    }

    /** The plan as text for an admin who reviews it elsewhere. */
    public String planText() {
        return LiveSteps.text(Messages.UI.text("adminsetup.copy.header", signIn.workspaceUrl()), steps, List.of(), LiveSteps.DOES);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** What is being read from the workspace ("" when nothing is). */
    public StringProperty loadingProperty() {
        return loading;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<WorkspaceApi.Warehouse> warehouses() {
        return warehouses;
    }

    public ObjectProperty<WorkspaceApi.Warehouse> warehouseProperty() {
        return warehouse;
    }

    public ObservableList<String> catalogs() {
        return catalogs;
    }

    public StringProperty catalogProperty() {
        return catalog;
    }

    public ObservableList<String> schemas() {
        return schemas;
    }

    public ObservableList<String> chosenSchemas() {
        return chosenSchemas;
    }

    public BooleanProperty precreateProperty() {
        return precreate;
    }

    public ObservableList<PlanRow> steps() {
        return steps;
    }

    /** True once every step ran and the principal has its secret. */
    public BooleanProperty completeProperty() {
        return complete;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    /** The new secret, shown once in this window; it goes into the wizard's Credentials and nowhere else. */
    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty secretExpiresProperty() {
        return secretExpires;
    }
}
