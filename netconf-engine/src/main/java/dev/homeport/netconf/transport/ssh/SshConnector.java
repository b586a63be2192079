package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.NetconfException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.PropertyResolverUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * The engine's SSH client: one MINA {@link SshClient} shared by all outgoing and call-home sessions. Host keys are
 * checked by the {@link HostKeyVerifier} given per connection; the reason of a refusal becomes the error message.
 */
public final class SshConnector implements AutoCloseable {
    /** The verifier for a session, carried from connect() (or call-home accept) to the key exchange. */
    public static final AttributeKey<HostKeyVerifier> VERIFIER = new AttributeKey<>();
    /** Why a host key was refused, for the error message. */
    public static final AttributeKey<String> REJECTION = new AttributeKey<>();
    /** The host name the user asked for (the verifier checks the key against it). */
    public static final AttributeKey<String> TARGET_HOST = new AttributeKey<>();
    /**
     * Also holds the refusal, in the connection context: MINA clears a session's own attributes once it has closed
     * the session (as it does after a refused host key), which can happen before authenticate() reads them.
     */
    private static final AttributeKey<AtomicReference<String>> REJECTION_SLOT = new AttributeKey<>();

    private final SshClient client;
    private final SshSettings settings;

    public SshConnector(SshSettings settings) {
        this.settings = settings;
        this.client = SshClient.setUpDefaultClient();
        applySettings(client, settings);
        client.setServerKeyVerifier(SshConnector::verifyServerKey);
        client.start();
    }

    public SshConnector() {
        this(SshSettings.defaults());
    }

