package dev.homeport.browser.core;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.tls.Certificates;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The browser's state without any UI: the engine's call-home listeners (SSH and TLS, each switched on and off on its
 * own), the devices they report, the ordinary devices the user connected to, the device the user works on, saved
 * state ({@link BrowserState}) and logins ({@link CredentialStore}), and a background executor and {@link
 * BackgroundJobs} for everything that does I/O (the UI thread never does). The views observe it; tests drive the
 * same object.
 */
public final class DeviceBrowser implements AutoCloseable {
    /** How to reach an ordinary (not call-home) device: "Connect...". */
    public record ConnectRequest(DeviceEntry.Transport transport, String host, int port, String user, char[] password,
                                 String profile, boolean trustNewKey) {
        public ConnectRequest {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the device's host is empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the device's port must be 1..65535, not " + port);
            }
            host = host.trim();
            user = user == null ? "" : user.trim();
            profile = profile == null ? "" : profile;
            password = password == null ? new char[0] : password.clone();
        }

        public String id() {
            return DeviceEntry.directId(transport, host, port);
        }

        @Override
        public String toString() {
            return "ConnectRequest[" + id() + ", user " + user + ", profile " + profile + ", password ***]";
        }
    }

    private final CallHomeTrust trust;
    private final ModuleCache cache;
    private final BrowserState state;
    private final CredentialStore credentials;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "homeport-browser-io");
        t.setDaemon(true);
        return t;
    });
    private volatile BackgroundJobs jobs = BackgroundJobs.on(io);
    private final List<Consumer<CallHomeEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> listenerStateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<DeviceConnection>>> selectionListeners = new CopyOnWriteArrayList<>();
    private final Map<NetconfSession, DeviceConnection> connections = new ConcurrentHashMap<>();
    /** Ordinary devices of this run: their entry (state, error) and, when connected, their connection. */
    private final Map<String, DeviceEntry> direct = new ConcurrentHashMap<>();
    private final Map<String, DeviceConnection> directConnections = new ConcurrentHashMap<>();
    /** Passwords typed in "Connect..." (not a profile): kept for Reconnect in this run only, never saved. */
    private final Map<String, char[]> typedPasswords = new ConcurrentHashMap<>();
    private volatile BrowserSettings settings;
    private volatile CallHomeServer sshServer;
    private volatile CallHomeServer tlsServer;
    private final MessageLog messages = new MessageLog();
    private volatile Optional<DeviceConnection> selected = Optional.empty();

    /**
     * Nothing saved between runs (tests).
     *
     * @param trust the pinned device keys (a known_hosts file in the workspace, or in memory for tests)
     * @param cache where downloaded modules are kept between devices and runs
     */
    public DeviceBrowser(CallHomeTrust trust, ModuleCache cache) {
        this(trust, cache, BrowserState.inMemory(), CredentialStore.inMemory());
    }

    /** With the state and logins of a workspace: the settings and known devices of the last run come back. */
    public DeviceBrowser(CallHomeTrust trust, ModuleCache cache, BrowserState state, CredentialStore credentials) {
        this.trust = trust;
        this.cache = cache;
        this.state = state;
        this.credentials = credentials;
        BrowserSettings s = state.settings().orElse(BrowserSettings.defaults());
        try {
            Optional<char[]> pw = credentials.listenerPassword();
            if (pw.isPresent()) {
                s = s.withLogin(s.username(), pw.get());
            } else if (state.settings().isEmpty()) {
                s = BrowserSettings.defaults();
            }
        } catch (IOException e) {
            // no saved password: the user types it
        }
        this.settings = s;
    }

    public BrowserSettings settings() {
        return settings;
    }

    public BrowserState state() {
        return state;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    public CallHomeTrust trust() {
        return trust;
    }

    public BackgroundJobs jobs() {
        return jobs;
    }

    /** The workbench replaces the plain executor jobs with Eclipse Jobs. */
    public void jobs(BackgroundJobs j) {
        jobs = j;
    }

    /**
     * Applies settings: new credentials serve the next login; a new address restarts a running listener. They are
     * saved (the password in the credential store, the rest in the state file).
     */
    public synchronized void applySettings(BrowserSettings s) throws IOException {
        BrowserSettings old = settings;
        settings = s;
        if (sshServer != null && (!s.listenHost().equals(old.listenHost()) || s.sshPort() != old.sshPort())) {
            stopSsh(false);
            startSsh(false);
        }
        if (tlsServer != null && (!s.listenHost().equals(old.listenHost()) || s.tlsPort() != old.tlsPort()
                || !s.tlsCertificate().equals(old.tlsCertificate()) || !s.tlsKey().equals(old.tlsKey()))) {
            stopTls(false);
            startTls(false);
        }
        save();
    }

    private void save() {
        try {
            state.settings(settings);
            char[] pw = settings.password();
            if (pw.length > 0) {
                credentials.saveListenerPassword(pw);
            }
            state.save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the browser's state: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ listeners

    /** Starts the SSH call-home listener (and the TLS one when it is switched on and has a client certificate). */
    public synchronized void startListening() throws IOException {
        startSsh(true);
        if (settings.tlsEnabled() && settings.hasTlsIdentity()) {
            startTls(true);
        }
    }

    /** Starts the listeners that were on when the browser last ran. */
    public synchronized void startEnabledListeners() throws IOException {
        if (settings.sshEnabled()) {
            startSsh(false);
        }
        if (settings.tlsEnabled() && settings.hasTlsIdentity()) {
            startTls(false);
        }
    }

    /** Stops both listeners (their on/off settings stay as they are: see {@link #stopSsh} for the switch). */
    public synchronized void stopListening() {
        stopSsh(false);
        stopTls(false);
    }

    /**
     * Starts the SSH call-home listener on the settings' address.
     *
     * @param remember whether this is the user's switch (saved: it starts again on the next run)
     */
    public synchronized void startSsh(boolean remember) throws IOException {
        if (sshServer == null) {
            sshServer = start(CallHomeSettings.defaults().withSsh(settings.sshAddress()));
        }
        if (remember && !settings.sshEnabled()) {
            settings = settings.withEnabled(true, settings.tlsEnabled());
            save();
        }
        changed();
    }

    public synchronized void stopSsh(boolean remember) {
        CallHomeServer s = sshServer;
        sshServer = null;
        stop(s);
        if (remember && settings.sshEnabled()) {
            settings = settings.withEnabled(false, settings.tlsEnabled());
            save();
        }
        changed();
    }

    /** Starts the TLS call-home listener; it needs the client certificate and key of the settings. */
    public synchronized void startTls(boolean remember) throws IOException {
        if (tlsServer == null) {
            tlsIdentity(); // fails here, clearly, when the files are missing or unreadable
            tlsServer = start(CallHomeSettings.defaults().withTls(settings.tlsAddress()));
        }
        if (remember && !settings.tlsEnabled()) {
            settings = settings.withEnabled(settings.sshEnabled(), true);
            save();
        }
        changed();
    }

    public synchronized void stopTls(boolean remember) {
        CallHomeServer s = tlsServer;
        tlsServer = null;
        stop(s);
        if (remember && settings.tlsEnabled()) {
            settings = settings.withEnabled(settings.sshEnabled(), false);
            save();
        }
        changed();
    }

    private CallHomeServer start(CallHomeSettings where) throws IOException {
        // credentials are looked up per login, so a settings or profile change applies to the next device
        CredentialsProvider logins = new CredentialsProvider() {
            @Override
            public Optional<SshAuth> credentialsFor(CallHomeDevice device) {
                return Optional.of(sshLogin(device.fingerprint()));
            }

            @Override
            public Optional<TlsIdentity> tlsIdentityFor(CallHomeDevice device) {
                try {
                    return Optional.of(tlsIdentity());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        };
        CallHomeServer s = new CallHomeServer(where.withSession(SessionOptions.defaults().withTrace(messages.trace())),
                trust, logins);
        s.addListener(this::onEvent);
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void stop(CallHomeServer s) {
        if (s == null) {
            return;
        }
        s.close();
        connections.values().removeIf(c -> c.device() != null && s.device(c.device().fingerprint()).isPresent());
        if (selected.map(c -> c.device() != null && s.device(c.device().fingerprint()).isPresent()).orElse(false)) {
            select(null);
        }
    }

    /** The SSH login for a call-home device: its profile's, else the listener's user and password. */
    private SshAuth sshLogin(String fingerprint) {
        String profile = state.device(fingerprint).map(DeviceEntry::profile).orElse("");
        if (!profile.isEmpty()) {
            try {
                Optional<CredentialStore.Profile> p = credentials.profile(profile);
                Optional<char[]> pw = credentials.password(profile);
                if (p.isPresent() && pw.isPresent()) {
                    return SshAuth.password(p.get().user(), pw.get());
                }
            } catch (IOException e) {
                // the listener's login, below
            }
        }
        BrowserSettings s = settings;
        return SshAuth.password(s.username(), s.password());
    }

    private TlsIdentity tlsIdentity() throws IOException {
        BrowserSettings s = settings;
        if (!s.hasTlsIdentity()) {
            throw new IOException("TLS call home needs the browser's client certificate and key (PEM files)");
        }
        try {
            return TlsIdentity.fromPem(Path.of(s.tlsCertificate()), Path.of(s.tlsKey()), null);
        } catch (Exception e) {
            throw new IOException("cannot read the TLS client certificate " + s.tlsCertificate() + " and key "
                    + s.tlsKey() + ": " + e.getMessage(), e);
        }
    }

    public boolean isListening() {
        return isSshListening() || isTlsListening();
    }

    public boolean isSshListening() {
        CallHomeServer s = sshServer;
        return s != null && s.isRunning();
    }

    public boolean isTlsListening() {
        CallHomeServer s = tlsServer;
        return s != null && s.isRunning();
    }

    /** The bound SSH call-home address (the real port when the settings ask for port 0). */
    public Optional<InetSocketAddress> sshAddress() {
        CallHomeServer s = sshServer;
        return s == null ? Optional.empty() : Optional.ofNullable(s.sshAddress());
    }

    /** The bound TLS call-home address. */
    public Optional<InetSocketAddress> tlsAddress() {
        CallHomeServer s = tlsServer;
        return s == null ? Optional.empty() : Optional.ofNullable(s.tlsAddress());
    }

    // ------------------------------------------------------------------ devices

    /** The call-home devices of this run (both listeners). */
    public List<CallHomeDevice> devices() {
        List<CallHomeDevice> out = new ArrayList<>();
        for (CallHomeServer s : servers()) {
            out.addAll(s.devices());
        }
        return out;
    }

    private List<CallHomeServer> servers() {
        List<CallHomeServer> out = new ArrayList<>(2);
        CallHomeServer s = sshServer;
        CallHomeServer t = tlsServer;
        if (s != null) {
            out.add(s);
        }
        if (t != null) {
            out.add(t);
        }
        return out;
    }

    /**
     * Every device the Devices view lists: call-home devices seen in this run, ordinary devices connected in this
     * run, and the known devices of earlier runs (offline until they call or are connected again).
     */
    public List<DeviceEntry> entries() {
        Map<String, DeviceEntry> out = new LinkedHashMap<>();
        for (CallHomeDevice d : devices()) {
            out.put(d.fingerprint(), entry(d));
        }
        out.putAll(direct);
        for (DeviceEntry known : state.devices()) {
            out.putIfAbsent(known.id(), known);
        }
        List<DeviceEntry> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparingInt((DeviceEntry e) -> switch (e.state()) {
            case PENDING -> 0;
            case CONNECTING, CONNECTED -> 1;
            case OFFLINE -> 2;
            case REFUSED -> 3;
        }).thenComparing(DeviceEntry::firstSeen));
        return list;
    }

    private DeviceEntry entry(CallHomeDevice d) {
        InetSocketAddress a = d.lastAddress();
        String address = a == null ? "" : a.getAddress().getHostAddress() + ":" + a.getPort();
        DeviceEntry.State st = DeviceEntry.State.valueOf(d.state().name());
        String profile = state.device(d.fingerprint()).map(DeviceEntry::profile).orElse("");
        return new DeviceEntry(d.fingerprint(), DeviceEntry.Kind.CALL_HOME,
                DeviceEntry.Transport.valueOf(d.transport().name()), st, address, d.keyType(), d.fingerprint(),
                state.device(d.fingerprint()).map(DeviceEntry::firstSeen).orElse(d.firstSeen()),
                d.refusal().orElse(""), "", 0, "", profile);
    }

    public Optional<DeviceEntry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public void trust(String fingerprint) throws IOException {
        trust(fingerprint, "");
    }

    /**
     * Trusts a pending call-home device: pins its key or certificate, remembers it (with the profile it logs in
     * with; empty for the listener's login), and lets its held connection go on to the login.
     */
    public void trust(String fingerprint, String profile) throws IOException {
        CallHomeServer s = serverOf(fingerprint);
        CallHomeDevice d = s.device(fingerprint).orElseThrow();
        // remember the profile first: the login that follows the trust asks for it
        state.remember(entry(d).withProfile(profile));
        state.save();
        s.trust(fingerprint);
        changed();
    }

    public void reject(String fingerprint) {
        serverOf(fingerprint).reject(fingerprint);
        changed();
    }

    /**
     * Forgets a device: unpins its key or certificate (a call-home device is unknown again when it next calls),
     * closes its session, and drops it from the known devices.
     */
    public void forget(String id) throws IOException {
        disconnect(id);
        for (CallHomeServer s : servers()) {
            s.forget(id);
        }
        DeviceEntry e = state.device(id).orElse(direct.get(id));
        String fp = e == null ? id : e.fingerprint();
        if (!fp.isEmpty()) {
            trust.forget(fp);
        }
        direct.remove(id);
        typedPasswords.remove(id);
        state.forget(id);
        state.save();
        changed();
    }

    /** Closes the device's session (a call-home device that calls again is accepted again: it stays trusted). */
    public void disconnect(String id) {
        DeviceConnection d = directConnections.remove(id);
        if (d != null) {
            d.client().close();
            direct.computeIfPresent(id, (k, e) -> e.withState(DeviceEntry.State.OFFLINE, "disconnected"));
        }
        for (CallHomeServer s : servers()) {
            s.device(id).flatMap(CallHomeDevice::session).ifPresent(NetconfSession::close);
        }
        if (selected.map(c -> id.equals(c.id())).orElse(false)) {
            select(null);
        }
        changed();
    }

    private CallHomeServer serverOf(String fingerprint) {
        for (CallHomeServer s : servers()) {
            if (s.device(fingerprint).isPresent()) {
                return s;
            }
        }
        if (servers().isEmpty()) {
            throw new IllegalStateException("the call-home listeners are stopped");
        }
        throw new IllegalArgumentException("no call-home device with fingerprint " + fingerprint);
    }

    // ------------------------------------------------------------------ ordinary devices

    /**
     * Connects to an ordinary NETCONF device (SSH or TLS, blocking): the host key or certificate must be pinned
     * already, or {@link ConnectRequest#trustNewKey()} pins a new one (a changed one is always refused). SSH logs in
     * with the profile's user and password, or the ones given; TLS with the browser's client certificate.
     */
    public DeviceConnection connect(ConnectRequest r) throws IOException, NetconfException {
        String id = r.id();
        AtomicReference<String[]> seen = new AtomicReference<>(new String[] {"", ""});
        DeviceEntry connecting = new DeviceEntry(id, DeviceEntry.Kind.DIRECT, r.transport(),
                DeviceEntry.State.CONNECTING, r.host() + ":" + r.port(), "", "",
                state.device(id).map(DeviceEntry::firstSeen).orElse(Instant.now()), "", r.host(), r.port(),
                r.user(), r.profile());
        direct.put(id, connecting);
        changed();
        try {
            NetconfTransport transport = switch (r.transport()) {
                case SSH -> new SshConnector().connect(r.host(), r.port(), login(r), verifier(r, seen));
                case TLS -> new TlsConnector().connect(r.host(), r.port(), tlsIdentity(), serverTrust(r, seen));
            };
            NetconfSession session = NetconfSession.open(transport, SessionOptions.defaults().withTrace(messages.trace()));
            DeviceConnection c = new DeviceConnection(id, session, cache);
            DeviceEntry up = new DeviceEntry(id, DeviceEntry.Kind.DIRECT, r.transport(), DeviceEntry.State.CONNECTED,
                    connecting.address(), seen.get()[0], seen.get()[1], connecting.firstSeen(), "", r.host(),
                    r.port(), r.user(), r.profile());
            direct.put(id, up);
            directConnections.put(id, c);
            if (r.profile().isEmpty() && r.password().length > 0) {
                typedPasswords.put(id, r.password());
            }
            state.remember(up);
            state.save();
            session.closeFuture().whenComplete((why, e) -> {
                if (directConnections.remove(id, c)) {
                    direct.computeIfPresent(id, (k, v) -> v.withState(DeviceEntry.State.OFFLINE,
                            "session closed"));
                    if (selected.map(s -> s == c).orElse(false)) {
                        select(null);
                    }
                    changed();
                }
            });
            changed();
            return c;
        } catch (IOException | RuntimeException e) {
            direct.put(id, connecting.withState(DeviceEntry.State.OFFLINE, DeviceEntry.CONNECT_FAILED
                    + e.getMessage()));
            changed();
            throw e;
        }
    }

    /** Connects an ordinary device again with what it was connected with (its profile, or this run's password). */
    public DeviceConnection reconnect(String id) throws IOException, NetconfException {
        DeviceEntry e = Optional.ofNullable(direct.get(id)).or(() -> state.device(id))
                .filter(x -> x.kind() == DeviceEntry.Kind.DIRECT)
                .orElseThrow(() -> new IllegalArgumentException("Reconnect is for devices reached with Connect...; "
                        + "a call-home device connects when it calls"));
        disconnect(id);
        char[] pw = typedPasswords.getOrDefault(id, new char[0]);
        if (e.profile().isEmpty() && pw.length == 0 && e.transport() == DeviceEntry.Transport.SSH) {
            throw new IllegalArgumentException("no saved password for " + id + ": use Connect... with a password or "
                    + "a profile");
        }
        return connect(new ConnectRequest(e.transport(), e.host(), e.port(), e.user(), pw, e.profile(), false));
    }

    private SshAuth login(ConnectRequest r) throws IOException {
        if (!r.profile().isEmpty()) {
            CredentialStore.Profile p = credentials.profile(r.profile()).orElseThrow(
                    () -> new IOException("no credential profile '" + r.profile() + "'"));
            char[] pw = credentials.password(r.profile()).orElseThrow(
                    () -> new IOException("profile '" + r.profile() + "' has no saved password"));
            return SshAuth.password(p.user(), pw);
        }
        if (r.user().isEmpty()) {
            throw new IllegalArgumentException("give a user (or choose a profile)");
        }
        return SshAuth.password(r.user(), r.password());
    }

    private HostKeyVerifier verifier(ConnectRequest r, AtomicReference<String[]> seen) {
        KnownHosts store = trust.store();
        return (host, port, remote, key) -> {
            seen.set(new String[] {HostKeys.type(key), HostKeys.fingerprint(key)});
            if (r.trustNewKey() && store.lookup(host, port, key) instanceof KnownHosts.Unknown) {
                try {
                    store.add(host, port, key);
                } catch (IOException e) {
                    return HostKeyVerifier.reject("cannot pin the key: " + e.getMessage());
                }
                return HostKeyVerifier.accept();
            }
            return store.verify(host, port, remote, key);
        };
    }

    private ServerTrust serverTrust(ConnectRequest r, AtomicReference<String[]> seen) {
        KnownCertificates store = trust.certificates();
        return (host, port, chain, authType) -> {
            seen.set(new String[] {"X.509 " + chain[0].getPublicKey().getAlgorithm(),
                    Certificates.fingerprint(chain[0])});
            if (r.trustNewKey() && store.lookup(host, port, chain[0]) instanceof KnownCertificates.Unknown) {
                try {
                    store.add(host, port, chain[0]);
                } catch (IOException e) {
                    throw new CertificateException("cannot pin the certificate: " + e.getMessage(), e);
                }
                return;
            }
            store.check(host, port, chain, authType);
        };
    }

    // ------------------------------------------------------------------ selection

    /**
     * Makes a connected device the one the schema and data views show; a device that is not connected clears them.
     * It is remembered as UI state.
     */
    public void select(String id) {
        Optional<DeviceConnection> c = Optional.ofNullable(id).flatMap(this::connection);
        selected = c;
        if (c.isPresent()) {
            state.ui("selected", id);
        }
        selectionListeners.forEach(l -> l.accept(c));
    }

    public Optional<DeviceConnection> selected() {
        return selected;
    }

    /** The connection of a connected device (one per NETCONF session, so a reconnect gets a fresh one). */
    public Optional<DeviceConnection> connection(String id) {
        DeviceConnection d = directConnections.get(id);
        if (d != null) {
            return Optional.of(d);
        }
        for (CallHomeServer s : servers()) {
            Optional<DeviceConnection> c = s.device(id).flatMap(dev -> dev.session().map(session ->
                    connections.computeIfAbsent(session, x -> new DeviceConnection(dev, session, cache))));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    public void addEventListener(Consumer<CallHomeEvent> l) {
        eventListeners.add(l);
    }

    public void removeEventListener(Consumer<CallHomeEvent> l) {
        eventListeners.remove(l);
    }

    /** Called when a listener starts or stops, and when the list of devices changes other than by an event. */
    public void addListenerStateListener(Runnable l) {
        listenerStateListeners.add(l);
    }

    public void removeListenerStateListener(Runnable l) {
        listenerStateListeners.remove(l);
    }

    public void addSelectionListener(Consumer<Optional<DeviceConnection>> l) {
        selectionListeners.add(l);
    }

    public void removeSelectionListener(Consumer<Optional<DeviceConnection>> l) {
        selectionListeners.remove(l);
    }

    private void changed() {
        listenerStateListeners.forEach(Runnable::run);
    }

    private void onEvent(CallHomeEvent e) {
        if (e instanceof CallHomeEvent.Connected c) {
            // a device that logged in is a known device from now on (its key is pinned)
            state.remember(entry(c.device()));
            try {
                state.save();
            } catch (IOException ex) {
                // shown nowhere better than the next save; the device works
            }
        }
        if (e instanceof CallHomeEvent.Disconnected d) {
            connections.values().removeIf(c -> c.device() == d.device());
            if (selected.map(c -> c.device() == d.device()).orElse(false)) {
                select(null);
            }
        }
        eventListeners.forEach(l -> l.accept(e));
    }

    /** Every NETCONF message of the listener's sessions (redacted), for the Console view. */
    public MessageLog messages() {
        return messages;
    }

    /** Where blocking work goes: NETCONF calls, schema download, listener start. */
    public ExecutorService io() {
        return io;
    }

    @Override
    public void close() {
        for (DeviceConnection c : directConnections.values()) {
            c.client().close();
        }
        directConnections.clear();
        stopListening();
        try {
            state.save();
        } catch (IOException e) {
            // closing anyway
        }
        io.shutdownNow();
    }
}
