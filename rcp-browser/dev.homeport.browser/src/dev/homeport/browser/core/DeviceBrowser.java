package dev.homeport.browser.core;

import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The browser's state without any UI: the engine's call-home listener, the devices it reports, the device the user
 * works on, and a background executor for everything that does I/O (the UI thread never does). The views observe
 * it; tests drive the same object.
 */
public final class DeviceBrowser implements AutoCloseable {
    private final CallHomeTrust trust;
    private final ModuleCache cache;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "homeport-browser-io");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<CallHomeEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> listenerStateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<DeviceConnection>>> selectionListeners = new CopyOnWriteArrayList<>();
    private final Map<NetconfSession, DeviceConnection> connections = new ConcurrentHashMap<>();
    private final MessageLog messages = new MessageLog();
    private volatile BrowserSettings settings = BrowserSettings.defaults();
    private volatile CallHomeServer server;
    private volatile Optional<DeviceConnection> selected = Optional.empty();

    /**
     * @param trust the pinned device keys (a known_hosts file in the workspace, or in memory for tests)
     * @param cache where downloaded modules are kept between devices and runs
     */
    public DeviceBrowser(CallHomeTrust trust, ModuleCache cache) {
        this.trust = trust;
        this.cache = cache;
    }

    public BrowserSettings settings() {
        return settings;
    }

    /** Applies settings: new credentials serve the next login; a new address restarts a running listener. */
    public synchronized void applySettings(BrowserSettings s) throws IOException {
        boolean rebind = server != null && (!s.listenHost().equals(settings.listenHost())
                || s.sshPort() != settings.sshPort());
        settings = s;
        if (rebind) {
            stopListening();
            startListening();
        }
    }

    /** Starts the SSH call-home listener on the settings' address. */
    public synchronized void startListening() throws IOException {
        if (server != null) {
            return;
        }
        // credentials are looked up per login, so a settings change applies to the next device without a restart
        CredentialsProvider credentials = device -> {
            BrowserSettings s = settings;
            return Optional.of(SshAuth.password(s.username(), s.password()));
        };
        CallHomeServer s = new CallHomeServer(CallHomeSettings.defaults().withSsh(settings.sshAddress())
                .withSession(SessionOptions.defaults().withTrace(messages.trace())), trust, credentials);
        s.addListener(this::onEvent);
        try {
            s.start();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        server = s;
        listenerStateListeners.forEach(Runnable::run);
    }

    public synchronized void stopListening() {
        CallHomeServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        connections.clear();
        select(null);
        listenerStateListeners.forEach(Runnable::run);
    }

    public boolean isListening() {
        CallHomeServer s = server;
        return s != null && s.isRunning();
    }

    /** The bound SSH call-home address (the real port when the settings ask for port 0). */
    public Optional<InetSocketAddress> sshAddress() {
        CallHomeServer s = server;
        return s == null ? Optional.empty() : Optional.ofNullable(s.sshAddress());
    }

    public List<CallHomeDevice> devices() {
        CallHomeServer s = server;
        return s == null ? List.of() : s.devices();
    }

    public void trust(String fingerprint) throws IOException {
        requireServer().trust(fingerprint);
    }

    public void reject(String fingerprint) {
        requireServer().reject(fingerprint);
    }

    public void forget(String fingerprint) {
        requireServer().forget(fingerprint);
    }

    private CallHomeServer requireServer() {
        CallHomeServer s = server;
        if (s == null) {
            throw new IllegalStateException("the call-home listener is stopped");
        }
        return s;
    }

    /**
     * Makes a connected device the one the schema and data views show; a device that is not connected clears them.
     */
    public void select(String fingerprint) {
        Optional<DeviceConnection> c = Optional.ofNullable(fingerprint).flatMap(this::connection);
        selected = c;
        selectionListeners.forEach(l -> l.accept(c));
    }

    public Optional<DeviceConnection> selected() {
        return selected;
    }

    /** The connection of a connected device (one per NETCONF session, so a reconnect gets a fresh one). */
    public Optional<DeviceConnection> connection(String fingerprint) {
        CallHomeServer s = server;
        if (s == null) {
            return Optional.empty();
        }
        return s.device(fingerprint).flatMap(d -> d.session().map(session -> connections.computeIfAbsent(session,
                x -> new DeviceConnection(d, session, cache))));
    }

    public void addEventListener(Consumer<CallHomeEvent> l) {
        eventListeners.add(l);
    }

    public void removeEventListener(Consumer<CallHomeEvent> l) {
        eventListeners.remove(l);
    }

    /** Called when the listener starts or stops. */
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

    private void onEvent(CallHomeEvent e) {
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
        stopListening();
        io.shutdownNow();
    }
}
