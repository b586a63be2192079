package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may log in: admin/admin by default, else a users file of passwords and OpenSSH public keys. */
class DeviceUsersTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToAdminAdmin() {
        DeviceUsers u = DeviceUsers.defaults();
        assertThat(u.checkPassword("admin", "admin")).isTrue();
        assertThat(u.checkPassword("admin", "Admin")).isFalse();
        assertThat(u.checkPassword("root", "admin")).isFalse();
    }

    @Test
    void fileWithPasswordsAndKeysReplacesTheDefault() throws Exception {
        KeyPair alice = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path file = dir.resolve("users");
        Files.write(file, List.of("# operators", "", "bob:s3cret:with:colons",
                "alice:" + PublicKeyEntry.toString(alice.getPublic()) + " alice@laptop", "alice:backup-pw"));
        DeviceUsers u = DeviceUsers.load(file);
        assertThat(u.names()).containsExactly("bob", "alice");
        assertThat(u.checkPassword("bob", "s3cret:with:colons")).isTrue();
        assertThat(u.checkPassword("admin", "admin")).isFalse();
        assertThat(u.checkKey("alice", alice.getPublic())).isTrue();
        assertThat(u.checkKey("bob", alice.getPublic())).isFalse();
        assertThat(u.checkPassword("alice", "backup-pw")).isTrue();
        assertThat(u.toString()).doesNotContain("s3cret");

        SimulatedDevice device = new SimulatedDevice("users-1", Profile.named("home-router"), DeviceKeys.generate(),
                u, SimulatedDevice.Options.defaults());
        try (DeviceHost host = new DeviceHost(device)) {
            try (NetconfClient c = new NetconfClient(host.session(SshAuth.keys("alice", List.of(alice))))) {
                assertThat(c.session().sessionId()).isPositive();
            }
            assertThatThrownBy(() -> host.connect("admin", "admin")).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void malformedLinesAreNamed() {
        assertThatThrownBy(() -> DeviceUsers.parse(List.of("ok:pw", "no-colon-here"), "users.txt"))
                .hasMessageContaining("users.txt line 2");
        assertThatThrownBy(() -> DeviceUsers.parse(List.of("x:ssh-ed25519 AAAAnotbase64!!"), "f"))
                .hasMessageContaining("line 1").hasMessageContaining("public key");
        assertThatThrownBy(() -> DeviceUsers.parse(List.of("# nothing"), "f")).hasMessageContaining("no users");
    }

    @Test
    void derivedHostKeysAreStablePerNameAndSeed() {
        KeyPair a1 = DeviceKeys.derive("fleet", "r1");
        KeyPair a2 = DeviceKeys.derive("fleet", "r1");
        KeyPair b = DeviceKeys.derive("fleet", "r2");
        assertThat(a1.getPublic().getEncoded()).isEqualTo(a2.getPublic().getEncoded());
        assertThat(b.getPublic().getEncoded()).isNotEqualTo(a1.getPublic().getEncoded());
    }
}
