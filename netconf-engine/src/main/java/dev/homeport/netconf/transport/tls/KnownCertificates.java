package dev.homeport.netconf.transport.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server certificates trusted by fingerprint, the TLS counterpart of {@code KnownHosts}: in memory, or backed by a
 * text file that newly trusted certificates are appended to. One entry per line:
 * <pre>
 * [@revoked] HOST-OR-[HOST]:PORT SHA256:base64 [subject, for people]
 * </pre>
 * A bare host means the NETCONF-over-TLS port 6513; the fingerprint may also be written in hex. A certificate that is
 * not listed for a host that has another listed certificate is a changed certificate, and is always refused.
 */
public final class KnownCertificates implements ServerTrust {
    private static final Logger LOG = LoggerFactory.getLogger(KnownCertificates.class);
    /** RFC 7589: the NETCONF-over-TLS port, implied by an entry without a port. */
    public static final int DEFAULT_PORT = 6513;

    /** What to do with a host whose certificate is not in the store. A changed certificate is always refused. */
    public enum Policy {
        /** Refuse unknown servers. */
        STRICT,
        /** Trust an unknown server's certificate on first use and remember it. */
        ACCEPT_NEW,
        /** Trust every certificate, known or not. For tests only: it defeats server authentication. */
        ACCEPT_ALL
    }

    /** One entry. */
    public record Entry(String host, int port, String fingerprint, String subject, boolean revoked, int line) {
        public boolean matches(String h, int p) {
            return port == p && host.equals(normalizeHost(h));
        }

        String pattern() {
            return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
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
    private final Policy policy;
    private final List<Entry> entries = new ArrayList<>();

    private KnownCertificates(Path file, Policy policy) {
        this.file = file;
        this.policy = policy;
    }

    public static KnownCertificates inMemory(Policy policy) {
        return new KnownCertificates(null, policy);
    }

    /** Reads the file if it exists; certificates accepted under {@link Policy#ACCEPT_NEW} are appended to it. */
    public static KnownCertificates file(Path file, Policy policy) throws IOException {
        KnownCertificates kc = new KnownCertificates(file, policy);
        if (Files.exists(file)) {
            kc.load();
        }
        return kc;
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 4);
            boolean revoked = f[0].equals("@revoked");
            int at = revoked ? 1 : 0;
            try {
                if (f.length < at + 2) {
                    throw new IllegalArgumentException("expected HOST FINGERPRINT");
                }
                String[] hp = parsePattern(f[at]);
                String fp = Certificates.normalizeFingerprint(f[at + 1]);
                String subject = f.length > at + 2 ? String.join(" ", java.util.Arrays.copyOfRange(f, at + 2, f.length))
                        : "";
                entries.add(new Entry(hp[0], Integer.parseInt(hp[1]), fp, subject, revoked, i + 1));
            } catch (IllegalArgumentException e) {
                LOG.warn("{} line {}: unreadable entry skipped: {}", file, i + 1, e.getMessage());
            }
        }
    }

    private static String[] parsePattern(String p) {
        if (p.startsWith("[")) {
            int close = p.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("bad host pattern " + p);
            }
            int port = Integer.parseInt(p.substring(close + 2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port in " + p);
            }
            return new String[] {normalizeHost(p.substring(1, close)), Integer.toString(port)};
        }
        return new String[] {normalizeHost(p), Integer.toString(DEFAULT_PORT)};
    }

    private static String normalizeHost(String h) {
        return h.toLowerCase(Locale.ROOT);
    }

    public Policy policy() {
        return policy;
    }

    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** What the store says about this host and certificate. */
    public synchronized Match lookup(String host, int port, X509Certificate certificate) {
        String fp = Certificates.fingerprint(certificate);
        List<Entry> forHost = new ArrayList<>();
        for (Entry e : entries) {
            if (e.matches(host, port)) {
                if (e.fingerprint.equals(fp)) {
                    return e.revoked ? new Revoked(e) : new Known(e);
                }
                if (!e.revoked) {
                    forHost.add(e);
                }
            }
        }
        return forHost.isEmpty() ? new Unknown() : new Changed(forHost);
    }

