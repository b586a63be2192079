package dev.homeport.netconf.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * X.509 certificates as the engine shows and compares them.
 *
 * <p>A certificate's fingerprint is the SHA-256 hash of its DER encoding, written like OpenSSH writes key
 * fingerprints: {@code SHA256:} and unpadded base64 (43 characters). That is the form the engine prints everywhere
 * (peer identity, call-home devices, error messages). Where a fingerprint is read, the hexadecimal form that
 * {@code openssl x509 -noout -fingerprint -sha256} prints ({@code AB:CD:...}, colons optional, any case) is accepted
 * too, since that is what administrators have at hand.
 */
public final class Certificates {
    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
    private static final String PREFIX = "SHA256:";

    private Certificates() {
    }

    /** {@code SHA256:base64} (unpadded) of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        return format(sha256(certificate));
    }

    /** The 32 bytes of the SHA-256 hash of the DER encoding. */
    public static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** The canonical {@code SHA256:base64} form of a fingerprint given either way. */
    public static String normalizeFingerprint(String text) {
        return format(parseFingerprint(text));
    }

    /**
     * Reads a SHA-256 fingerprint: {@code SHA256:base64} (padding optional) or 64 hex digits (colons, spaces and an
     * {@code sha256 Fingerprint=} prefix allowed).
     */
    public static byte[] parseFingerprint(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty certificate fingerprint");
        }
        String t = text.strip();
        if (t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String b64 = t.substring(PREFIX.length());
            try {
                byte[] b = Base64.getDecoder().decode(b64.endsWith("=") ? b64
                        : b64 + "=".repeat((4 - b64.length() % 4) % 4));
                if (b.length == 32) {
                    return b;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text
                    + "' is not a SHA256:base64 fingerprint (43 base64 characters)");
        }
        int eq = t.indexOf('=');
        if (eq >= 0 && t.substring(0, eq).toLowerCase(Locale.ROOT).contains("sha256")) {
            t = t.substring(eq + 1); // openssl's "sha256 Fingerprint=AB:CD:..."
        }
        String hex = t.replace(":", "").replace(" ", "");
        if (hex.length() == 64) {
            try {
                return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a SHA-256 certificate fingerprint: expected "
                + "SHA256:base64 or 64 hex digits");
    }

    /** Whether the certificate has this fingerprint (either form). */
    public static boolean matches(X509Certificate certificate, String fingerprint) {
        return MessageDigest.isEqual(sha256(certificate), parseFingerprint(fingerprint));
    }

    static String format(byte[] sha256) {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(sha256);
    }

    /** {@code CN=device,O=Example (SHA256:...)}: who the certificate names, and which certificate it is. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (" + fingerprint(certificate) + ")";
    }

    /** The subjectAltName entries as {@code DNS:name} and {@code IP:address}; other kinds as {@code type N:value}. */
    public static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> out = new ArrayList<>();
        try {
            var sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return out;
            }
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                Object value = san.get(1);
                String v = value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value);
                out.add(switch (type) {
                    case 2 -> "DNS:" + v;
                    case 7 -> "IP:" + v;
                    case 6 -> "URI:" + v;
                    case 1 -> "email:" + v;
                    default -> "type " + type + ":" + v;
                });
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable subjectAltName: " + e.getMessage() + ")");
        }
        return out;
    }

    /** Every certificate in a PEM file (other blocks, such as a private key, are skipped). */
    public static List<X509Certificate> readPem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM_CERTIFICATE.matcher(text);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IOException("cannot read certificate " + (out.size() + 1) + " of " + file + ": "
                    + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException("no PEM certificate (-----BEGIN CERTIFICATE-----) in " + file);
        }
        return out;
    }

    static boolean same(X509Certificate a, X509Certificate b) {
        return Arrays.equals(sha256(a), sha256(b));
    }
}
