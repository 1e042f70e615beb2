package dev.retlsetup.admin;

import dev.retlsetup.check.ConnectionTestListener;
import dev.retlsetup.check.ConnectionTestReport;
import dev.retlsetup.check.ConnectionTestRequest;
import dev.retlsetup.check.ConnectionTester;
import dev.retlsetup.check.TrustConfig;
import dev.retlsetup.demo.DemoWorkspace;
import dev.retlsetup.demo.Scenario;
import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Demo workspaces and connection tests for the admin tests: the real driver over real HTTPS. */
final class AdminDemo {
    private AdminDemo() {
    }

    static DemoWorkspace start(String scenario) {
        return start(Scenario.builtIn(scenario));
    }

    static DemoWorkspace start(Scenario scenario) {
        try {
            return DemoWorkspace.start(scenario, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrustConfig trust(DemoWorkspace ws) {
        return new TrustConfig(ws.trustStorePath(), ws.trustStorePassword());
    }

    static ConnectionTestRequest request(DemoWorkspace ws, String catalog, String schemas) {
        SourceInput typed = new SourceInput(ws.host(), ws.httpPath(), String.valueOf(ws.port()), ws.clientId(),
                ws.clientSecret(), catalog, schemas);
        return ConnectionTestRequest.of(SourceValidator.validate(typed, false), trust(ws));
    }

    static ConnectionTestRequest request(DemoWorkspace ws) {
        return request(ws, "main", "main.marketing");
    }

    static ConnectionTestReport test(ConnectionTestRequest request) {
        return new ConnectionTester().run(request, ConnectionTestListener.NONE);
    }

    static AdminFix fix(ConnectionTestRequest request, DemoWorkspace ws) {
        try {
            return new AdminFix(request, AdminToken.of(ws.adminToken()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
