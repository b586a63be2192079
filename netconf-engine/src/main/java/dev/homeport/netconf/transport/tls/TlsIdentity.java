package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One side of RFC 7589 mutual authentication (a client's, or a simulated device's): a private key and the
 * certificate chain that goes with it, its own certificate first. Passwords are used to open the files and not kept;
 * {@link #toString()} shows the certificate only.
 */
public final class TlsIdentity {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** Checks that the key belongs to the first certificate, so that a mix-up fails here and not in the handshake. */
    public static TlsIdentity of(PrivateKey key, List<X509Certificate> chain) throws AuthenticationException {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS client identity needs a private key and a certificate");
        }
        if (!belongsTo(key, chain.get(0).getPublicKey())) {
            throw new AuthenticationException("the private key does not belong to certificate "
                    + Certificates.describe(chain.get(0)));
        }
        return new TlsIdentity(key, chain);
    }

    /**
     * From PEM files: the certificate chain (client certificate first; the file may also hold the key) and the private
     * key (PKCS#8, plain or encrypted, or PKCS#1/SEC1). {@code keyPassword} may be null for an unencrypted key.
     */
    public static TlsIdentity fromPem(Path certificateChain, Path privateKey, char[] keyPassword)
            throws AuthenticationException {
        List<X509Certificate> chain;
        try {
            chain = Certificates.readPem(certificateChain);
        } catch (IOException e) {
            throw new AuthenticationException("cannot read client certificate: " + e.getMessage(), e);
        }
        PrivateKey key = KeyFiles.loadPrivateKey(privateKey, keyPassword);
        return of(key, chain);
    }

    /**
     * From a PKCS#12 (or JKS) keystore. {@code alias} may be null to take the only key entry; {@code keyPassword} may
     * be null when it is the store password (as with every PKCS#12 file that openssl writes).
     */
    public static TlsIdentity fromKeyStore(Path file, char[] storePassword, String alias, char[] keyPassword)
            throws AuthenticationException {
        KeyStore ks;
        try {
            ks = KeyStore.getInstance(file.toFile(), storePassword);
        } catch (IOException e) {
            boolean password = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
            throw new AuthenticationException("cannot open keystore " + file + ": "
                    + (password ? "wrong password, or the file is damaged" : e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("cannot open keystore " + file + ": " + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            String chosen = alias;
            if (chosen == null) {
                if (keyAliases.size() != 1) {
                    throw new AuthenticationException("keystore " + file + " holds " + keyAliases.size()
                            + " keys " + keyAliases + ": name the one to use");
                }
                chosen = keyAliases.get(0);
            } else if (!keyAliases.contains(chosen)) {
                throw new AuthenticationException("keystore " + file + " has no key '" + chosen + "' (it has "
                        + keyAliases + ")");
            }
            Key key = ks.getKey(chosen, keyPassword != null ? keyPassword : storePassword);
            if (!(key instanceof PrivateKey pk)) {
                throw new AuthenticationException("entry '" + chosen + "' of " + file + " is not a private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certs = ks.getCertificateChain(chosen);
            for (Certificate c : certs == null ? new Certificate[0] : certs) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new AuthenticationException("key '" + chosen + "' of " + file + " has no certificate");
            }
            return of(pk, chain);
        } catch (UnrecoverableKeyException e) {
            throw new AuthenticationException("cannot read key '" + alias + "' of " + file + ": wrong key password");
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** The client certificate first, then the intermediates the server may need. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public String fingerprint() {
        return Certificates.fingerprint(certificate());
    }

    /** Who the certificate names and which certificate it is, for messages. */
    public String describe() {
        return Certificates.describe(certificate());
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + describe() + "]";
    }

    private static boolean belongsTo(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> null;
        };
        if (alg == null) {
            return key.getAlgorithm().equals(pub.getAlgorithm()); // cannot check more; the handshake will tell
        }
        try {
            byte[] probe = "homeport key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
