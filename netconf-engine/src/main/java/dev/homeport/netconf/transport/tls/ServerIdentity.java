package dev.homeport.netconf.transport.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate names the host the client connected to, as RFC 7589 section 6 asks with RFC 6125
 * section 6: an IP address must equal an iPAddress subjectAltName; a DNS name must match a dNSName subjectAltName
 * (case-insensitively; a {@code *} is allowed only as the whole left-most label and stands for exactly one label).
 * Only when the certificate has no dNSName at all is the subject's most specific CN compared, for DNS names only.
 * No name is ever looked up in DNS.
 */
public final class ServerIdentity {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private ServerIdentity() {
    }

    /** Empty when the certificate is valid for {@code host}; otherwise why not, for people. */
    public static Optional<String> mismatch(X509Certificate certificate, String host) {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        try {
            var sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2 && san.get(1) instanceof String name) {
                        dns.add(name);
                    } else if (type == 7 && san.get(1) instanceof String ip) {
                        literal(ip).ifPresent(ips::add);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return Optional.of("its subjectAltName cannot be read (" + e.getMessage() + ")");
        }
        Optional<InetAddress> address = literal(host);
        if (address.isPresent()) {
            if (ips.contains(address.get())) {
                return Optional.empty();
            }
            return Optional.of("it names " + names(certificate) + ", not the IP address " + host
                    + " (an IP address must be an iPAddress subjectAltName)");
        }
        String reference = host.toLowerCase(Locale.ROOT);
        if (reference.endsWith(".")) {
            reference = reference.substring(0, reference.length() - 1);
        }
        if (!dns.isEmpty()) {
            for (String name : dns) {
                if (matchesDns(name, reference)) {
                    return Optional.empty();
                }
            }
            return Optional.of("it names " + names(certificate) + ", not " + host);
        }
        Optional<String> cn = commonName(certificate);
        if (cn.isPresent() && matchesDns(cn.get(), reference)) {
            return Optional.empty();
        }
        return Optional.of("it names " + names(certificate) + ", not " + host);
    }

    static boolean matchesDns(String presented, String reference) {
        String p = presented.toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return !p.contains("*") && p.equals(reference);
        }
        String suffix = p.substring(1); // ".example.com"
        if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
            return false; // "*.com" and nested wildcards match nothing
        }
        int dot = reference.indexOf('.');
        return dot > 0 && reference.substring(dot).equals(suffix);
    }

    private static String names(X509Certificate certificate) {
        List<String> sans = Certificates.subjectAltNames(certificate);
        if (!sans.isEmpty()) {
            return String.join(", ", sans);
        }
        return "no subjectAltName" + commonName(certificate).map(cn -> " and CN=" + cn).orElse("");
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName dn = new LdapName(certificate.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : dn.getRdns()) { // most significant RDN first: the last CN is the most specific
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return Optional.ofNullable(cn);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** The address of an IPv4 or IPv6 literal; empty for a DNS name (never resolved). */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !h.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
