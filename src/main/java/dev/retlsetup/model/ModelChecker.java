package dev.retlsetup.model;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.diagnose.CatalogKind;
import dev.retlsetup.diagnose.Category;
import dev.retlsetup.diagnose.Diagnosis;
import dev.retlsetup.diagnose.ErrorClassifier;
import dev.retlsetup.diagnose.Explanations;
import dev.retlsetup.diagnose.Remediation;
import dev.retlsetup.diagnose.RemediationWriter;
import dev.retlsetup.diagnose.SecretMasker;
import dev.retlsetup.diagnose.SqlIdentifiers;
import dev.retlsetup.source.Field;
import dev.retlsetup.source.Finding;
import dev.retlsetup.source.SourceSettings;
import dev.retlsetup.source.Validation;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Proves that Segment can sync a model: one query, every table it reads readable by the service
 * principal (all missing GRANTs of all tables in one run), compiles on the warehouse, a preview of
 * its first rows, and a unique identifier counted on the warehouse. Runs on the caller's thread
 * (never a UI thread); {@link #cancel()} from any thread stops the statement running on the
 * warehouse at once. One checker runs once.
 *
 * <pre>
 * ModelChecker checker = new ModelChecker();
 * ModelReport report = checker.run(ModelRequest.of(validation, trust, sql, "user_id"), listener);
 * </pre>
 */
public final class ModelChecker {
    /** The driver's first connection in a JVM loads thousands of classes; a stopped warehouse may need minutes. */
    static final Duration SESSION_LIMIT = Duration.ofSeconds(90);

    private final Explanations explanations = new Explanations();
    private final RemediationWriter remediations = new RemediationWriter(explanations);
    private volatile boolean cancelled;
    private volatile WarehouseSession session;

    /** The checklist for this request, in order: what {@link ModelListener#planned} receives. */
    public static List<ModelStep> plan(ModelRequest request) {
        List<ModelStep> steps = new ArrayList<>(List.of(
                new ModelStep(ModelStep.STATEMENT, Messages.MODEL.text("model.statement.title")),
                new ModelStep(ModelStep.SESSION, Messages.MODEL.text("model.session.title")),
                new ModelStep(ModelStep.TABLES, Messages.MODEL.text("model.tables.title")),
                new ModelStep(ModelStep.COMPILE, Messages.MODEL.text("model.compile.title"))));
        if (request.previewRows() > 0) {
            steps.add(new ModelStep(ModelStep.PREVIEW, Messages.MODEL.text("model.preview.title", request.previewRows())));
        }
        steps.add(new ModelStep(ModelStep.KEY, Messages.MODEL.text("model.key.title",
                request.key().isEmpty() ? "" : request.key())));
        return steps;
    }

    /** Stops the run from any thread: the statement in flight is cancelled on the warehouse, the rest skipped. */
    public void cancel() {
        cancelled = true;
        WarehouseSession running = session;
        if (running != null) {
            running.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs every check; blocks the calling thread. */
    public ModelReport run(ModelRequest request, ModelListener listener) {
        Run run = new Run(request, listener);
        try {
            run.all();
        } finally {
            WarehouseSession open = session;
            if (open != null) {
                open.close();
            }
        }
        WarehouseSession used = session;
        return new ModelReport(run.startedAt, new ArrayList<>(run.results.values()), run.tables, run.columns,
                run.preview, run.key, used == null ? List.of() : used.timings(), run.principal, cancelled);
    }

    /** The state of one run. */
    private final class Run {
        final Instant startedAt = Instant.now();
        final ModelRequest request;
        final ModelListener listener;
        final Validation validation;
        final ErrorClassifier classifier;
        final String[] secrets;
        final QueryAnalysis analysis;
        final Map<String, CheckResult> results = new LinkedHashMap<>();
        List<TableAccess> tables = List.of();
        List<ColumnInfo> columns = List.of();
        Preview preview;
        KeyStats key;
        String principal;
        String catalog;

        Run(ModelRequest request, ModelListener listener) {
            this.request = request;
            this.listener = listener;
            this.validation = request.validation();
            String secret = validation.settings().secret();
            this.secrets = new String[] {secret == null ? "" : secret};
            this.classifier = secret == null ? new ErrorClassifier() : ErrorClassifier.withSecrets(secret);
            this.analysis = QueryAnalyzer.analyze(request.sql());
        }

        void all() {
            List<ModelStep> steps = plan(request);
            listener.planned(steps);
            for (ModelStep step : steps) {
                CheckResult result = runStep(step);
                results.put(step.id(), result);
                listener.finished(result);
            }
        }

        private CheckResult runStep(ModelStep step) {
            String waitsFor = prerequisites(step.id()).stream().map(results::get)
                    .filter(r -> r == null || (r.status() != CheckStatus.PASSED && r.status() != CheckStatus.WARNING))
                    .map(r -> r == null ? "?" : r.title()).collect(Collectors.joining(", "));
            if (cancelled) {
                return skipped(step, Messages.MODEL.text("model.cancelled"), 0);
            }
            if (!waitsFor.isEmpty()) {
                return skipped(step, Messages.MODEL.text("model.skipped.after", waitsFor), 0);
            }
            listener.started(step);
            long start = System.nanoTime();
            int firstStatement = session == null ? 0 : session.timings().size();
            try {
                return mask(switch (step.id()) {
                    case ModelStep.STATEMENT -> statement(step);
                    case ModelStep.SESSION -> session(step, start);
                    case ModelStep.TABLES -> tables(step, start);
                    case ModelStep.COMPILE -> compile(step, start);
                    case ModelStep.PREVIEW -> preview(step, start);
                    default -> key(step, start);
                });
            } catch (RuntimeException e) {
                // A driver fault is still a result the user can read, never a stack trace.
                Diagnosis d = classifier.classify(e);
                return mask(new CheckResult(step.id(), step.title(), CheckStatus.FAILED, since(start),
                        Messages.MODEL.text("model.error", step.title()), tried(firstStatement), d.rawText(),
                        explanations.explanation(d), d.category(), fix(d)));
            } catch (WarehouseSession.Stopped stopped) {
                long millis = since(start);
                if (!stopped.timedOut || cancelled) {
                    return skipped(step, Messages.MODEL.text("model.cancelled"), millis);
                }
                long seconds = step.id().equals(ModelStep.SESSION) ? SESSION_LIMIT.toSeconds()
                        : request.statementTimeout().toSeconds();
                return mask(new CheckResult(step.id(), step.title(), CheckStatus.FAILED, millis,
                        Messages.MODEL.text("model.timeout", seconds), tried(firstStatement), null,
                        Messages.MODEL.text("model.timeout.explanation"), null,
                        new Remediation(List.of(Messages.MODEL.text("model.timeout.step")), List.of())));
            }
        }

        private List<String> prerequisites(String id) {
            return switch (id) {
                case ModelStep.SESSION -> List.of(ModelStep.STATEMENT);
                case ModelStep.TABLES -> List.of(ModelStep.SESSION);
                case ModelStep.COMPILE, ModelStep.PREVIEW -> List.of(ModelStep.TABLES);
                case ModelStep.KEY -> List.of(ModelStep.COMPILE);
                default -> List.of();
            };
        }

        // --- 1. one query, offline -------------------------------------------------------------

        private CheckResult statement(ModelStep step) {
            String tried = Messages.MODEL.text("model.statement.tried");
            if (analysis.statements() == 0) {
                return failed(step, 0, Messages.MODEL.text("model.statement.none"), tried, null,
                        Messages.MODEL.text("model.statement.none.explanation"), null,
                        steps(Messages.MODEL.text("model.statement.none.step")));
            }
            if (analysis.statements() > 1) {
                return failed(step, 0, Messages.MODEL.text("model.statement.many", analysis.statements()), tried, null,
                        Messages.MODEL.text("model.statement.many.explanation"), null,
                        steps(Messages.MODEL.text("model.statement.many.step")));
            }
            if (analysis.kind() == QueryAnalysis.Kind.NOT_A_QUERY) {
                String word = analysis.firstWord().isEmpty() ? "?" : analysis.firstWord();
                return failed(step, 0, Messages.MODEL.text("model.statement.notquery", word), tried, null,
                        Messages.MODEL.text("model.statement.notquery.explanation", word), null,
                        steps(Messages.MODEL.text("model.statement.notquery.step", word)));
            }
            if (!analysis.parsed()) {
                return new CheckResult(step.id(), step.title(), CheckStatus.PASSED, 0,
                        Messages.MODEL.text("model.statement.passed.unparsed", analysis.firstWord(), analysis.parseError()),
                        tried, null, null, null, null);
            }
            return passed(step, 0, Messages.MODEL.text("model.statement.passed", analysis.firstWord()), tried);
        }

        // --- 2. the session ----------------------------------------------------------------------

        private CheckResult session(ModelStep step, long start) throws WarehouseSession.Stopped {
            SourceSettings settings = validation.settings();
            List<Finding> errors = validation.errors().stream()
                    .filter(f -> f.field() != Field.SCHEMAS && f.field() != Field.CATALOG).toList();
            String identity = "SELECT current_user() AS user, current_catalog() AS catalog";
            String tried = Messages.MODEL.text("model.session.tried", String.valueOf(settings.host()),
                    settings.httpPath() == null ? "" : settings.httpPath(), String.valueOf(settings.clientId()), identity);
            if (!errors.isEmpty()) {
                String listed = errors.stream().map(Finding::message).collect(Collectors.joining(" "));
                return failed(step, since(start), Messages.MODEL.text("model.session.settings", listed), tried, null, null,
                        null, steps(Messages.MODEL.text("model.session.settings.step")));
            }
            WarehouseSession opened = new WarehouseSession(request.statementTimeout());
            session = opened;
            if (cancelled) {
                opened.cancel();
            }
            try {
                opened.open(settings, request.trust(), SESSION_LIMIT);
                List<String> who = opened.query(step.id(), identity, 1, rows -> {
                    List<String> values = new ArrayList<>();
                    if (rows.next()) {
                        values.add(rows.getString(1));
                        values.add(rows.getString(2));
                    }
                    return values;
                });
                principal = who.isEmpty() ? settings.clientId() : who.get(0);
                catalog = who.size() > 1 && who.get(1) != null ? who.get(1) : SourceSettings.HIVE_METASTORE;
            } catch (SQLException e) {
                return failedFrom(step, since(start), Messages.MODEL.text("model.session.failed"), tried, classifier.classify(e));
            }
            String configured = settings.catalog();
            if (configured != null && !configured.equalsIgnoreCase(catalog)) {
                String use = "USE CATALOG " + SqlIdentifiers.quote(configured);
                tried = tried + "\n" + use;
                try {
                    opened.execute(step.id(), use);
                } catch (SQLException e) {
                    catalog = configured.toLowerCase(java.util.Locale.ROOT);
                    Diagnosis d = classifier.classify(e);
                    return new CheckResult(step.id(), step.title(), CheckStatus.WARNING, since(start),
                            Messages.MODEL.text("model.session.catalog", principal, configured), tried,
                            d.rawText(), explanations.explanation(d), d.category(), fix(d));
                }
                catalog = configured.toLowerCase(java.util.Locale.ROOT);
            }
            return passed(step, since(start), Messages.MODEL.text("model.session.passed", principal, catalog), tried);
        }

        // --- 3. every table ----------------------------------------------------------------------

        private CheckResult tables(ModelStep step, long start) throws WarehouseSession.Stopped {
            if (!analysis.parsed()) {
                return new CheckResult(step.id(), step.title(), CheckStatus.WARNING, 0,
                        Messages.MODEL.text("model.tables.unparsed", analysis.parseError()), null, null, null, null, null);
            }
            List<TableName> names = analysis.resolvedTables(catalog);
            if (names.isEmpty()) {
                return passed(step, 0, Messages.MODEL.text("model.tables.none"), null);
            }
            TableGrants grants = new TableGrants();
            List<TableAccess> access = new ArrayList<>();
            StringBuilder tried = new StringBuilder();
            String firstRaw = null;
            Diagnosis first = null;
            for (TableName name : names) {
                String probe = ModelSql.probe(name);
                try {
                    session.query(step.id(), probe, 1, rows -> null);
                    access.add(new TableAccess(name, true, null, null, null));
                    listener.progress(step, Messages.MODEL.text("model.tables.progress", name.fullName(),
                            Messages.MODEL.text("model.tables.progress.readable")));
                } catch (SQLException e) {
                    Diagnosis d = classifier.classify(e);
                    first = first == null ? d : first;
                    firstRaw = firstRaw == null ? d.rawText() : firstRaw;
                    access.add(new TableAccess(name, false, d.category(),
                            grants.forTable(d, name, principal, catalog), mask(d.rawText())));
                    listener.progress(step, Messages.MODEL.text("model.tables.progress", name.fullName(),
                            Messages.MODEL.text("model.tables.progress.unreadable")));
                }
                tried.append(tried.length() == 0 ? "" : "\n").append(probe).append("  (")
                        .append(session.lastMillis()).append(" ms)");
            }
            tables = access;
            List<String> unreadable = access.stream().filter(t -> !t.readable()).map(t -> t.name().fullName()).toList();
            if (unreadable.isEmpty()) {
                return passed(step, since(start), Messages.MODEL.text("model.tables.passed", names.size(),
                        names.stream().map(TableName::fullName).collect(Collectors.joining(", "))), tried.toString());
            }
            String raw = access.stream().filter(t -> !t.readable())
                    .map(t -> t.name().fullName() + ": " + t.detail()).collect(Collectors.joining("\n"));
            return failed(step, since(start), Messages.MODEL.text("model.tables.failed", unreadable.size(), names.size(),
                            String.join(", ", unreadable)), tried.toString(), raw,
                    Messages.MODEL.text("model.tables.failed.explanation") + " " + Messages.MODEL.text("model.tables.view"),
                    first.category(), TableGrants.combined(access));
        }

        // --- 4. compile --------------------------------------------------------------------------

        private CheckResult compile(ModelStep step, long start) throws WarehouseSession.Stopped {
            String sql = ModelSql.describe(analysis.query());
            try {
                columns = session.query(step.id(), sql, 0, rows -> {
                    List<ColumnInfo> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(new ColumnInfo(rows.getString(1), rows.getString(2)));
                    }
                    return out;
                });
            } catch (SQLException e) {
                return failedFrom(step, since(start), Messages.MODEL.text("model.compile.failed"), timed(sql),
                        classifier.classify(e));
            }
            if (columns.isEmpty()) {
                return failed(step, since(start), Messages.MODEL.text("model.compile.empty"), timed(sql), null, null, null,
                        null);
            }
            String listed = columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
            return passed(step, since(start), Messages.MODEL.text("model.compile.passed", columns.size(), listed), timed(sql));
        }

        // --- 5. preview --------------------------------------------------------------------------

        private CheckResult preview(ModelStep step, long start) throws WarehouseSession.Stopped {
            int n = request.previewRows();
            String sql = ModelSql.preview(analysis.query(), n);
            try {
                preview = session.query(step.id(), sql, n, rows -> readPreview(rows, n));
            } catch (SQLException e) {
                return failedFrom(step, since(start), Messages.MODEL.text("model.preview.failed"), timed(sql),
                        classifier.classify(e));
            }
            String summary = Messages.MODEL.text("model.preview.passed", preview.rows().size(), preview.columns().size(), n);
            if (preview.rows().isEmpty()) {
                return new CheckResult(step.id(), step.title(), CheckStatus.WARNING, since(start), summary, timed(sql),
                        null, Messages.MODEL.text("model.preview.empty.explanation"), null, null);
            }
            return passed(step, since(start), summary, timed(sql));
        }

        private Preview readPreview(ResultSet rows, int max) throws SQLException {
            ResultSetMetaData meta = rows.getMetaData();
            List<ColumnInfo> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String label = meta.getColumnLabel(i);
                String type = columns.stream().filter(c -> c.name().equalsIgnoreCase(label)).map(ColumnInfo::type)
                        .findFirst().orElse(meta.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT));
                cols.add(new ColumnInfo(label, type));
            }
            List<List<Object>> out = new ArrayList<>();
            while (out.size() < max && rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= cols.size(); i++) {
                    row.add(previewValue(rows.getObject(i)));
                }
                out.add(row);
            }
            return new Preview(cols, out);
        }

        // --- 6. the unique identifier ------------------------------------------------------------

        private CheckResult key(ModelStep step, long start) throws WarehouseSession.Stopped {
            String wanted = request.key();
            List<String> suggested = KeyColumns.suggest(columns);
            String suggestions = suggested.isEmpty() ? Messages.MODEL.text("model.key.suggest.none")
                    : String.join(", ", suggested);
            if (wanted.isEmpty()) {
                return failed(step, 0, Messages.MODEL.text("model.key.missing"), null, null,
                        Messages.MODEL.text("model.key.missing.explanation"), null,
                        steps(Messages.MODEL.text("model.key.missing.step", suggestions)));
            }
            ColumnInfo column = columns.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst().orElse(null);
            if (column == null) {
                String all = columns.stream().map(ColumnInfo::name).collect(Collectors.joining(", "));
                return failed(step, 0, Messages.MODEL.text("model.key.notfound", wanted), null, null,
                        Messages.MODEL.text("model.key.notfound.explanation", wanted, all), null,
                        steps(Messages.MODEL.text("model.key.notfound.step", wanted, suggestions)));
            }
            String sql = ModelSql.keyStats(analysis.query(), column.name());
            try {
                key = session.query(step.id(), sql, ModelSql.DUPLICATES_SHOWN + 1, rows -> readKey(rows, column.name()));
            } catch (SQLException e) {
                return failedFrom(step, since(start), Messages.MODEL.text("model.key.failed.query"), timed(sql),
                        classifier.classify(e));
            }
            if (key.unique()) {
                return passed(step, since(start), Messages.MODEL.text("model.key.passed", column.name(), key.rows(),
                        key.distinct()), timed(sql));
            }
            String duplicates = key.duplicates().stream().map(d -> d.value() + " (" + d.count() + "×)")
                    .collect(Collectors.joining(", "));
            String summary = key.duplicates().isEmpty()
                    ? Messages.MODEL.text("model.key.failed.noduplicates", column.name(), key.rows(), key.distinct(), key.nulls())
                    : Messages.MODEL.text("model.key.failed", column.name(), key.rows(), key.distinct(), key.nulls(), duplicates);
            long lost = key.rows() - key.distinct();
            String latest = KeyColumns.latestFirst(columns);
            String order = latest == null ? Messages.MODEL.text("model.key.order.placeholder")
                    : SqlIdentifiers.always(latest) + " DESC";
            List<String> fixSteps = new ArrayList<>();
            fixSteps.add(Messages.MODEL.text("model.key.step.dedupe", column.name(), order));
            if (latest != null) {
                fixSteps.add(Messages.MODEL.text("model.key.step.order", latest));
            }
            List<String> others = suggested.stream().filter(s -> !s.equalsIgnoreCase(column.name())).toList();
            if (!others.isEmpty()) {
                fixSteps.add(Messages.MODEL.text("model.key.step.other", String.join(", ", others)));
            }
            return failed(step, since(start), summary, timed(sql), null,
                    Messages.MODEL.text("model.key.explanation", lost, key.rows()), null,
                    new Remediation(fixSteps, List.of(ModelSql.deduplicated(analysis.query(), column.name(), order))));
        }

        private KeyStats readKey(ResultSet rows, String column) throws SQLException {
            long total = 0;
            long distinct = 0;
            long nulls = 0;
            List<KeyStats.Duplicate> duplicates = new ArrayList<>();
            int read = 0;
            while (read++ <= ModelSql.DUPLICATES_SHOWN && rows.next()) {
                if ("total".equals(rows.getString(1))) {
                    total = rows.getLong(3);
                    distinct = rows.getLong(4);
                    nulls = rows.getLong(5);
                } else {
                    duplicates.add(new KeyStats.Duplicate(rows.getString(2), rows.getLong(3)));
                }
            }
            return new KeyStats(column, total, distinct, nulls, duplicates);
        }

        // --- results -----------------------------------------------------------------------------

        private Remediation fix(Diagnosis d) {
            return remediations.write(d, principal != null ? principal : validation.settings().clientId(),
                    catalog == null ? null : CatalogKind.ofCatalog(catalog), catalog);
        }

        private String timed(String sql) {
            return sql + "  (" + session.lastMillis() + " ms)";
        }

        private String tried(int fromStatement) {
            if (session == null) {
                return null;
            }
            List<StatementTiming> all = session.timings();
            return all.subList(Math.min(fromStatement, all.size()), all.size()).stream()
                    .map(t -> t.sql() + "  (" + t.millis() + " ms)").collect(Collectors.joining("\n"));
        }

        private CheckResult passed(ModelStep step, long millis, String summary, String tried) {
            return new CheckResult(step.id(), step.title(), CheckStatus.PASSED, millis, summary, tried, null, null, null,
                    null);
        }

        private CheckResult failed(ModelStep step, long millis, String summary, String tried, String raw,
                String explanation, Category category, Remediation remediation) {
            return new CheckResult(step.id(), step.title(), CheckStatus.FAILED, millis, summary, tried, raw,
                    explanation, category, remediation);
        }

        private CheckResult failedFrom(ModelStep step, long millis, String summary, String tried, Diagnosis d) {
            return failed(step, millis, summary, tried, d.rawText(), explanations.explanation(d), d.category(), fix(d));
        }

        private CheckResult skipped(ModelStep step, String reason, long millis) {
            return new CheckResult(step.id(), step.title(), CheckStatus.SKIPPED, millis, reason, null, null, null, null,
                    null);
        }

        private String mask(String text) {
            return SecretMasker.mask(text, secrets);
        }

        private CheckResult mask(CheckResult r) {
            Remediation fix = r.remediation() == null ? null : new Remediation(
                    r.remediation().steps().stream().map(this::mask).toList(),
                    r.remediation().sql().stream().map(this::mask).toList());
            return new CheckResult(r.id(), r.title(), r.status(), r.millis(), mask(r.summary()), mask(r.tried()),
                    mask(r.raw()), mask(r.explanation()), r.category(), fix);
        }
    }

    private static Remediation steps(String... steps) {
        return new Remediation(List.of(steps), List.of());
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static final java.time.format.DateTimeFormatter SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Numbers and booleans stay themselves; everything else is text, long text elided. */
    static Object previewValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Double || value instanceof Float) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            // As Databricks' SQL editor shows it, without java.sql.Timestamp's trailing ".0".
            java.time.LocalDateTime time = timestamp.toLocalDateTime();
            return time.getNano() == 0 ? time.format(SECONDS) : time.toString().replace('T', ' ');
        }
        String text = value.toString();
        return text.length() <= Preview.MAX_TEXT ? text : text.substring(0, Preview.MAX_TEXT - 1) + "…";
    }
}
