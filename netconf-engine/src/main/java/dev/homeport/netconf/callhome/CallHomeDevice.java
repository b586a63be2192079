package dev.homeport.netconf.callhome;

import dev.homeport.netconf.session.NetconfSession;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * A device known to the call-home listener, identified by its host key fingerprint (or certificate fingerprint for
 * TLS), never by its address: devices behind NAT share and change addresses (RFC 8071 section 3.1).
 */
public final class CallHomeDevice {
    public enum State {
        /** Unknown key: waiting for the application to trust or reject it. */
        PENDING,
        /** Trusted, authenticating and exchanging hellos. */
        CONNECTING,
        CONNECTED,
        /** Trusted, not connected now; it will be accepted when it calls again. */
        OFFLINE,
        /** Refused: rejected by the user, or its key changed. */
        REFUSED
    }

    public enum Transport { SSH, TLS }

    private final String fingerprint;
    private final String keyType;
    private final Transport transport;
    private final Instant firstSeen;
    /** The key or certificate last presented, kept so that trusting a device that has hung up still records it. */
    private volatile DeviceIdentity identity;
    private volatile InetSocketAddress lastAddress;
    private volatile Instant lastSeen;
    private volatile State state;
    private volatile String refusal;
    private volatile NetconfSession session;

    CallHomeDevice(DeviceIdentity identity, InetSocketAddress address, State state) {
        this.identity = identity;
        this.fingerprint = identity.fingerprint();
        this.keyType = identity.type();
        this.transport = identity.transport();
        this.firstSeen = Instant.now();
        this.lastSeen = firstSeen;
        this.lastAddress = address;
        this.state = state;
    }

    /** {@code SHA256:...} of the SSH host key (as OpenSSH prints it) or of the TLS certificate. */
    public String fingerprint() {
        return fingerprint;
    }

    /** {@code ssh-ed25519}, {@code X.509 EC}... */
    public String keyType() {
        return keyType;
    }

    /** The host key or certificate the device presented. */
    public DeviceIdentity identity() {
        return identity;
    }

    public Transport transport() {
        return transport;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public InetSocketAddress lastAddress() {
        return lastAddress;
    }

    public State state() {
        return state;
    }

    /** Why it was refused, when it was. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The live session while connected. */
    public Optional<NetconfSession> session() {
        return Optional.ofNullable(session).filter(NetconfSession::isOpen);
    }

    void presented(DeviceIdentity id) {
        this.identity = id;
    }

    void seen(InetSocketAddress address) {
        this.lastAddress = address;
        this.lastSeen = Instant.now();
    }

    void state(State s) {
        this.state = s;
        if (s != State.REFUSED) {
            this.refusal = null;
        }
    }

    void refused(String why) {
        this.state = State.REFUSED;
        this.refusal = why;
    }

    void session(NetconfSession s) {
        this.session = s;
    }

    @Override
    public String toString() {
        return fingerprint + " (" + state.name().toLowerCase(java.util.Locale.ROOT) + ", last from "
                + (lastAddress == null ? "?" : lastAddress.getAddress().getHostAddress() + ":" + lastAddress.getPort())
                + ")";
    }
}
