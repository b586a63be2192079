package dev.homeport.netconf.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, made at test time (nothing secret is checked in): a CA, and server and client
 * certificates it issues, written as PEM files (PKCS#8 keys) that OpenSSL-based devices (socat) and the engine both
 * read. Keys are EC P-256 unless RSA is asked for.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate with its key and files. {@code chainFile} holds the certificate followed by its CA's. */
    public record Issued(String name, X509Certificate certificate, PrivateKey key, List<X509Certificate> chain,
                         Path certFile, Path keyFile, Path chainFile) {
        /** {@code SHA256:base64} of the DER certificate, computed here independently of the engine. */
        public String fingerprint() {
            return TestPki.fingerprint(certificate);
        }

        public String subject() {
            return certificate.getSubjectX500Principal().getName();
        }
    }

    private final Path dir;
    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Path caFile;

    private TestPki(Path dir, String name, KeyPair caKeys, X509Certificate caCert) {
        this.dir = dir;
        this.name = name;
        this.caKeys = caKeys;
        this.caCert = caCert;
        this.caFile = dir.resolve(name + "-ca.pem");
        writePem(caFile, caCert);
    }

    /** A new CA named {@code CN=<name> Test CA}; files go to {@code dir}. */
    public static TestPki create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            KeyPair kp = keyPair("EC");
            X500Principal subject = new X500Principal("CN=" + name + " Test CA,O=Homeport tests");
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                    kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509Certificate cert = sign(b, kp.getPrivate());
            return new TestPki(dir, name, kp, cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** The CA certificate as PEM: the trust anchor for both sides. */
    public Path caFile() {
        return caFile;
    }

    /**
     * A server certificate ({@code serverAuth}) for these names: IP literals become iPAddress subjectAltNames, others
     * dNSNames.
     */
    public Issued server(String cn, String... names) {
        return issue(cn, "EC", KeyPurposeId.id_kp_serverAuth, names, Duration.ofDays(1));
    }

    /** A client certificate ({@code clientAuth}); RFC 7589 servers map it to a NETCONF user name. */
    public Issued client(String cn) {
        return issue(cn, "EC", KeyPurposeId.id_kp_clientAuth, new String[0], Duration.ofDays(1));
    }

    /** Like {@link #client}, with an RSA 2048 key. */
    public Issued rsaClient(String cn) {
        return issue(cn, "RSA", KeyPurposeId.id_kp_clientAuth, new String[0], Duration.ofDays(1));
    }

    private Issued issue(String cn, String keyType, KeyPurposeId purpose, String[] names, Duration validity) {
        try {
            KeyPair kp = keyPair(keyType);
            Instant now = Instant.now();
            X500Principal subject = new X500Principal("CN=" + cn + ",O=Homeport tests");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(keyType.equals("RSA")
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            if (names.length > 0) {
                List<GeneralName> gns = new ArrayList<>();
                for (String n : names) {
                    gns.add(isIp(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(gns.toArray(GeneralName[]::new)));
            }
            X509Certificate cert = sign(b, caKeys.getPrivate());
            String file = name + "-" + cn.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + cert.getSerialNumber();
            Path certFile = dir.resolve(file + ".crt");
            Path keyFile = dir.resolve(file + ".key");
            Path chainFile = dir.resolve(file + "-chain.pem");
            writePem(certFile, cert);
            writePem(keyFile, new JcaPKCS8Generator(kp.getPrivate(), null));
            ownerOnly(keyFile);
            writePem(chainFile, cert, caCert);
            return new Issued(cn, cert, kp.getPrivate(), List.of(cert, caCert), certFile, keyFile, chainFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 with AES-256-CBC). */
    public Path encryptedKey(Issued issued, char[] password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .setPassword(password).setRandom(new SecureRandom()).build();
            Path f = dir.resolve(issued.keyFile().getFileName() + ".enc");
            writePem(f, new JcaPKCS8Generator(issued.key(), encryptor));
            ownerOnly(f);
            return f;
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key and chain in a PKCS#12 keystore under the alias {@code client}. */
    public Path pkcs12(Issued issued, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", issued.key(), password, issued.chain().toArray(X509Certificate[]::new));
            Path f = dir.resolve(issued.keyFile().getFileName() + ".p12");
            try (OutputStream out = Files.newOutputStream(f)) {
                ks.store(out, password);
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIp(String n) {
        return n.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") || n.contains(":");
    }

    private static KeyPair keyPair(String type) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        String alg = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        ContentSigner signer = new JcaContentSignerBuilder(alg).build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePem(Path file, Object... objects) {
        try {
            StringWriter sw = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
                for (Object o : objects) {
                    w.writeObject(o);
                }
            }
            Files.writeString(file, sw.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
