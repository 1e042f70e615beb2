package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.source.Field;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Asks the warehouse API whether the warehouse exists and is running. A stopped warehouse is
 * reported with its state at once; when asked to, the check starts it and waits, reporting
 * progress, instead of letting the driver time out.
 */
final class WarehouseCheck extends BaseCheck {
    static final String ID = "warehouse";
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** A classic warehouse may take about five minutes to start. */
    static final Duration START_LIMIT = Duration.ofMinutes(6);

    WarehouseCheck() {
        super(ID, Messages.CHECK.text("check.warehouse.title"), List.of(OAuthCheck.ID),
                Set.of(Field.HOST, Field.PORT, Field.HTTP_PATH), START_LIMIT.plusSeconds(30));
    }

    @Override
    public Outcome run(ConnectionTestRun session) throws Exception {
        String id = session.settings().warehouseId();
        String url = Http.baseUrl(session) + "/api/2.0/sql/warehouses/" + id;
        String tried = Messages.CHECK.text("check.warehouse.tried", url);
        Http http = session.http();
        Http.Response response = http.get(url, authorized(session));
        if (response.statusCode() != 200) {
            return failure(session, response, tried, id);
        }
        JsonFields warehouse = Http.json(response).orElseThrow(() -> new IllegalStateException(Http.describe(response)));
        String state = warehouse.text("state", "UNKNOWN");
        String name = warehouse.text("name", id);
        if ("RUNNING".equals(state)) {
            return Outcome.passed(Messages.CHECK.text("check.warehouse.running", name, describeType(warehouse)), tried);
        }
        if (!session.request().startWarehouse()) {
            return Outcome.failed(Messages.CHECK.text("check.warehouse.notRunning", name, stateWord(state)), tried,
                    Category.WAREHOUSE_UNAVAILABLE, Messages.CHECK.text("check.warehouse.notRunning.explanation", stateWord(state)),
                    new Remediation(List.of(Messages.CHECK.text("check.warehouse.notRunning.step")), List.of()));
        }
        return startAndWait(session, http, url, name, state, tried);
    }

    private Outcome startAndWait(ConnectionTestRun session, Http http, String url, String name, String state, String tried)
            throws Exception {
        long started = System.nanoTime();
        if (!"STARTING".equals(state)) {
            tried = tried + "\n" + Messages.CHECK.text("check.warehouse.tried.start", url + "/start");
            Http.Response start = http.post(url + "/start", authorized(session), "{}");
            if (start.statusCode() != 200) {
                return failure(session, start, tried, name);
            }
        }
        while (true) {
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            session.progress(Messages.CHECK.text("check.warehouse.progress", state, elapsed));
            if (Duration.ofSeconds(elapsed).compareTo(START_LIMIT) > 0) {
                return Outcome.failed(Messages.CHECK.text("check.warehouse.startTimeout", name, elapsed), tried,
                        Category.WAREHOUSE_UNAVAILABLE, null, null);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            Http.Response poll = http.get(url, authorized(session));
            if (poll.statusCode() != 200) {
                return failure(session, poll, tried, name);
            }
            state = Http.json(poll).map(n -> n.text("state", "UNKNOWN")).orElse("UNKNOWN");
            if ("RUNNING".equals(state)) {
                long took = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                return Outcome.passed(Messages.CHECK.text("check.warehouse.started", name, took), tried);
            }
            if (state.startsWith("DELET")) {
                return Outcome.failed(Messages.CHECK.text("check.warehouse.notRunning", name, stateWord(state)), tried,
                        Category.WAREHOUSE_NOT_FOUND, null, null);
            }
        }
    }

    private static java.util.Map<String, String> authorized(ConnectionTestRun session) {
        return Http.headers("Authorization", "Bearer " + session.accessToken, "Accept", "application/json");
    }

    private static Outcome failure(ConnectionTestRun session, Http.Response response, String tried, String id) {
        Diagnosis diagnosis = session.classifier().classify(Http.describe(response));
        if (diagnosis.category() == Category.UNKNOWN && response.statusCode() == 404) {
            diagnosis = new Diagnosis(Category.WAREHOUSE_NOT_FOUND, List.of(id), null, diagnosis.rawText());
        }
        return Outcome.failed(Messages.CHECK.text("check.warehouse.failed", response.statusCode()), tried, diagnosis);
    }

    private static String describeType(JsonFields warehouse) {
        String type = warehouse.text("warehouse_type", null);
        boolean serverless = warehouse.flag("enable_serverless_compute");
        return serverless ? "serverless" : type == null ? "SQL warehouse" : type.toLowerCase(java.util.Locale.ROOT);
    }

    /** The warehouse state in words ("stopped"), not the API's enum ("STOPPED"). */
    private static String stateWord(String state) {
        String word = Messages.CHECK.optional("check.warehouse.state." + state);
        return word != null ? word : state.toLowerCase(java.util.Locale.ROOT);
    }
}
