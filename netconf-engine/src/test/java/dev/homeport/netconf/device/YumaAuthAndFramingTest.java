package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyboard-interactive login, base:1.0-only framing and host-key policies against real devices. */
class YumaAuthAndFramingTest {

    @Test
    void keyboardInteractiveThroughPam() throws Exception {
        try (YumaDevice device = YumaDevice.start(new YumaDevice.Options().keyboardInteractive(true));
             SshConnector ssh = new SshConnector()) {
            var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                    KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
            try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()))) {
                assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull();
            }
            assertThatThrownBy(() -> ssh.connect(device.host(), device.port(),
                    SshAuth.password(device.user(), "wrong"), KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW)))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("authentication as 'ncuser'");
        }
    }

    @Test
    void base10OnlyDeviceGetsEndOfMessageFraming(@TempDir Path tmp) throws Exception {
        try (YumaDevice device = YumaDevice.start(new YumaDevice.Options().protocols("netconf1.0"));
             SshConnector ssh = new SshConnector()) {
            Path knownHosts = tmp.resolve("known_hosts");
            var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                    KnownHosts.file(knownHosts, KnownHosts.Policy.ACCEPT_NEW));
            try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()))) {
                assertThat(c.capabilities().base11()).isFalse();
                assertThat(c.session().framing()).isEqualTo(Framing.END_OF_MESSAGE);
                // several RPCs in flight at once, correlated by message-id
                var a = c.session().rpcAsync("<get-config><source><running/></source></get-config>",
                        java.time.Duration.ofSeconds(30));
                var b = c.session().rpcAsync("<get/>", java.time.Duration.ofSeconds(30));
                assertThat(a.get().data()).isPresent();
                assertThat(b.get().data()).isPresent();
            }
            // accept-new recorded the key; strict mode now accepts it from the file
            assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + device.port() + " ssh-ed25519 ");
            var strict = KnownHosts.file(knownHosts, KnownHosts.Policy.STRICT);
            ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()), strict)
                    .close();
            // a different key recorded for that host: refused, with both fingerprints in the message
            Files.writeString(knownHosts, "[127.0.0.1]:" + device.port()
                    + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
            assertThatThrownBy(() -> ssh.connect(device.host(), device.port(),
                    SshAuth.password(device.user(), device.password()),
                    KnownHosts.file(knownHosts, KnownHosts.Policy.ACCEPT_NEW)))
                    .isInstanceOf(HostKeyException.class)
                    .hasMessageContaining("HOST KEY CHANGED")
                    .hasMessageContaining(device.listenFingerprint());
        }
    }
}
