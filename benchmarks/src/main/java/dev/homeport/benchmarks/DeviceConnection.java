package dev.homeport.benchmarks;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the scripted benchmarks reach the device: {@code --host --port --user --known-hosts} on the command line, the
 * password in the environment variable {@code NC_PASS} (never on a command line, where {@code ps} shows it). The host
 * key must be in the known-hosts file: nothing is trusted on first use.
 */
final class DeviceConnection implements AutoCloseable {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final KnownHosts knownHosts;
    private final SshConnector connector = new SshConnector();
    private final SessionOptions options;

    DeviceConnection(Map<String, String> args, Duration rpcTimeout) throws IOException {
        this.host = required(args, "host");
        this.port = Integer.parseInt(required(args, "port"));
        this.user = required(args, "user");
        String pw = System.getenv("NC_PASS");
        if (pw == null) {
            throw new IllegalArgumentException("set the device password in the environment variable NC_PASS");
        }
        this.password = pw;
        this.knownHosts = KnownHosts.readOnly(Path.of(required(args, "known-hosts")), KnownHosts.Policy.STRICT);
        this.options = SessionOptions.defaults().withRpcTimeout(rpcTimeout);
    }

    /** A new SSH connection and NETCONF session (the SSH client itself is shared, as in the engine's users). */
    NetconfClient open() throws NetconfException {
        return new NetconfClient(NetconfSession.open(
                connector.connect(host, port, SshAuth.password(user, password), knownHosts), options));
    }

    @Override
    public void close() {
        connector.close();
    }

    /** {@code --name value} pairs. */
    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    static String required(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
