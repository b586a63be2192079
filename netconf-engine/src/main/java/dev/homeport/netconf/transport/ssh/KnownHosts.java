package dev.homeport.netconf.transport.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host-key trust store in OpenSSH {@code known_hosts} format (plain and hashed hosts, {@code [host]:port},
 * {@code @revoked}). It can live only in memory or be backed by a file that new keys are appended to.
 */
public final class KnownHosts implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHosts.class);

    /** What to do with a host whose key is not in the store. A changed key is always refused. */
    public enum Policy {
        /** Refuse unknown hosts. */
        STRICT,
        /** Trust an unknown host on first use and remember its key. */
        ACCEPT_NEW,
        /** Trust every key, known or not. For tests only: it defeats host authentication. */
        ACCEPT_ALL
    }

    /** One usable entry. */
    public record Entry(KnownHostEntry raw, PublicKey key, boolean revoked, int line) {
        public boolean matches(String host, int port) {
            return raw.isHostMatch(host, port);
        }
    }

    public sealed interface Match permits Known, Changed, Revoked, Unknown {
    }

    public record Known(Entry entry) implements Match {
    }

    public record Changed(List<Entry> expected) implements Match {
    }

    public record Revoked(Entry entry) implements Match {
    }

    public record Unknown() implements Match {
    }

    private final Path file;
    private final boolean recordNew;
    private final Policy policy;
    private final List<Entry> entries = new ArrayList<>();

    private KnownHosts(Path file, boolean recordNew, Policy policy) {
        this.file = file;
        this.recordNew = recordNew;
        this.policy = policy;
    }

    public static KnownHosts inMemory(Policy policy) {
        return new KnownHosts(null, false, policy);
    }

    /** Reads the file if it exists; new keys accepted under {@link Policy#ACCEPT_NEW} are appended to it. */
    public static KnownHosts file(Path file, Policy policy) throws IOException {
        return load(new KnownHosts(file, true, policy));
    }

    /**
     * Reads the file if it exists but never writes it: keys accepted under {@link Policy#ACCEPT_NEW} are trusted for
     * the life of this object only (the CLI's default use of {@code ~/.ssh/known_hosts}).
     */
    public static KnownHosts readOnly(Path file, Policy policy) throws IOException {
        return load(new KnownHosts(file, false, policy));
    }

    private static KnownHosts load(KnownHosts kh) throws IOException {
        if (Files.exists(kh.file)) {
            kh.load();
        }
        return kh;
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry e = KnownHostEntry.parseKnownHostEntry(line);
                if (e == null || e.getKeyEntry() == null) {
                    continue;
                }
                if ("cert-authority".equals(e.getMarker())) {
                    continue; // host certificates are not used by NETCONF devices
                }
                PublicKey key = e.getKeyEntry().resolvePublicKey(null, java.util.Map.of(),
                        PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    entries.add(new Entry(e, key, "revoked".equals(e.getMarker()), i + 1));
                }
            } catch (RuntimeException | GeneralSecurityException e) {
                LOG.warn("{} line {}: unreadable entry skipped: {}", file, i + 1, e.getMessage());
            }
        }
    }

    public Policy policy() {
        return policy;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /** True when keys accepted as new are appended to {@link #path()}. */
    public boolean recordsNewKeys() {
        return file != null && recordNew;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** What the store says about this host and key. */
    public synchronized Match lookup(String host, int port, PublicKey key) {
        List<Entry> forHost = new ArrayList<>();
        for (Entry e : entries) {
            if (e.matches(host, port)) {
                if (HostKeys.same(e.key, key)) {
                    return e.revoked ? new Revoked(e) : new Known(e);
                }
                if (!e.revoked) {
                    forHost.add(e);
                }
            }
        }
        // OpenSSH accepts any of several keys listed for a host; keys of another type are not a "change".
        String type = HostKeys.type(key);
        List<Entry> sameType = forHost.stream().filter(e -> HostKeys.type(e.key).equals(type)).toList();
        if (!sameType.isEmpty()) {
            return new Changed(sameType);
        }
        return new Unknown();
    }

    /** True if this exact key is listed (and not revoked) for any host: how call home recognizes a device. */
    public synchronized Optional<Entry> findKey(PublicKey key) {
        return entries.stream().filter(e -> !e.revoked && HostKeys.same(e.key, key)).findFirst();
    }

    /** Adds a key for a host, appending it to the backing file if there is one. */
    public synchronized void add(String host, int port, PublicKey key) throws IOException {
        String pattern = KnownHostHashValue.createHostPattern(host, port);
        String line = pattern + " " + HostKeys.openSshString(key);
        KnownHostEntry e = KnownHostEntry.parseKnownHostEntry(line);
        entries.add(new Entry(e, key, false, -1));
        if (file != null && recordNew) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean created = !Files.exists(file);
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (created) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
        }
    }

    /**
     * Unpins a key: drops every entry with this fingerprint, here and in the backing file (other lines, comments
     * included, stay as they are). Returns whether anything was removed.
     */
    public synchronized boolean remove(String fingerprint) throws IOException {
        boolean removed = entries.removeIf(e -> HostKeys.fingerprint(e.key).equals(fingerprint));
        if (removed && file != null && recordNew && Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!fingerprint.equals(fingerprintOf(line))) {
                    kept.add(line);
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
        }
        return removed;
    }

    private static String fingerprintOf(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return null;
        }
        try {
            KnownHostEntry e = KnownHostEntry.parseKnownHostEntry(l);
            PublicKey key = e == null || e.getKeyEntry() == null ? null : e.getKeyEntry().resolvePublicKey(null,
                    java.util.Map.of(), PublicKeyEntryResolver.IGNORING);
            return key == null ? null : HostKeys.fingerprint(key);
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            return null;
        }
    }

    @Override
    public Decision verify(String host, int port, SocketAddress remote, PublicKey key) {
        Match m = lookup(host, port, key);
        String fp = HostKeys.fingerprint(key);
        String where = KnownHostHashValue.createHostPattern(host, port);
        return switch (m) {
            case Known k -> HostKeyVerifier.accept();
            case Revoked r -> HostKeyVerifier.reject("host key " + fp + " of " + where + " is marked @revoked"
                    + lineOf(r.entry));
            case Changed c -> policy == Policy.ACCEPT_ALL ? HostKeyVerifier.accept()
                    : HostKeyVerifier.reject("HOST KEY CHANGED for " + where + ": it offered " + fp + " but "
                    + c.expected.stream().map(e -> HostKeys.fingerprint(e.key) + lineOf(e)).toList()
                    + " is trusted. Someone may be intercepting the connection, or the device was re-keyed; "
                    + "remove the old entry only if you know why it changed.");
            case Unknown u -> switch (policy) {
                case STRICT -> HostKeyVerifier.reject("host key of " + where + " is unknown (" + HostKeys.type(key)
                        + " " + fp + "); trust it explicitly, e.g. with --accept-new-hostkey");
                case ACCEPT_NEW -> {
                    try {
                        add(host, port, key);
                        LOG.info("trusted new host key {} for {}", fp, where);
                    } catch (IOException e) {
                        LOG.warn("cannot record host key for {} in {}: {}", where, file, e.getMessage());
                    }
                    yield HostKeyVerifier.accept();
                }
                case ACCEPT_ALL -> HostKeyVerifier.accept();
            };
        };
    }

    private String lineOf(Entry e) {
        return e.line > 0 && file != null ? " (" + file + ":" + e.line + ")" : "";
    }
}