    /** The entry of this exact certificate, for any host: how call home recognizes a device. */
    public synchronized Optional<Entry> find(X509Certificate certificate) {
        String fp = Certificates.fingerprint(certificate);
        return entries.stream().filter(e -> !e.revoked && e.fingerprint.equals(fp)).findFirst();
    }

    /** Whether this certificate is marked {@code @revoked} for any host. */
    public synchronized boolean isRevoked(X509Certificate certificate) {
        String fp = Certificates.fingerprint(certificate);
        return entries.stream().anyMatch(e -> e.revoked && e.fingerprint.equals(fp));
    }

    /** Trusts a certificate for a host, appending it to the backing file if there is one. */
    public synchronized void add(String host, int port, X509Certificate certificate) throws IOException {
        Entry e = new Entry(normalizeHost(host), port, Certificates.fingerprint(certificate),
                certificate.getSubjectX500Principal().getName(), false, -1);
        entries.add(e);
        if (file != null) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean created = !Files.exists(file);
            String line = e.pattern() + " " + e.fingerprint + " " + e.subject.replace('\n', ' ');
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
     * Unpins a certificate: drops every entry with this fingerprint, here and in the backing file (other lines stay
     * as they are). Returns whether anything was removed.
     */
    public synchronized boolean remove(String fingerprint) throws IOException {
        String fp = Certificates.normalizeFingerprint(fingerprint);
        boolean removed = entries.removeIf(e -> e.fingerprint.equals(fp));
        if (removed && file != null && Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split("\\s+", 4);
                int at = f[0].equals("@revoked") ? 1 : 0;
                boolean match = false;
                if (!line.strip().startsWith("#") && f.length > at + 1) {
                    try {
                        match = Certificates.normalizeFingerprint(f[at + 1]).equals(fp);
                    } catch (IllegalArgumentException e) {
                        match = false; // an unreadable line is kept as it is
                    }
                }
                if (!match) {
                    kept.add(line);
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
        }
        return removed;
    }

    @Override
    public void check(String host, int port, X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate cert = chain[0];
        String where = ServerTrust.where(host, port);
        String fp = Certificates.fingerprint(cert);
        switch (lookup(host, port, cert)) {
            case Known k -> {
            }
            case Revoked r -> throw new CertificateException("certificate " + fp + " of " + where
                    + " is marked @revoked" + lineOf(r.entry));
            case Changed c -> {
                if (policy != Policy.ACCEPT_ALL) {
                    throw new CertificateException("CERTIFICATE CHANGED for " + where + ": it presented " + fp + " ("
                            + cert.getSubjectX500Principal().getName() + ") but " + c.expected.stream()
                            .map(e -> e.fingerprint + lineOf(e)).toList() + " is trusted. Someone may be intercepting "
                            + "the connection, or the device has a new certificate; remove the old entry only if you "
                            + "know why it changed.");
                }
            }
            case Unknown u -> {
                switch (policy) {
                    case STRICT -> throw new CertificateException("certificate of " + where + " is unknown: "
                            + Certificates.describe(cert) + "; trust it explicitly, e.g. by pinning " + fp);
                    case ACCEPT_NEW -> {
                        try {
                            add(host, port, cert);
                            LOG.info("trusted new certificate {} for {}", fp, where);
                        } catch (IOException e) {
                            LOG.warn("cannot record certificate for {} in {}: {}", where, file, e.getMessage());
                        }
                    }
                    case ACCEPT_ALL -> {
                    }
                }
            }
        }
    }

    private String lineOf(Entry e) {
        return e.line > 0 && file != null ? " (" + file + ":" + e.line + ")" : "";
    }
}
