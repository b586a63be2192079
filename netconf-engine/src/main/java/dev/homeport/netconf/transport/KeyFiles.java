package dev.homeport.netconf.transport;

import dev.homeport.netconf.AuthenticationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Private key files, for SSH and TLS client keys alike. Passphrases are used and never kept, logged or shown in
 * messages.
 */
public final class KeyFiles {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN (ENCRYPTED )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1?PRIVATE KEY-----");
    /** Key algorithms a PKCS#8 key may have, tried in turn (the JDK has no "any" key factory). */
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    private KeyFiles() {
    }

    /**
     * Key pairs from an OpenSSH or PEM (PKCS#1, SEC1, unencrypted PKCS#8, also DEK-Info encrypted) key file, read by
     * MINA SSHD; {@code passphrase} may be null for unencrypted keys.
     */
    public static List<KeyPair> loadKeyPairs(Path file, char[] passphrase) throws AuthenticationException {
        FilePasswordProvider pp = passphrase == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(new String(passphrase));
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> out = new ArrayList<>();
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, pp);
            if (loaded != null) {
                loaded.forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new AuthenticationException("no private key found in " + file);
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new AuthenticationException("cannot read private key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The private key of a PEM file. PKCS#8 keys, plain or encrypted ({@code BEGIN ENCRYPTED PRIVATE KEY}, PBES2 as
     * OpenSSL writes it), are decoded by the JDK, which needs no Bouncy Castle for the encrypted form; every other
     * format goes to {@link #loadKeyPairs}.
     */
    public static PrivateKey loadPrivateKey(Path file, char[] passphrase) throws AuthenticationException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AuthenticationException("cannot read private key " + file + ": " + e.getMessage(), e);
        }
        Matcher m = PKCS8.matcher(text);
        if (!m.find()) {
            return loadKeyPairs(file, passphrase).get(0).getPrivate();
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("cannot read private key " + file + ": bad base64 in the PEM block");
        }
        PKCS8EncodedKeySpec spec;
        if (m.group(1) != null) {
            if (passphrase == null || passphrase.length == 0) {
                throw new AuthenticationException("private key " + file + " is encrypted: a passphrase is needed");
            }
            try {
                EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
                String pbe = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
                SecretKey secret = SecretKeyFactory.getInstance(pbe).generateSecret(new PBEKeySpec(passphrase));
                spec = info.getKeySpec(secret);
            } catch (IOException | GeneralSecurityException e) {
                throw new AuthenticationException("cannot decrypt private key " + file
                        + ": wrong passphrase, or an encryption the JDK does not support ("
                        + e.getClass().getSimpleName() + ")");
            }
        } else {
            spec = new PKCS8EncodedKeySpec(der);
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // not this algorithm; a wrong passphrase also ends here, as undecodable bytes
            }
        }
        throw new AuthenticationException("cannot read private key " + file + (m.group(1) != null
                ? ": wrong passphrase, or a key type the JDK does not know" : ": a key type the JDK does not know"));
    }
}
