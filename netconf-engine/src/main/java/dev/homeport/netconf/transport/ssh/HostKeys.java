package dev.homeport.netconf.transport.ssh;

import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Fingerprints and text forms of SSH public keys, as OpenSSH prints them. */
public final class HostKeys {
    private HostKeys() {
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