    public static void applySettings(SshClient client, SshSettings settings) {
        if (settings.keepAliveInterval().isZero()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ZERO);
        } else {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.keepAliveInterval());
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.keepAliveMaxMissed());
        }
        // MINA's idle clock counts keep-alive replies as traffic; SshTransport keeps the idle timeout itself.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        // MINA's authentication clock starts with the TCP connection: a backstop only, since connect() and
        // authenticate() time the key exchange and the authentication themselves and say which one stalled.
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.connectTimeout().plus(settings.authTimeout())
                .plusSeconds(5));
        // NETCONF replies can be large: a wide window keeps loopback transfers at memory speed.
        CoreModuleProperties.WINDOW_SIZE.set(client, 8L * 1024 * 1024);
        PropertyResolverUtils.updateProperty(client, CoreModuleProperties.NIO2_READ_BUFFER_SIZE.getName(), 64 * 1024);
    }

    /** The MINA client, for the call-home acceptor that runs the client side on accepted sockets. */
    public SshClient client() {
        return client;
    }

    public SshSettings settings() {
        return settings;
    }

    /** Connects, checks the host key, authenticates and opens the netconf subsystem. */
    public SshTransport connect(String host, int port, SshAuth auth, HostKeyVerifier verifier) throws NetconfException {
        String peer = host + ":" + port;
        // The refusal slot lives in the connection context: MINA may close the session (clearing its attributes)
        // before anyone reads it, and the user must then still hear "host key ..." rather than "authentication failed".
        AtomicReference<String> refusal = new AtomicReference<>();
        ClientSession session;
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        try {
            AttributeRepository ctx = AttributeRepository.ofAttributesMap(java.util.Map.of(VERIFIER, verifier,
                    TARGET_HOST, host, REJECTION_SLOT, refusal));
            ConnectFuture cf = client.connect(auth.username(), host, port, ctx, null);
            if (!cf.await(settings.connectTimeout().toMillis())) {
                cf.cancel();
                throw new NetconfException("cannot connect to " + peer + ": no answer within "
                        + seconds(settings.connectTimeout()));
            }
            if (cf.getException() != null) {
                throw new NetconfException("cannot connect to " + peer + ": " + message(cf.getException()),
                        cf.getException());
            }
            session = cf.getSession();
            awaitKeyExchange(session, peer, deadline, refusal);
            authenticate(session, auth, peer, settings.authTimeout());
        } catch (HostKeyException e) {
            throw e;
        } catch (IOException e) {
            if (refusal.get() != null) {
                throw new HostKeyException(refusal.get());
            }
            throw e instanceof NetconfException ne ? ne
                    : new NetconfException("cannot connect to " + peer + ": " + message(e), e);
        }
        return SshTransport.open(session, peer, settings);
    }

    /**
     * Waits until the key exchange is done (the session is ready to authenticate) or the connect timeout has passed:
     * a port that accepts TCP but never speaks SSH, or stalls in the key exchange, is a connect failure that says so.
     */
    private void awaitKeyExchange(ClientSession session, String peer, long deadline, AtomicReference<String> refusal)
            throws NetconfException {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        Set<ClientSession.ClientSessionEvent> reached = session.waitFor(EnumSet.of(
                ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.AUTHED,
                ClientSession.ClientSessionEvent.CLOSED), left);
        if (reached.contains(ClientSession.ClientSessionEvent.CLOSED)) {
            String rejection = refusal.get() != null ? refusal.get() : rejection(session);
            if (rejection != null) {
                throw new HostKeyException(rejection);
            }
            throw new NetconfException("cannot connect to " + peer + ": the connection closed during the SSH "
                    + (session.getServerVersion() == null ? "greeting (is it an SSH server?)" : "key exchange"));
        }
        if (reached.contains(ClientSession.ClientSessionEvent.TIMEOUT)) {
            boolean greeted = session.getServerVersion() != null;
            session.close(true);
            throw new NetconfException("cannot connect to " + peer + ": " + (greeted
                    ? "the SSH key exchange did not finish within " + seconds(settings.connectTimeout())
                    : "the port accepted the connection but sent no SSH greeting within "
                            + seconds(settings.connectTimeout()) + " (is it an SSH server?)"));
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Authenticates an SSH session (outgoing or call-home). On failure the session is closed and the error says
     * whether the host key or the credentials were refused.
     */
    public static void authenticate(ClientSession session, SshAuth auth, String peer, Duration timeout)
            throws NetconfException {
        session.setUsername(auth.username());
        auth.password().ifPresent(pw -> {
            session.addPasswordIdentity(new String(pw));
            Arrays.fill(pw, '\0');
        });
        for (KeyPair kp : auth.keys()) {
            session.addPublicKeyIdentity(kp);
        }
        session.setUserInteraction(new PasswordInteraction(auth));
        try {
            AuthFuture af = session.auth();
            if (!af.await(timeout.toMillis())) {
                session.close(true);
                throw new AuthenticationException("authentication as '" + auth.username() + "' to " + peer
                        + " got no answer within " + seconds(timeout) + " (offered " + offered(auth) + ")");
            }
            if (af.getException() != null || !af.isSuccess()) {
                Throwable t = af.getException();
                throw t instanceof IOException io ? io
                        : new IOException(t == null ? "authentication failed" : message(t), t);
            }
        } catch (IOException e) {
            String rejection = rejection(session);
            session.close(true);
            if (rejection != null) {
                throw new HostKeyException(rejection);
            }
            if (e instanceof NetconfException ne) {
                throw ne;
            }
            throw new AuthenticationException("authentication as '" + auth.username() + "' to " + peer
                    + " failed: " + message(e) + " (offered " + offered(auth) + ")", e);
        }
    }

    private static String offered(SshAuth auth) {
        StringBuilder sb = new StringBuilder();
        if (!auth.keys().isEmpty()) {
            sb.append("publickey");
        }
        if (auth.password().isPresent()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("password, keyboard-interactive");
        }
        return sb.isEmpty() ? "no credentials" : sb.toString();
    }

    static boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        HostKeyVerifier v = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(VERIFIER);
        if (v == null) {
            v = session.getAttribute(VERIFIER);
        }
        if (v == null) {
            reject(session, "no host-key verifier configured for " + remote);
            return false;
        }
        String host = null;
        if (session.getConnectionContext() != null) {
            host = session.getConnectionContext().getAttribute(TARGET_HOST);
        }
        int port = 22;
        if (remote instanceof InetSocketAddress isa) {
            if (host == null) {
                host = isa.getAddress().getHostAddress();
            }
            port = isa.getPort();
        }
        HostKeyVerifier.Decision d = v.verify(host, port, remote, key);
        if (d instanceof HostKeyVerifier.Reject r) {
            reject(session, r.reason());
            return false;
        }
        return true;
    }

    private static void reject(ClientSession session, String reason) {
        session.setAttribute(REJECTION, reason);
        AtomicReference<String> slot = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(REJECTION_SLOT);
        if (slot != null) {
            slot.set(reason);
        }
    }

    /** Why the host key was refused, or null if it was not. */
    private static String rejection(ClientSession session) {
        String reason = session.getAttribute(REJECTION);
        if (reason == null && session.getConnectionContext() != null) {
            AtomicReference<String> slot = session.getConnectionContext().getAttribute(REJECTION_SLOT);
            reason = slot == null ? null : slot.get();
        }
        return reason;
    }

    /** The most telling message of an exception chain (MINA often wraps the real cause in a message-less one). */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException ignored) {
            // stopping is best effort
        }
    }

    /** Answers keyboard-interactive password prompts with the configured password, and nothing else. */
    private static final class PasswordInteraction implements UserInteraction {
        private final SshAuth auth;

        PasswordInteraction(SshAuth auth) {
            this.auth = auth;
        }

        @Override
        public boolean isInteractionAllowed(ClientSession session) {
            return auth.password().isPresent();
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                    String[] prompt, boolean[] echo) {
            String[] answers = new String[prompt.length];
            for (int i = 0; i < prompt.length; i++) {
                answers[i] = !echo[i] ? auth.password().map(String::new).orElse("") : auth.username();
            }
            return answers;
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null;
        }
    }
}
