package dev.homeport.netconf.callhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.transport.ssh.SshAuth;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The TLS call-home listener's defences (RFC 8071 section 7), shared with SSH: connections that fail the handshake
 * count against their source address until it is blocked, and the session cap refuses connections beyond it.
 * Plain TCP clients on loopback stand in for misbehaving devices.
 */
class TlsCallHomeLimitsTest {

    private static CallHomeServer listen(CallHomeSettings settings, List<CallHomeEvent> events) throws Exception {
        CallHomeServer server = new CallHomeServer(settings.withSsh(null)
                .withTls(new InetSocketAddress("127.0.0.1", 0)), CallHomeTrust.inMemory(),
                CredentialsProvider.same(SshAuth.password("nobody", "unused")));
        server.addListener(events::add);
        server.start();
        return server;
    }

    private static Socket dial(InetSocketAddress to, String from) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(to, 5000);
        return s;
    }

    private static List<String> reasons(List<CallHomeEvent> events) {
        return events.stream().filter(CallHomeEvent.Refused.class::isInstance)
                .map(e -> ((CallHomeEvent.Refused) e).reason()).toList();
    }

    @Test
    void anAddressThatKeepsFailingTheHandshakeIsBlocked() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        CallHomeSettings settings = CallHomeSettings.defaults().withBlocking(2, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        try (CallHomeServer server = listen(settings, events)) {
            for (int i = 1; i <= 2; i++) {
                try (Socket s = dial(server.tlsAddress(), "127.0.77.1"); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-not-a-tls-device\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    int expected = i;
                    await().atMost(Duration.ofSeconds(10)).until(() -> reasons(events).size() == expected);
                }
            }
            assertThat(reasons(events)).allSatisfy(r -> assertThat(r).contains("does not speak TLS"));
            try (Socket s = dial(server.tlsAddress(), "127.0.77.1")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> reasons(events).size() == 3);
                assertThat(reasons(events).get(2)).contains("address 127.0.77.1 is blocked until");
                assertThat(s.getInputStream().read()).isEqualTo(-1); // dropped at once
            }
            // other addresses carry on
            try (Socket s = dial(server.tlsAddress(), "127.0.77.2")) {
                s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                await().atMost(Duration.ofSeconds(10)).until(() -> reasons(events).size() == 4);
                assertThat(reasons(events).get(3)).doesNotContain("blocked");
            }
            assertThat(server.activeSessions()).isZero();
        }
    }

    @Test
    void connectionsBeyondTheSessionCapAreRefused() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        try (CallHomeServer server = listen(CallHomeSettings.defaults().withMaxSessions(1), events)) {
            try (Socket silent = dial(server.tlsAddress(), "127.0.78.1")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> server.activeSessions() == 1);
                try (Socket second = dial(server.tlsAddress(), "127.0.78.2")) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> !reasons(events).isEmpty());
                    assertThat(reasons(events)).containsExactly("session limit of 1 reached");
                    assertThat(second.getInputStream().read()).isEqualTo(-1);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.activeSessions() == 0);
        }
    }
}
