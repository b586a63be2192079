package dev.homeport.netconf.testing;

import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.HostKeys;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest real NETCONF device for transport tests and the call-home scale benchmark: an engine
 * {@link ServerSession} per connection whose RPC handler answers get and get-config with one leaf naming the device,
 * close-session with ok, and anything else with operation-not-supported. Password login only.
 */
public final class MinimalEndpoint implements NetconfEndpoint {
    public static final String NAMESPACE = "urn:homeport:test:minimal";
    private static final AtomicLong SESSION_IDS = new AtomicLong();
    private static final List<String> CAPABILITIES = List.of(Capability.BASE_1_0, Capability.BASE_1_1);

    private final String name;
    private final KeyPair hostKey;
    private final String user;
    private final String password;
    private final boolean keepSessions;
    private final Queue<ServerSession> sessions = new ConcurrentLinkedQueue<>();
    private final AtomicLong accepted = new AtomicLong();

    /**
     * @param keepSessions whether to list the sessions (tests look at them; the benchmark holds thousands and does
     *                     not need the list)
     */
    public MinimalEndpoint(String name, KeyPair hostKey, String user, String password, boolean keepSessions) {
        this.name = name;
        this.hostKey = hostKey;
        this.user = user;
        this.password = password;
        this.keepSessions = keepSessions;
    }

    /** A device with a host key derived from its name (reproducible fingerprint), login admin/admin. */
    public static MinimalEndpoint named(String name) {
        return new MinimalEndpoint(name, HostKeys.ed25519(name), "admin", "admin", true);
    }

    public String fingerprint() {
        return HostKeys.fingerprint(hostKey.getPublic());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyPair hostKey() {
        return hostKey;
    }

    @Override
    public boolean authenticatePassword(String u, String p) {
        return user.equals(u) && password.equals(p);
    }

    @Override
    public boolean authenticatePublicKey(String u, PublicKey key) {
        return false;
    }

    @Override
    public void accept(NetconfTransport transport, String username) {
        accepted.incrementAndGet();
        ServerSession s = new ServerSession(transport, SESSION_IDS.incrementAndGet(), CAPABILITIES, this::answer,
                ServerOptions.defaults());
        if (keepSessions) {
            sessions.add(s);
            s.closeFuture().thenRun(() -> sessions.remove(s));
        }
        s.start();
    }

    private void answer(ServerSession session, RpcRequest req) {
        switch (req.name()) {
            case "get", "get-config" -> session.reply(req, "<data><device xmlns=\"" + NAMESPACE + "\"><name>" + name
                    + "</name></device></data>");
            case "close-session" -> {
                session.replyOk(req);
                session.close("close-session");
            }
            default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                    "this device does not support <" + req.name() + ">")));
        }
    }

    /** Open sessions (only when kept). */
    public List<ServerSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Transports handed to this endpoint so far. */
    public long accepted() {
        return accepted.get();
    }
}
