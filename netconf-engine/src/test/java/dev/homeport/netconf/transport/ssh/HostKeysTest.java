package dev.homeport.netconf.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class HostKeysTest {

    @Test
    void theSameSeedTextGivesTheSameEd25519KeyAndOthersDiffer() {
        KeyPair a = HostKeys.ed25519("lab/device-1");
        KeyPair again = HostKeys.ed25519("lab/device-1");
        KeyPair b = HostKeys.ed25519("lab/device-2");
        assertThat(HostKeys.type(a.getPublic())).isEqualTo("ssh-ed25519");
        assertThat(HostKeys.fingerprint(a.getPublic())).startsWith("SHA256:")
                .isEqualTo(HostKeys.fingerprint(again.getPublic()))
                .isNotEqualTo(HostKeys.fingerprint(b.getPublic()));
        assertThat(HostKeys.fingerprint(HostKeys.ed25519().getPublic()))
                .isNotEqualTo(HostKeys.fingerprint(HostKeys.ed25519().getPublic()));
    }

    @Test
    void theRfc8032TestVectorGivesItsPublicKeyAndTheKeysSign() throws Exception {
        // RFC 8032 section 7.1, TEST 1: this secret key has this public key
        KeyPair kp = HostKeys.ed25519(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HostKeys.openSshString(kp.getPublic())).isEqualTo("ssh-ed25519 "
                + java.util.Base64.getEncoder().encodeToString(concat(new byte[] {0, 0, 0, 11},
                "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 32},
                hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))));
        Signature s = new net.i2p.crypto.eddsa.EdDSAEngine();
        s.initSign(kp.getPrivate());
        s.update(new byte[0]);
        byte[] sig = s.sign();
        Signature v = new net.i2p.crypto.eddsa.EdDSAEngine();
        v.initVerify(kp.getPublic());
        v.update(new byte[0]);
        assertThat(v.verify(sig)).isTrue();
        assertThatThrownBy(() -> HostKeys.ed25519(new byte[31])).hasMessageContaining("32 bytes");
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
