package dev.homeport.netconf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSubsystemTransport;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's server session against the engine's client, over real SSH on loopback. */
class ServerSessionTest {
    private SshServer server;
    private SshConnector client;
    private final AtomicLong ids = new AtomicLong();

    private void startServer(List<String> caps) throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((u, p, s) -> "admin".equals(u) && "admin".equals(p));
        RpcHandler echo = (session, req) -> {
            switch (req.name()) {
                case "get" -> session.reply(req, "<data><x xmlns=\"urn:test\">" + session.sessionId() + "</x></data>");
                case "close-session" -> {
                    session.replyOk(req);
                    session.close("close-session");
                }
                default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                        "no " + req.name())));
            }
        };
        server.setSubsystemFactories(List.of(SshSubsystemTransport.factory(t ->
                new ServerSession(t, ids.incrementAndGet(), caps, echo, ServerOptions.defaults()).start())));
        server.start();
        client = new SshConnector();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(true);
        }
    }

    private NetconfSession connect() throws Exception {
        var t = client.connect("127.0.0.1", server.getPort(), SshAuth.password("admin", "admin"),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL));
        return NetconfSession.open(t, SessionOptions.defaults());
    }

    @Test
    void chunkedSessionAnswersRpcsAndEchoesRpcAttributes() throws Exception {
        startServer(List.of(Capability.BASE_1_0, Capability.BASE_1_1));
        try (NetconfSession s = connect()) {
            assertThat(s.framing()).isEqualTo(Framing.CHUNKED);
            RpcReply r = s.rpc("<get/>");
            assertThat(r.data()).isPresent();
            assertThat(r.data().get().getTextContent()).isEqualTo(Long.toString(s.sessionId()));
            RpcReply e = s.rpc("<frobnicate xmlns=\"urn:x\"/>");
            assertThat(e.errors()).extracting(RpcError::tag).containsExactly("operation-not-supported");
        }
    }

    @Test
    void base10ServerUsesEndOfMessageFraming() throws Exception {
        startServer(List.of(Capability.BASE_1_0));
        try (NetconfSession s = connect()) {
            assertThat(s.framing()).isEqualTo(Framing.END_OF_MESSAGE);
            assertThat(s.rpc("<get/>").data()).isPresent();
        }
    }
}
