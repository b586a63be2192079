package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSubsystemTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;

/**
 * A minimal SSH host for one endpoint in tests: a MINA server on 127.0.0.1 (free port) with the endpoint's host key,
 * its password and public-key checks, and the "netconf" subsystem handing transports to it. The fleet host of the
 * product carries many endpoints; this one exercises the same contract.
 */
final class DeviceHost implements AutoCloseable {
    private final SshServer server;
    private final SshConnector client = new SshConnector();

    DeviceHost(NetconfEndpoint endpoint) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(endpoint.hostKey()));
        server.setPasswordAuthenticator((u, p, s) -> endpoint.authenticatePassword(u, p));
        server.setPublickeyAuthenticator((u, k, s) -> endpoint.authenticatePublicKey(u, k));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(SshSubsystemTransport.factory(t -> endpoint.accept(t, t.username()))));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    NetconfClient connect() throws NetconfException {
        return connect("admin", "admin");
    }

    NetconfClient connect(String user, String password) throws NetconfException {
        return new NetconfClient(session(SshAuth.password(user, password)));
    }

    NetconfSession session(SshAuth auth) throws NetconfException {
        var t = client.connect("127.0.0.1", port(), auth, KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL));
        return NetconfSession.open(t, SessionOptions.defaults().withRpcTimeout(Duration.ofSeconds(60)));
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.stop(true);
    }
}
