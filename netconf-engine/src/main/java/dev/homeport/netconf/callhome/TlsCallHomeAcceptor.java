package dev.homeport.netconf.callhome;

import dev.homeport.netconf.callhome.CallHomeDevice.State;
import dev.homeport.netconf.callhome.CallHomeServer.Attempt;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import dev.homeport.netconf.transport.tls.TlsTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS call home (RFC 8071 section 4): accepts the device's TCP connection and runs the TLS <em>client</em> on it, one
 * virtual thread per connection. The device is identified by its certificate while the handshake runs; an unknown
 * device is held right there, before the manager has sent its client certificate, until the application decides.
 */
final class TlsCallHomeAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(TlsCallHomeAcceptor.class);

    private final CallHomeServer server;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TlsCallHomeAcceptor(CallHomeServer server, ServerSocket listener) {
        this.server = server;
        this.listener = listener;
    }

    static TlsCallHomeAcceptor bind(CallHomeServer server, InetSocketAddress address) throws IOException {
        ServerSocket ss = new ServerSocket();
        try {
            ss.bind(address, server.settings().acceptBacklog());
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen for TLS call home on " + CallHomeServer.describe(address) + ": "
                    + e.getMessage(), e);
        }
        TlsCallHomeAcceptor a = new TlsCallHomeAcceptor(server, ss);
        Thread.ofVirtual().name("callhome-tls-accept").start(a::acceptLoop);
        return a;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    void stopAccepting() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Also drops connections still in their handshake or held pending. */
    void close() {
        stopAccepting();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread.ofVirtual().name("callhome-tls-" + s.getRemoteSocketAddress()).start(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.warn("accepting a TLS call-home connection failed: {}", e.getMessage());
                try {
                    Thread.sleep(100); // e.g. out of file descriptors: do not spin
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void serve(Socket tcp) {
        InetSocketAddress source = (InetSocketAddress) tcp.getRemoteSocketAddress();
        Attempt a = server.attempt(source, () -> closeQuietly(tcp));
        AtomicReference<TlsIdentity> clientIdentity = new AtomicReference<>();
        boolean handedOver = false;
        try {
            if (!server.admit(a)) {
                return;
            }
            TlsTransport transport = TlsConnector.handshake(tcp, source.getAddress().getHostAddress(),
                    source.getPort(), server.settings().tls(), () -> Optional.ofNullable(clientIdentity.get()),
                    (host, port, chain, authType) -> verify(a, chain, clientIdentity));
            NetconfSession ns = NetconfSession.open(transport, server.settings().session());
            server.connected(a, ns);
            handedOver = true;
            ns.closeFuture().whenComplete((reason, error) -> {
                open.remove(tcp);
                server.release(a);
            });
        } catch (IOException e) {
            server.establishFailed(a, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("call home from {} failed", a.peer(), e);
            server.establishFailed(a, "internal error: " + e);
        } finally {
            if (!handedOver) {
                closeQuietly(tcp);
                open.remove(tcp);
                server.release(a);
            }
        }
    }

    /**
     * Runs inside the handshake, on this connection's own thread, so it may block: identifies the device, holds an
     * unknown one until the application decides, and picks the client certificate for it.
     */
    private void verify(Attempt a, X509Certificate[] chain, AtomicReference<TlsIdentity> clientIdentity)
            throws CertificateException {
        DeviceIdentity presented = new DeviceIdentity.TlsCertificate(chain[0]);
        if (a.identity != null) {
            if (!a.identity.same(presented)) {
                throw new CertificateException("the device's certificate changed within the connection");
            }
            return;
        }
        if (!server.identify(a, presented)) {
            throw new CertificateException(a.device == null ? "refused"
                    : a.device.refusal().orElse("device " + presented.fingerprint() + " refused"));
        }
        CallHomeDevice d = a.device;
        try {
            if (!server.decide(a)) {
                throw new CertificateException("device " + d.fingerprint() + " is not trusted");
            }
        } catch (IOException e) {
            throw new CertificateException("cannot record trust in device " + d.fingerprint() + ": " + e.getMessage(),
                    e);
        }
        Optional<TlsIdentity> identity = server.credentials().tlsIdentityFor(d);
        if (identity.isEmpty()) {
            server.refuse(a, "no TLS client certificate configured for device " + d.fingerprint(), false);
            d.state(State.OFFLINE);
            throw new CertificateException("no TLS client certificate configured for device " + d.fingerprint());
        }
        clientIdentity.set(identity.get());
        d.state(State.CONNECTING);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
