package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Opens a plain TCP connection to host:port; a firewall or a wrong port fails fast here. */
final class TcpCheck extends BaseCheck {
    static final String ID = "tcp";
    static final int CONNECT_TIMEOUT_MS = 4000;

    TcpCheck() {
        super(ID, Messages.CHECK.text("check.tcp.title"), List.of(DnsCheck.ID), Set.of(Field.HOST, Field.PORT),
                Duration.ofSeconds(6));
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        int port = session.settings().port();
        String target = session.settings().host() + ":" + port;
        String tried = Messages.CHECK.text("check.tcp.tried", target);
        IOException last = null;
        for (var address : session.addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MS);
                return Outcome.passed(Messages.CHECK.text("check.tcp.passed", target), tried);
            } catch (IOException e) {
                last = e;
            }
        }
        return Outcome.failed(Messages.CHECK.text("check.tcp.failed", target), tried, session.classifier().classify(last));
    }
}
