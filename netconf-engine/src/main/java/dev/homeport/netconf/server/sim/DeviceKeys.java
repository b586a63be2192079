package dev.homeport.netconf.server.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/**
 * Host keys for simulated devices: ECDSA P-256, which every SSH client accepts and which is quick to make (10,000
 * devices take seconds, not minutes).
 */
public final class DeviceKeys {
    private DeviceKeys() {
    }

    /** A new random key. */
    public static KeyPair generate() {
        return generate(new SecureRandom());
    }

    /**
     * The same key every time for the same seed and name, so that a fleet keeps its identities across runs (managers
     * that learned the keys keep trusting them). Not for production secrets: whoever knows the seed has the key.
     */
    public static KeyPair derive(String seed, String deviceName) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed((seed + "\u0000" + deviceName).getBytes(StandardCharsets.UTF_8));
            return generate(r);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA1PRNG in this JVM", e);
        }
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot make EC P-256 keys", e);
        }
    }
}
