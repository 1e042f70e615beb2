package dev.retlsetup.model;

import dev.retlsetup.source.SourceValidator;
import dev.retlsetup.check.CheckResult;
import dev.retlsetup.check.CheckStatus;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SourceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Runs the real {@link ModelChecker} (real driver, real HTTPS) against demo workspaces. */
final class ModelRuns {
    private ModelRuns() {
    }

    static DemoWorkspace start(Scenario scenario) {
        try {
            return DemoWorkspace.start(scenario, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoWorkspace start(String scenario) {
        return start(Scenario.builtIn(scenario));
    }

    /** The source as a user would type it, with the catalog given (or none: the workspace default). */
    static SourceInput input(DemoWorkspace ws, String catalog) {
        return new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(), ws.clientSecret(),
                catalog, "");
    }

    static ModelRequest request(DemoWorkspace ws, String sql, String key) {
        return new ModelRequest(SourceValidator.validate(input(ws, null), false), trust(ws), sql, key, ModelRequest.DEFAULT_PREVIEW,
                Duration.ofSeconds(30));
    }

    static TrustConfig trust(DemoWorkspace ws) {
        return new TrustConfig(ws.trustStorePath(), ws.trustStorePassword());
    }

    static ModelReport run(ModelRequest request) {
        return new ModelChecker().run(request, ModelListener.NONE);
    }

    static CheckResult result(ModelReport report, String id) {
        CheckResult result = report.check(id);
        if (result == null) {
            throw new AssertionError("no check " + id + " in " + report.checks());
        }
        return result;
    }

    static CheckStatus status(ModelReport report, String id) {
        return result(report, id).status();
    }
}
