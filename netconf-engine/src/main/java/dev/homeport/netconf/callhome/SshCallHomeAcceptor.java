package dev.homeport.netconf.callhome;

import dev.homeport.netconf.callhome.CallHomeDevice.State;
import dev.homeport.netconf.callhome.CallHomeServer.Attempt;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSettings;
import dev.homeport.netconf.transport.ssh.SshTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSH call home (RFC 8071 section 3): a MINA SSH client whose sessions come from an acceptor instead of connect().
 * The host key is classified during key exchange (on a MINA I/O thread, so nothing blocks there); the decision,
 * authentication and NETCONF hello run on a worker once the keys are established.
 */
final class SshCallHomeAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(SshCallHomeAcceptor.class);
    private static final AttributeKey<Attempt> ATTEMPT = new AttributeKey<>();

    private final CallHomeServer server;
    private SshClient client;
    private IoAcceptor acceptor;
    private InetSocketAddress bound;

    private SshCallHomeAcceptor(CallHomeServer server) {
        this.server = server;
    }

    static SshCallHomeAcceptor bind(CallHomeServer server, InetSocketAddress address) throws IOException {
        SshCallHomeAcceptor a = new SshCallHomeAcceptor(server);
        a.start(address);
        return a;
    }

    private void start(InetSocketAddress address) throws IOException {
        SshClient c = SshClient.setUpDefaultClient();
        SshSettings ssh = server.settings().ssh();
        SshConnector.applySettings(c, ssh);
        // MINA's authentication clock starts with the TCP connection, and a device held for the user's decision
        // has not authenticated yet: the backstop must outlast that hold, or MINA drops pending devices early
        CoreModuleProperties.AUTH_TIMEOUT.set(c, ssh.connectTimeout().plus(server.settings().pendingTimeout())
                .plus(ssh.authTimeout()).plusSeconds(5));
        c.setServerKeyVerifier(this::verifyKey);
        c.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                onCreated((ClientSession) session);
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KeyEstablished) {
                    onKeyEstablished((ClientSession) session);
                }
            }

            @Override
            public void sessionClosed(Session session) {
                Attempt a = session.getAttribute(ATTEMPT);
                if (a != null) {
                    server.release(a);
                }
            }
        });
        CoreModuleProperties.SOCKET_BACKLOG.set(c, server.settings().acceptBacklog());
        c.start();
        IoAcceptor acc = c.getIoServiceFactory().createAcceptor(c.getSessionFactory());
        try {
            acc.bind(address);
        } catch (IOException e) {
            c.stop();
            throw new IOException("cannot listen for SSH call home on " + CallHomeServer.describe(address) + ": "
                    + e.getMessage(), e);
        }
        this.client = c;
        this.acceptor = acc;
        this.bound = (InetSocketAddress) acc.getBoundAddresses().iterator().next();
    }

    InetSocketAddress address() {
        return bound;
    }

    void stopAccepting() {
        if (acceptor != null) {
            acceptor.close(true);
            acceptor = null;
        }
    }

    void close() {
        stopAccepting();
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    private void onCreated(ClientSession session) {
        SocketAddress remote = session.getRemoteAddress();
        InetSocketAddress source = remote instanceof InetSocketAddress isa ? isa : new InetSocketAddress(0);
        Attempt a = server.attempt(source, () -> session.close(true));
        session.setAttribute(ATTEMPT, a);
        server.admit(a);
    }

    /** Runs during key exchange on an I/O thread: classify only, decide nothing that blocks. */
    private boolean verifyKey(ClientSession session, SocketAddress remote, PublicKey key) {
        Attempt a = session.getAttribute(ATTEMPT);
        if (a == null || session.isClosing()) {
            return false;
        }
        DeviceIdentity presented = new DeviceIdentity.SshHostKey(key);
        if (a.identity != null) {
            // re-key: the host key must not change within a session
            return a.identity.same(presented);
        }
        return server.identify(a, presented);
    }

    private void onKeyEstablished(ClientSession session) {
        Attempt a = session.getAttribute(ATTEMPT);
        if (a == null || a.device == null || !a.started.compareAndSet(false, true)) {
            return;
        }
        EngineThreads.workers().execute(() -> establish(session, a));
    }

    private void establish(ClientSession session, Attempt a) {
        CallHomeDevice d = a.device;
        String peer = a.peer();
        try {
            if (!server.decide(a)) {
                return;
            }
            Optional<SshAuth> auth = server.credentials().credentialsFor(d);
            if (auth.isEmpty()) {
                server.refuse(a, "no credentials configured for device " + d.fingerprint(), false);
                d.state(State.OFFLINE);
                return;
            }
            d.state(State.CONNECTING);
            SshConnector.authenticate(session, auth.get(), peer, server.settings().ssh().authTimeout());
            SshTransport transport = SshTransport.open(session, peer, server.settings().ssh());
            NetconfSession ns = NetconfSession.open(transport, server.settings().session());
            server.connected(a, ns);
        } catch (IOException e) {
            server.establishFailed(a, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("call home from {} failed", peer, e);
            server.establishFailed(a, "internal error: " + e);
        }
    }
}
