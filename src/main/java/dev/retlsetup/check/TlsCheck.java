package dev.retlsetup.check;

import dev.retlsetup.source.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS handshake with the same trust the driver will use, verifying the certificate chain and
 * that the certificate names the host (the check the driver would do, in a fraction of the time).
 */
final class TlsCheck extends BaseCheck {
    static final String ID = "tls";

    TlsCheck() {
        super(ID, CheckText.get("check.tls.title"), List.of(TcpCheck.ID), Set.of(Field.HOST, Field.PORT),
                Duration.ofSeconds(8));
    }

    @Override
    public Outcome run(TestSession session) throws Exception {
        String host = session.settings().host();
        int port = session.settings().port();
        String tried = CheckText.get("check.tls.tried", host + ":" + port,
                session.request().trust().isCustom() ? session.request().trust().trustStore().toString()
                        : CheckText.get("check.tls.systemTrust"));
        session.sslContext = session.request().trust().sslContext();
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(session.addresses[0], port), TcpCheck.CONNECT_TIMEOUT_MS);
        plain.setSoTimeout(6000);
        // Layering over a connected socket keeps the connect timeout and tells TLS the real host name.
        try (SSLSocket socket = (SSLSocket) session.sslContext.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (host.indexOf('.') > 0 && !Character.isDigit(host.charAt(0))) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            String issuer = chain.length > 0 && chain[0] instanceof X509Certificate x509
                    ? x509.getIssuerX500Principal().getName() : "?";
            return Outcome.passed(CheckText.get("check.tls.passed", socket.getSession().getProtocol(), issuer), tried);
        } catch (javax.net.ssl.SSLException e) {
            return Outcome.failed(CheckText.get("check.tls.failed"), tried, session.classifier().classify(e));
        }
    }
}
