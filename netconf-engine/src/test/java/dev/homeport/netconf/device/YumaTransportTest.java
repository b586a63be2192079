package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSH transport and session basics against the real yuma123 device. */
class YumaTransportTest {
    static YumaDevice device;
    static SshConnector ssh;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
        ssh = new SshConnector();
    }

    @AfterAll
    static void stop() {
        ssh.close();
        device.close();
    }

    private NetconfClient open(SshAuth auth) throws Exception {
        var t = ssh.connect(device.host(), device.port(), auth, KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        return new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()));
    }

    @Test
    void passwordLoginNegotiatesChunkedFramingAndReadsRunning() throws Exception {
        try (NetconfClient c = open(SshAuth.password(device.user(), device.password()))) {
            assertThat(c.session().framing()).isEqualTo(Framing.CHUNKED);
            assertThat(c.session().sessionId()).isPositive();
            assertThat(c.session().peerIdentity()).isEqualTo(device.listenFingerprint());
            assertThat(c.getConfig(Datastore.RUNNING).data().getLocalName()).isEqualTo("data");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void publicKeyLogin(String type) throws Exception {
        var key = device.authorizeNewClientKey(type);
        try (NetconfClient c = open(SshAuth.keyFile(device.user(), key, null))) {
            assertThat(c.capabilities().candidate()).isTrue();
        }
    }
}
