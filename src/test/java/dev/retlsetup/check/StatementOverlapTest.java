package dev.retlsetup.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retlsetup.source.SourceInput;
import dev.retlsetup.source.SourceValidator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The checks after the session overlap their statements unless the workspace shares this machine's cores. */
class StatementOverlapTest {
    private static ConnectionTestRun run(StatementOverlap overlap, InetAddress... found) {
        SourceInput input = new SourceInput("dbc-a1b2c3d4-e5f6.cloud.databricks.com", "/sql/1.0/warehouses/8f3c2a91d4e07b56",
                "443", "6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "dose0123456789abcdef0123456789abcdef", "main", "main.marketing");
        var validation = SourceValidator.validate(input, false);
        ConnectionTestRun run = new ConnectionTestRun(
                ConnectionTestRequest.of(validation, TrustConfig.systemDefault()).withStatementOverlap(overlap), validation);
        run.addresses = found;
        return run;
    }

    private static InetAddress address(String name, int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(name, raw);
    }

    @Test
    void aRemoteWorkspaceOverlaps() throws Exception {
        assertTrue(run(StatementOverlap.AUTO, address("workspace", 52, 27, 216, 188)).overlapsStatements());
        assertTrue(run(StatementOverlap.AUTO, address("workspace", 10, 0, 0, 7)).overlapsStatements());
    }

    @Test
    void aWorkspaceOnThisMachineRunsOneStatementAfterAnother() throws Exception {
        assertFalse(run(StatementOverlap.AUTO, address("localhost", 127, 0, 0, 1),
                address("localhost", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).overlapsStatements());
    }

    @Test
    void oneRemoteAddressAmongLoopbackOnesOverlaps() throws Exception {
        assertTrue(run(StatementOverlap.AUTO, address("mixed", 127, 0, 0, 1), address("mixed", 52, 27, 216, 188))
                .overlapsStatements());
    }

    @Test
    void withoutADnsAnswerItOverlapsAsForARemoteWorkspace() {
        assertTrue(run(StatementOverlap.AUTO).overlapsStatements());
        assertTrue(run(StatementOverlap.AUTO, (InetAddress[]) null).overlapsStatements());
    }

    @Test
    void theRequestCanSayEitherWay() throws Exception {
        assertTrue(run(StatementOverlap.ALWAYS, address("localhost", 127, 0, 0, 1)).overlapsStatements());
        assertFalse(run(StatementOverlap.NEVER, address("workspace", 52, 27, 216, 188)).overlapsStatements());
    }
}
