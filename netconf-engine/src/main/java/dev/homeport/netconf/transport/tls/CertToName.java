package dev.homeport.netconf.transport.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which NETCONF user a TLS client is: the cert-to-name list of RFC 7589 section 7 (from the SNMP TLS model, RFC
 * 6353). Entries are tried in order; an entry applies when its fingerprint is that of a certificate of the client's
 * chain (its own or an issuer's; no fingerprint applies to every chain), and yields the name its map type says, or
 * nothing (then the next entry is tried). No entry yielding a name means the client is refused.
 *
 * <p>The default, {@link #commonName()}, takes the client certificate's subject CN for every trusted client: with a
 * CA of one's own, that is the simplest mapping that is still explicit.
 *
 * @param entries tried in order
 */
public record CertToName(List<Entry> entries) {

    /** How an entry derives the user name (ietf-x509-cert-to-name's identities). */
    public enum MapType {
        /** The entry's own name. */
        SPECIFIED,
        /** The first rfc822Name subjectAltName. */
        SAN_RFC822_NAME,
        /** The first dNSName subjectAltName, in lower case. */
        SAN_DNS_NAME,
        /** The first iPAddress subjectAltName. */
        SAN_IP_ADDRESS,
        /** The first rfc822Name, dNSName or iPAddress subjectAltName. */
        SAN_ANY,
        /** The most specific CN of the subject. */
        COMMON_NAME
    }

    /**
     * @param fingerprint SHA-256 of a certificate of the chain ({@code SHA256:base64} or hex); empty for any chain
     * @param type        how the name is derived
     * @param name        the user name, for {@link MapType#SPECIFIED} only
     */
    public record Entry(Optional<String> fingerprint, MapType type, Optional<String> name) {
        public Entry {
            fingerprint = fingerprint.map(Certificates::normalizeFingerprint);
            if ((type == MapType.SPECIFIED) != name.isPresent()) {
                throw new IllegalArgumentException("a user name goes with map type SPECIFIED, and only with it");
            }
        }
    }

    public CertToName {
        entries = List.copyOf(entries);
    }

    /** Every trusted client is the user its certificate's CN names. */
    public static CertToName commonName() {
        return new CertToName(List.of(new Entry(Optional.empty(), MapType.COMMON_NAME, Optional.empty())));
    }

    /** The client whose chain holds the certificate with this fingerprint is {@code user}. */
    public static CertToName specified(String fingerprint, String user) {
        return new CertToName(List.of(new Entry(Optional.of(fingerprint), MapType.SPECIFIED, Optional.of(user))));
    }

    /** This list, then {@code more}'s entries. */
    public CertToName then(CertToName more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        return new CertToName(all);
    }

    /** The user name for this chain (client certificate first), or empty when no entry yields one. */
    public Optional<String> userName(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (e.fingerprint().isPresent()
                    && chain.stream().noneMatch(c -> Certificates.matches(c, e.fingerprint().get()))) {
                continue;
            }
            Optional<String> name = derive(e, chain.get(0)).filter(n -> !n.isBlank());
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> derive(Entry e, X509Certificate cert) {
        return switch (e.type()) {
            case SPECIFIED -> e.name();
            case SAN_RFC822_NAME -> san(cert, 1);
            case SAN_DNS_NAME -> san(cert, 2).map(n -> n.toLowerCase(java.util.Locale.ROOT));
            case SAN_IP_ADDRESS -> san(cert, 7);
            case SAN_ANY -> san(cert, 1).or(() -> san(cert, 2)).or(() -> san(cert, 7));
            case COMMON_NAME -> commonName(cert);
        };
    }

    private static Optional<String> san(X509Certificate cert, int type) {
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if ((Integer) san.get(0) == type && san.get(1) instanceof String s) {
                        return Optional.of(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable subjectAltName yields no name
        }
        return Optional.empty();
    }

    private static Optional<String> commonName(X509Certificate cert) {
        try {
            String cn = null;
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = String.valueOf(rdn.getValue()); // most significant first: the last CN is the most specific
                }
            }
            return Optional.ofNullable(cn);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
