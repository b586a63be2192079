package dev.homeport.browser.core;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the browser remembers between runs, in {@code <workspace>/.homeport/browser.properties}: the listener
 * settings (addresses, ports, which listeners are on, the user, the TLS certificate files; never a password, those
 * are in {@link CredentialStore}), the known devices (call-home ones by fingerprint, ordinary ones by address, with
 * their profile), and UI state (the selected device, column widths...). Pinned keys themselves stay in the
 * workspace's known_hosts and known_certificates files.
 */
public final class BrowserState {
    private final Path file;
    private final Map<String, String> ui = new TreeMap<>();
    private final Map<String, DeviceEntry> devices = new java.util.LinkedHashMap<>();
    private BrowserSettings settings;

    private BrowserState(Path file) {
        this.file = file;
    }

    /** Nothing kept between runs. */
    public static BrowserState inMemory() {
        return new BrowserState(null);
    }

    /** Reads the file when it exists; {@link #save()} writes it. A damaged file is reported and not overwritten. */
    public static BrowserState file(Path file) throws IOException {
        BrowserState s = new BrowserState(file);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            s.read(p);
        }
        return s;
    }

    private void read(Properties p) {
        try {
            BrowserSettings d = BrowserSettings.defaults();
            settings = new BrowserSettings(p.getProperty("listener.host", d.listenHost()),
                    Integer.parseInt(p.getProperty("listener.ssh.port", "" + d.sshPort())),
                    p.getProperty("listener.user", d.username()), null,
                    Integer.parseInt(p.getProperty("listener.tls.port", "" + d.tlsPort())),
                    Boolean.parseBoolean(p.getProperty("listener.ssh.enabled", "true")),
                    Boolean.parseBoolean(p.getProperty("listener.tls.enabled", "false")),
                    p.getProperty("listener.tls.certificate", ""), p.getProperty("listener.tls.key", ""));
        } catch (IllegalArgumentException e) {
            settings = null; // unreadable: the defaults apply, and the user sees them
        }
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("ui.")) {
                ui.put(k.substring(3), p.getProperty(k));
            }
        }
        for (int i = 0; p.containsKey("device." + i + ".id"); i++) {
            String n = "device." + i + ".";
            try {
                DeviceEntry e = new DeviceEntry(p.getProperty(n + "id"),
                        DeviceEntry.Kind.valueOf(p.getProperty(n + "kind")),
                        DeviceEntry.Transport.valueOf(p.getProperty(n + "transport")), DeviceEntry.State.OFFLINE,
                        p.getProperty(n + "address"), p.getProperty(n + "keyType"), p.getProperty(n + "fingerprint"),
                        Instant.parse(p.getProperty(n + "firstSeen")), "", p.getProperty(n + "host"),
                        Integer.parseInt(p.getProperty(n + "port", "0")), p.getProperty(n + "user"),
                        p.getProperty(n + "profile"));
                devices.put(e.id(), e);
            } catch (RuntimeException e) {
                // one damaged entry does not lose the others
            }
        }
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /** The listener settings of the last run (without a password), if any. */
    public synchronized Optional<BrowserSettings> settings() {
        return Optional.ofNullable(settings);
    }

    public synchronized void settings(BrowserSettings s) {
        settings = s;
    }

    public synchronized List<DeviceEntry> devices() {
        return new ArrayList<>(devices.values());
    }

    public synchronized Optional<DeviceEntry> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public synchronized void remember(DeviceEntry e) {
        DeviceEntry old = devices.get(e.id());
        // keep the first time it was seen, and a profile chosen earlier unless a new one is given
        DeviceEntry kept = old == null ? e.withState(DeviceEntry.State.OFFLINE, "") : new DeviceEntry(e.id(), e.kind(), e.transport(), DeviceEntry.State.OFFLINE,
                e.address(), e.keyType(), e.fingerprint(), old.firstSeen(), "", e.host(), e.port(), e.user(),
                e.profile().isEmpty() ? old.profile() : e.profile());
        devices.put(e.id(), kept);
    }

    public synchronized void forget(String id) {
        devices.remove(id);
    }

    public synchronized Optional<String> ui(String key) {
        return Optional.ofNullable(ui.get(key));
    }

    public synchronized void ui(String key, String value) {
        if (value == null) {
            ui.remove(key);
        } else {
            ui.put(key, value);
        }
    }

    /** Writes the file (atomically: a crash leaves the old one). */
    public synchronized void save() throws IOException {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        if (settings != null) {
            p.setProperty("listener.host", settings.listenHost());
            p.setProperty("listener.ssh.port", "" + settings.sshPort());
            p.setProperty("listener.ssh.enabled", "" + settings.sshEnabled());
            p.setProperty("listener.tls.port", "" + settings.tlsPort());
            p.setProperty("listener.tls.enabled", "" + settings.tlsEnabled());
            p.setProperty("listener.user", settings.username());
            p.setProperty("listener.tls.certificate", settings.tlsCertificate());
            p.setProperty("listener.tls.key", settings.tlsKey());
        }
        ui.forEach((k, v) -> p.setProperty("ui." + k, v));
        int i = 0;
        for (DeviceEntry e : devices.values()) {
            String n = "device." + i++ + ".";
            p.setProperty(n + "id", e.id());
            p.setProperty(n + "kind", e.kind().name());
            p.setProperty(n + "transport", e.transport().name());
            p.setProperty(n + "address", e.address());
            p.setProperty(n + "keyType", e.keyType());
            p.setProperty(n + "fingerprint", e.fingerprint());
            p.setProperty(n + "firstSeen", e.firstSeen().toString());
            p.setProperty(n + "host", e.host());
            p.setProperty(n + "port", "" + e.port());
            p.setProperty(n + "user", e.user());
            p.setProperty(n + "profile", e.profile());
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Homeport browser state (no passwords: those are in secure storage)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
