package dev.retlsetup.check;

import dev.retlsetup.i18n.Messages;
import dev.retlsetup.source.Field;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A TLS handshake with the same trust the driver will use, verifying the certificate chain and
 * that the certificate names the host (the check the driver would do, in a fraction of the time).
 */
final class TlsCheck extends BaseCheck {
    static final String ID = "tls";

    TlsCheck() {
        super(ID, Messages.CHECK.text("check.tls.title"), List.of(TcpCheck.ID), Set.of(Field.HOST, Field.PORT),
                Duration.ofSeconds(8));
    }

    @Override
    public Outcome run(ConnectionTestRun session) throws Exception {
        String host = session.settings().host();
        int port = session.settings().port();
        String tried = Messages.CHECK.text("check.tls.tried", host + ":" + port,
                session.request().trust().isCustom() ? session.request().trust().trustStore().toString()
                        : Messages.CHECK.text("check.tls.systemTrust"));
        session.sslContext = session.trustContext();
        // The handshake is made by the tester's HTTPS client fetching the OAuth discovery document:
        // one connection proves trust and host name, and the sign-in check reuses it and the answer.
        String url = Http.baseUrl(session) + OAuthCheck.DISCOVERY_PATH;
        Http.Response response;
        try {
            response = session.http().get(url, Http.headers("Accept", "application/json"));
        } catch (IOException e) {
            if (!isTls(e)) {
                throw e;
            }
            return Outcome.failed(Messages.CHECK.text("check.tls.failed"), tried, session.classifier().classify(e));
        }
        session.discovery = response;
        Optional<SSLSession> tls = response.sslSession();
        String protocol = tls.map(SSLSession::getProtocol).orElse("TLS");
        String issuer = tls.map(TlsCheck::issuer).orElse("?");
        return Outcome.passed(Messages.CHECK.text("check.tls.passed", protocol, issuer), tried);
    }

    private static String issuer(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509
                    ? x509.getIssuerX500Principal().getName() : "?";
        } catch (SSLPeerUnverifiedException e) {
            return "?";
        }
    }

    private static boolean isTls(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }
}
