package dev.homeport.netconf.transport.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for one side of a TLS connection: it checks the peer's chain with {@link #check} and refuses to be
 * used the other way round. JSSE calls one of three overloads per side; they all end in the same check.
 */
abstract class OneSidedTrustManager extends X509ExtendedTrustManager {
    private final boolean checksServers;

    /** @param checksServers true for a TLS client (it checks servers), false for a TLS server */
    OneSidedTrustManager(boolean checksServers) {
        this.checksServers = checksServers;
    }

    /** Checks the peer's certificate chain; throws with the reason to refuse it. */
    abstract void check(X509Certificate[] chain, String authType) throws CertificateException;

    private void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
        if (!checksServers) {
            throw new CertificateException("this is a TLS server");
        }
        check(chain, authType);
    }

    private void checkClient(X509Certificate[] chain, String authType) throws CertificateException {
        if (checksServers) {
            throw new CertificateException("this is a TLS client");
        }
        check(chain, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClient(chain, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClient(chain, authType);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClient(chain, authType);
    }

    @Override
    public final X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
