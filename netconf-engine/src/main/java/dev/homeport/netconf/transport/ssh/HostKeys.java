package dev.homeport.netconf.transport.ssh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import net.i2p.crypto.eddsa.EdDSAPrivateKey;
import net.i2p.crypto.eddsa.EdDSAPublicKey;
import net.i2p.crypto.eddsa.spec.EdDSANamedCurveTable;
import net.i2p.crypto.eddsa.spec.EdDSAParameterSpec;
import net.i2p.crypto.eddsa.spec.EdDSAPrivateKeySpec;
import net.i2p.crypto.eddsa.spec.EdDSAPublicKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Fingerprints and text forms of SSH public keys, as OpenSSH prints them; Ed25519 host keys for devices. */
public final class HostKeys {
    /**
     * Held apart so that the fingerprint and comparison helpers work where net.i2p eddsa is absent: in OSGi (the
     * Eclipse browser) it cannot resolve, and MINA uses BouncyCastle for Ed25519 there.
     */
    private static final class Ed25519Spec {
        static final EdDSAParameterSpec SPEC = EdDSANamedCurveTable.getByName(EdDSANamedCurveTable.ED_25519);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private HostKeys() {
    }

    /**
     * A new random Ed25519 key pair. The keys are net.i2p EdDSA keys, the type MINA signs and fingerprints with; the
     * JDK's own Ed25519 keys (KeyPairGenerator "Ed25519") are not understood by MINA 2.20's key utilities.
     */
    public static KeyPair ed25519() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return ed25519(seed);
    }

    /** The Ed25519 key pair of a 32-byte seed (RFC 8032 private key): the same seed gives the same fingerprint. */
    public static KeyPair ed25519(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        EdDSAParameterSpec ed25519 = Ed25519Spec.SPEC;
        EdDSAPrivateKeySpec spec = new EdDSAPrivateKeySpec(seed, ed25519);
        return new KeyPair(new EdDSAPublicKey(new EdDSAPublicKeySpec(spec.getA(), ed25519)), new EdDSAPrivateKey(spec));
    }

    /**
     * A reproducible Ed25519 key pair named by text (say {@code "lab-7/device-42"}): the seed is the text's SHA-256.
     * For simulated devices only: anyone who knows the text has the private key.
     */
    public static KeyPair ed25519(String seedText) {
        try {
            return ed25519(MessageDigest.getInstance("SHA-256").digest(seedText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code SHA256:base64} without padding, exactly as {@code ssh-keygen -lf} shows it. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    /** {@code ssh-ed25519 AAAA...}, the authorized_keys / known_hosts form. */
    public static String openSshString(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    public static String type(PublicKey key) {
        return KeyUtils.getKeyType(key);
    }

    public static boolean same(PublicKey a, PublicKey b) {
        return KeyUtils.compareKeys(a, b);
    }
}
