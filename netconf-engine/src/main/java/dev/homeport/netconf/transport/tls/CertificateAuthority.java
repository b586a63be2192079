package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.KeyFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority made at run time, for simulated devices and tests: it issues TLS server certificates
 * (devices, RFC 7589) and client certificates (managers), EC P-256 by default. Nothing it makes is meant for
 * production, and no private key it makes is ever checked in: a CA lives in memory ({@link #create}) or in a folder
 * of the user's ({@link #openOrCreate}), its keys readable by the owner only.
 *
 * <p>Files are PEM: {@code ca.crt} and {@code ca.key} for the CA; {@code <name>.crt} (the certificate followed by the
 * CA's) and {@code <name>.key} (unencrypted PKCS#8) for each identity, as OpenSSL, the engine's
 * {@link TlsIdentity#fromPem} and the CLI's {@code --tls-cert/--tls-key} read them.
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
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            return new CertificateAuthority(kp.getPrivate(), sign(b, kp.getPrivate()), null);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
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
            Instant now = Instant.now();
            X500Principal subject = new X500Principal("CN=" + commonName + ",O=Homeport simulated devices");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyType.equals("RSA")
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose == Purpose.SERVER
                    ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
            if (!names.isEmpty()) {
                List<GeneralName> gns = new ArrayList<>();
                for (String n : names) {
                    gns.add(ServerIdentity.literal(n).isPresent()
                            ? new GeneralName(GeneralName.iPAddress, n.replace("[", "").replace("]", ""))
                            : new GeneralName(GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(gns.toArray(GeneralName[]::new)));
            }
            return TlsIdentity.of(kp.getPrivate(), List.of(sign(b, caKey), caCertificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException | AuthenticationException e) {
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
        Files.writeString(file, pem(certificates.toArray()), StandardCharsets.US_ASCII);
    }

    /**
     * Writes an unencrypted PKCS#8 PEM key readable by its owner only (where the file system has POSIX permissions).
     * An existing file is not overwritten.
     */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        String text = pem(new JcaPKCS8Generator(key, null));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("will not overwrite the private key " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String pem(Object... objects) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
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

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws OperatorCreationException, CertificateException {
        String alg = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg)
                .build(issuerKey)));
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + Certificates.describe(caCertificate) + (dir == null ? "" : " in " + dir)
                + "]";
    }
}
