package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.KeyFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * A small certificate authority made at run time, for simulated devices and tests: it issues TLS server certificates
 * (devices, RFC 7589) and client certificates (managers), EC P-256 by default. Nothing it makes is meant for
 * production, and no private key it makes is ever checked in: a CA lives in memory ({@link #create}) or in a folder
 * of the user's ({@link #openOrCreate}), its keys readable by the owner only.
 *
 * <p>Files are PEM: {@code ca.crt} and {@code ca.key} for the CA; {@code <name>.crt} (the certificate followed by the
 * CA's) and {@code <name>.key} (unencrypted PKCS#8) for each identity, as OpenSSL, the engine's
 * {@link TlsIdentity#fromPem} and the CLI's {@code --tls-cert/--tls-key} read them.
 *
 * <p>Plain JDK: keys from {@code KeyPairGenerator}, certificates encoded by {@link Der} and signed with
 * {@code Signature}, then parsed back by the JDK's {@code CertificateFactory}. Bouncy Castle stays off the engine's
 * run-time class path on purpose (with it, MINA SSHD negotiates a key exchange ten times costlier).
 */
public final class CertificateAuthority {
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a certificate is for: its extended key usage. */
    public enum Purpose {
        /** {@code serverAuth}: a device (the TLS server, also when it calls home). */
        SERVER,
        /** {@code clientAuth}: a manager; devices map it to a NETCONF user name (RFC 7589 cert-to-name). */
        CLIENT
    }

    private final PrivateKey caKey;
    private final X509Certificate caCertificate;
    private final Path dir;

    private CertificateAuthority(PrivateKey caKey, X509Certificate caCertificate, Path dir) {
        this.caKey = caKey;
        this.caCertificate = caCertificate;
        this.dir = dir;
    }

    /** A new CA in memory, named {@code CN=<name>}, valid for {@code validity}. */
    public static CertificateAuthority create(String name, Duration validity) {
        try {
            KeyPair kp = keyPair("EC");
            X500Principal subject = new X500Principal("CN=" + name + ",O=Homeport simulated devices");
            byte[] extensions = Der.tlv(Der.context(3, true), Der.sequence(
                    extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                    extension(KEY_USAGE, true, Der.namedBits(KEY_CERT_SIGN | CRL_SIGN)),
                    extension(SUBJECT_KEY_ID, false, Der.octets(keyId(kp.getPublic())))));
            X509Certificate cert = sign(subject, kp.getPublic(), subject, kp.getPrivate(), validity, extensions);
            return new CertificateAuthority(kp.getPrivate(), cert, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a CA: " + e.getMessage(), e);
        }
    }

    /**
     * The CA of a folder: {@code ca.crt} and {@code ca.key} are read if both exist, and made (valid ten years, named
     * {@code CN=<name>}) if neither does; one without the other is an error rather than silently replaced, since
     * devices and managers may already trust the old CA.
     */
    public static CertificateAuthority openOrCreate(Path dir, String name) throws IOException {
        Path certFile = dir.resolve(CA_CERTIFICATE);
        Path keyFile = dir.resolve(CA_KEY);
        boolean hasCert = Files.exists(certFile);
        boolean hasKey = Files.exists(keyFile);
        if (hasCert && hasKey) {
            List<X509Certificate> certs = Certificates.readPem(certFile);
            PrivateKey key;
            try {
                key = KeyFiles.loadPrivateKey(keyFile, null);
                TlsIdentity.of(key, certs.subList(0, 1)); // the key must be the certificate's
            } catch (AuthenticationException e) {
                throw new IOException("cannot use the CA in " + dir + ": " + e.getMessage(), e);
            }
            return new CertificateAuthority(key, certs.get(0), dir);
        }
        if (hasCert || hasKey) {
            throw new IOException("the CA in " + dir + " is incomplete: " + (hasCert ? CA_KEY : CA_CERTIFICATE)
                    + " is missing (remove " + (hasCert ? CA_CERTIFICATE : CA_KEY) + " to make a new CA)");
        }
        Files.createDirectories(dir);
        CertificateAuthority ca = create(name, Duration.ofDays(3650));
        writePrivate(keyFile, ca.caKey);
        writePublic(certFile, List.of(ca.caCertificate));
        return new CertificateAuthority(ca.caKey, ca.caCertificate, dir);
    }

    public X509Certificate certificate() {
        return caCertificate;
    }

    /** {@code SHA256:base64} of the CA certificate. */
    public String fingerprint() {
        return Certificates.fingerprint(caCertificate);
    }

    /** The folder of this CA, or null for one in memory. */
    public Path directory() {
        return dir;
    }

    /** The CA certificate's file (PEM), for the trust settings of the other side; null for a CA in memory. */
    public Path certificateFile() {
        return dir == null ? null : dir.resolve(CA_CERTIFICATE);
    }

    /** Clients whose certificate this CA issued (for a device's {@code ClientTrust}). */
    public ClientTrust clientTrust() {
        return ClientTrust.authorities(List.of(caCertificate));
    }

    /** Servers whose certificate this CA issued and names the host connected to (for a manager's client). */
    public ServerTrust serverTrust() {
        return ServerTrust.authorities(List.of(caCertificate));
    }

    /**
     * Issues a certificate for a new EC P-256 key, in memory.
     *
     * @param commonName the subject's CN; with the default cert-to-name it is the NETCONF user of a client
     * @param names      subjectAltNames: IP literals become iPAddress entries, anything else dNSName entries
     */
    public TlsIdentity issue(String commonName, Purpose purpose, List<String> names, Duration validity) {
        return issue(commonName, "EC", purpose, names, validity);
    }

    /** As {@link #issue(String, Purpose, List, Duration)}, for a key of type {@code EC} or {@code RSA} (2048). */
    public TlsIdentity issue(String commonName, String keyType, Purpose purpose, List<String> names,
                             Duration validity) {
        try {
            KeyPair kp = keyPair(keyType);
            X500Principal subject = new X500Principal("CN=" + commonName + ",O=Homeport simulated devices");
            List<byte[]> ext = new ArrayList<>();
            ext.add(extension(BASIC_CONSTRAINTS, true, Der.sequence()));
            ext.add(extension(KEY_USAGE, true, Der.namedBits(kp.getPublic().getAlgorithm().equals("RSA")
                    ? DIGITAL_SIGNATURE | KEY_ENCIPHERMENT : DIGITAL_SIGNATURE)));
            ext.add(extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(purpose == Purpose.SERVER
                    ? SERVER_AUTH : CLIENT_AUTH))));
            ext.add(extension(SUBJECT_KEY_ID, false, Der.octets(keyId(kp.getPublic()))));
            ext.add(extension(AUTHORITY_KEY_ID, false, Der.sequence(Der.tlv(Der.context(0, false), caKeyId()))));
            if (!names.isEmpty()) {
                List<byte[]> general = new ArrayList<>();
                for (String n : names) {
                    var ip = ServerIdentity.literal(n);
                    general.add(ip.isPresent() ? Der.tlv(Der.context(7, false), ip.get().getAddress())
                            : Der.tlv(Der.context(2, false), n.getBytes(StandardCharsets.US_ASCII)));
                }
                ext.add(extension(SUBJECT_ALT_NAME, false, Der.sequence(general.toArray(byte[][]::new))));
            }
            byte[] extensions = Der.tlv(Der.context(3, true), Der.sequence(ext.toArray(byte[][]::new)));
            X509Certificate cert = sign(caCertificate.getSubjectX500Principal(), kp.getPublic(), subject, caKey,
                    validity, extensions);
            return TlsIdentity.of(kp.getPrivate(), List.of(cert, caCertificate));
        } catch (GeneralSecurityException | AuthenticationException | RuntimeException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    /**
     * The identity {@code <name>.crt}/{@code <name>.key} of this CA's folder: read if present and issued by this CA,
     * otherwise issued (valid ten years) and written. Several devices of one run each get their own.
     *
     * @param names subjectAltNames for a new certificate (see {@link #issue}); an existing one is kept as it is
     */
    public TlsIdentity identity(String name, Purpose purpose, List<String> names) throws IOException {
        if (dir == null) {
            throw new IllegalStateException("this CA has no folder; use issue()");
        }
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".") || name.equals("ca")) {
            throw new IllegalArgumentException("not a usable file name for an identity: '" + name + "'");
        }
        Path certFile = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            TlsIdentity id;
            try {
                id = TlsIdentity.fromPem(certFile, keyFile, null);
            } catch (AuthenticationException e) {
                throw new IOException("cannot use " + certFile + ": " + e.getMessage(), e);
            }
            if (!id.certificate().getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())
                    || !verifies(id.certificate())) {
                throw new IOException(certFile + " was not issued by the CA " + Certificates.describe(caCertificate)
                        + " of " + dir + "; remove it (and " + keyFile.getFileName() + ") to issue a new one");
            }
            return id;
        }
        TlsIdentity id = issue(name, purpose, names, Duration.ofDays(3650));
        writePrivate(keyFile, id.privateKey());
        writePublic(certFile, id.chain());
        return id;
    }

    private boolean verifies(X509Certificate cert) {
        try {
            cert.verify(caCertificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Writes certificates as PEM, one after the other. */
    public static void writePublic(Path file, List<X509Certificate> certificates) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                sb.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException("cannot encode " + c.getSubjectX500Principal(), e);
            }
        }
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
    }

    /**
     * Writes an unencrypted PKCS#8 PEM key readable by its owner only (where the file system has POSIX permissions).
     * An existing file is not overwritten.
     */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IOException("cannot write a " + key.getAlgorithm() + " key in format " + key.getFormat());
        }
        String text = pem("PRIVATE KEY", key.getEncoded());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("will not overwrite the private key " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    // ---------------------------------------------------------------- X.509 (RFC 5280)

    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    /** KeyUsage bits, bit 0 first (as {@link Der#namedBits} takes them). */
    private static final int DIGITAL_SIGNATURE = 0x80;
    private static final int KEY_ENCIPHERMENT = 0x20;
    private static final int KEY_CERT_SIGN = 0x04;
    private static final int CRL_SIGN = 0x02;

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
                : Der.sequence(Der.oid(oid), Der.octets(value));
    }

    /** RFC 5280 section 4.2.1.2, method 1: SHA-1 of the subjectPublicKey bits. */
    private static byte[] keyId(PublicKey key) throws GeneralSecurityException {
        byte[] bits = Der.element(key.getEncoded(), 1);
        return MessageDigest.getInstance("SHA-1").digest(java.util.Arrays.copyOfRange(bits, 1, bits.length));
    }

    /** The CA's subjectKeyIdentifier as it is in its certificate (computed when it has none). */
    private byte[] caKeyId() throws GeneralSecurityException {
        byte[] ext = caCertificate.getExtensionValue(SUBJECT_KEY_ID);
        return ext != null ? Der.content(Der.content(ext)) : keyId(caCertificate.getPublicKey());
    }

    /** Builds the TBSCertificate, signs it with the issuer's key, and has the JDK parse the result. */
    private static X509Certificate sign(X500Principal issuer, PublicKey subjectKey, X500Principal subject,
                                        PrivateKey issuerKey, Duration validity, byte[] extensions)
            throws GeneralSecurityException {
        boolean rsa = issuerKey.getAlgorithm().equals("RSA");
        byte[] algorithm = rsa ? Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nul())
                : Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] tbs = Der.sequence(
                Der.tlv(Der.context(0, true), Der.integer(BigInteger.TWO)), // v3
                Der.integer(serial()),
                algorithm,
                issuer.getEncoded(),
                Der.sequence(Der.time(now.minusHours(1)), Der.time(now.plus(validity))),
                subject.getEncoded(),
                subjectKey.getEncoded(),
                extensions);
        Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
        signer.initSign(issuerKey);
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static KeyPair keyPair(String type) throws GeneralSecurityException {
        String t = type.toUpperCase(Locale.ROOT);
        KeyPairGenerator g = KeyPairGenerator.getInstance(t);
        switch (t) {
            case "EC" -> g.initialize(new ECGenParameterSpec("secp256r1"));
            case "RSA" -> g.initialize(2048);
            default -> throw new IllegalArgumentException("key type must be EC or RSA, not " + type);
        }
        return g.generateKeyPair();
    }

    /** Random positive 63-bit serials: unique enough for a test CA, and never reused across runs. */
    private static BigInteger serial() {
        return BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE | 1);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + Certificates.describe(caCertificate) + (dir == null ? "" : " in " + dir)
                + "]";
    }
}
