package dev.homeport.netconf.testing;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshTransport;

/** Opens engine sessions to a {@link ScriptedSshDevice} through the engine's real SSH connector. */
public final class DeviceSessions {
    private DeviceSessions() {
    }

    public static NetconfSession open(SshConnector engine, ScriptedSshDevice device, String user,
                                      SessionOptions options) throws NetconfException {
        SshTransport transport = engine.connect(device.host(), device.port(), device.auth(user), device.verifier());
        return NetconfSession.open(transport, options);
    }
}
