package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One endpoint served in tests the way the product serves it: the {@link SshDeviceHost} listening on 127.0.0.1 (free
 * port), and a client connector for the engine's {@link NetconfClient}.
 */
final class DeviceHost implements AutoCloseable {
    private final SshDeviceHost host;
    private final int port;
    private final SshConnector client = new SshConnector();

    DeviceHost(NetconfEndpoint endpoint) throws IOException {
        host = SshDeviceHost.start(SshDeviceHost.Settings.defaults().withIoThreads(2));
        try {
            port = host.listen(endpoint, new InetSocketAddress("127.0.0.1", 0)).address().getPort();
        } catch (IOException | RuntimeException e) {
            host.close();
            throw e;
        }
    }

    int port() {
        return port;
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
        host.close();
    }
}
