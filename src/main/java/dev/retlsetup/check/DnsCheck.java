package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves the workspace host: a typo or a missing VPN shows up here in milliseconds. */
final class DnsCheck extends BaseCheck {
    static final String ID = "dns";

    DnsCheck() {
        super(ID, Messages.CHECK.text("check.dns.title"), List.of(), Set.of(Field.HOST), Duration.ofSeconds(5));
    }

    @Override
    public Outcome run(ConnectionTestRun session) {
        String host = session.settings().host();
        String tried = Messages.CHECK.text("check.dns.tried", host);
        try {
            session.addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Outcome.failed(Messages.CHECK.text("check.dns.failed", host), tried, session.classifier().classify(e));
        }
        String addresses = Arrays.stream(session.addresses).map(InetAddress::getHostAddress).distinct().limit(3)
                .collect(Collectors.joining(", "));
        return Outcome.passed(Messages.CHECK.text("check.dns.passed", host, addresses), tried);
    }
}
