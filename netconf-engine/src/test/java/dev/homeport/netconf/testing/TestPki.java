package dev.homeport.netconf.testing;

import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.CertificateAuthority.Purpose;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A throw-away PKI for TLS tests, made at test time (nothing secret is checked in): the engine's
 * {@link CertificateAuthority} and the certificates it issues, written as PEM files (PKCS#8 keys) that
 * OpenSSL-based devices (socat) and the engine both read, plus the encrypted and PKCS#12 forms some tests need.
 * Keys are EC P-256 unless RSA is asked for.
 */
public final class TestPki {

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
    private final CertificateAuthority ca;
    private final Path caFile;

    private TestPki(Path dir, String name, CertificateAuthority ca) throws IOException {
        this.dir = dir;
        this.name = name;
        this.ca = ca;
        this.caFile = dir.resolve(name + "-ca.pem");
        CertificateAuthority.writePublic(caFile, List.of(ca.certificate()));
    }

    /** A new CA named {@code CN=<name> Test CA}; files go to {@code dir}. */
    public static TestPki create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return new TestPki(dir, name, CertificateAuthority.create(name + " Test CA", Duration.ofDays(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
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
        return issue(cn, "EC", Purpose.SERVER, names);
    }

    /** A client certificate ({@code clientAuth}); RFC 7589 servers map it to a NETCONF user name. */
    public Issued client(String cn) {
        return issue(cn, "EC", Purpose.CLIENT, new String[0]);
    }

    /** Like {@link #client}, with an RSA 2048 key. */
    public Issued rsaClient(String cn) {
        return issue(cn, "RSA", Purpose.CLIENT, new String[0]);
    }

    private Issued issue(String cn, String keyType, Purpose purpose, String[] names) {
        TlsIdentity id = ca.issue(cn, keyType, purpose, List.of(names), Duration.ofDays(1));
        X509Certificate cert = id.certificate();
        String file = name + "-" + cn.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + cert.getSerialNumber();
        Path certFile = dir.resolve(file + ".crt");
        Path keyFile = dir.resolve(file + ".key");
        Path chainFile = dir.resolve(file + "-chain.pem");
        try {
            CertificateAuthority.writePublic(certFile, List.of(cert));
            CertificateAuthority.writePrivate(keyFile, id.privateKey());
            CertificateAuthority.writePublic(chainFile, id.chain());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Issued(cn, cert, id.privateKey(), id.chain(), certFile, keyFile, chainFile);
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
