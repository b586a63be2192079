package dev.homeport.netconf.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.NetconfException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connect and authentication timeouts against peers that never finish their part, all on 127.0.0.1: a port whose
 * TCP handshake never completes, one that accepts but never speaks SSH, one that greets and then stalls the key
 * exchange, and an SSH server that never answers the login. Each fails within its timeout, saying which step stalled.
 */
class SshConnectAndAuthTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Scheduling on a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    private SshConnector connector(SshSettings settings) {
        SshConnector c = new SshConnector(settings);
        cleanup.add(c);
        return c;
    }

    /** Runs a connect and returns its failure, checking that it came within the timeout (plus slack). */
    private static Throwable failedConnect(SshConnector ssh, int port, Duration timeout) {
        long t0 = System.nanoTime();
        Throwable t = attempt(ssh, port);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).as("failed after").isBetween(timeout.minusMillis(100), timeout.plus(SLACK));
        return t;
    }

    private static Throwable attempt(SshConnector ssh, int port) {
        return catchThrowable(() -> ssh.connect("127.0.0.1", port, SshAuth.password("admin", "secret"),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)));
    }

    @Test
    void aTcpHandshakeThatNeverCompletesIsAConnectTimeout() throws Exception {
        // a listener with a full accept queue: Linux drops further SYNs, so connecting hangs
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        cleanup.add(full);
        boolean hanging = false;
        for (int i = 0; i < 10 && !hanging; i++) {
            Socket s = new Socket();
            cleanup.add(s);
            try {
                s.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 300);
            } catch (IOException timedOut) {
                hanging = true;
            }
        }
        assertThat(hanging).as("the accept queue filled up").isTrue();

        Throwable t = failedConnect(connector(SshSettings.defaults().withConnectTimeout(TIMEOUT)),
                full.getLocalPort(), TIMEOUT);
        assertThat(t).isInstanceOf(NetconfException.class)
                .hasMessage("cannot connect to 127.0.0.1:" + full.getLocalPort() + ": no answer within 1500 ms");
    }

    @Test
    void aPortThatAcceptsButNeverSpeaksSshIsAConnectTimeout() throws Exception {
        // the kernel completes the TCP handshake; nobody ever accepts or writes
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        cleanup.add(silent);
        Throwable t = failedConnect(connector(SshSettings.defaults().withConnectTimeout(TIMEOUT)),
                silent.getLocalPort(), TIMEOUT);
        assertThat(t).isInstanceOf(NetconfException.class).isNotInstanceOf(AuthenticationException.class)
                .hasMessage("cannot connect to 127.0.0.1:" + silent.getLocalPort() + ": the port accepted the "
                        + "connection but sent no SSH greeting within 1500 ms (is it an SSH server?)");
    }

    @Test
    void aServerThatGreetsThenStallsTheKeyExchangeIsAConnectTimeout() throws Exception {
        ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        cleanup.add(stalling);
        Thread.ofPlatform().daemon().start(() -> {
            try (Socket s = stalling.accept()) {
                s.getOutputStream().write("SSH-2.0-Stalling_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // read the client's key exchange and never answer it
                }
            } catch (IOException ignored) {
                // the test is over
            }
        });
        Throwable t = failedConnect(connector(SshSettings.defaults().withConnectTimeout(TIMEOUT)),
                stalling.getLocalPort(), TIMEOUT);
        assertThat(t).isInstanceOf(NetconfException.class)
                .hasMessage("cannot connect to 127.0.0.1:" + stalling.getLocalPort()
                        + ": the SSH key exchange did not finish within 1500 ms");
    }

    @Test
    void aServerThatNeverAnswersTheLoginIsAnAuthenticationTimeout() throws Exception {
        SshServer server = ServerBuilder.builder().build();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        AtomicLong askedAt = new AtomicLong();
        // the answer is "later", and later never comes
        server.setPasswordAuthenticator((user, password, session) -> {
            askedAt.compareAndSet(0, System.nanoTime());
            throw new AsyncAuthException();
        });
        server.start();
        cleanup.add(() -> server.stop(true));

        Throwable t = attempt(connector(SshSettings.defaults().withAuthTimeout(TIMEOUT)), server.getPort());
        // timed from the login request: the key exchange before it (host key generation included) is not login time
        Duration took = Duration.ofNanos(System.nanoTime() - askedAt.get());
        assertThat(askedAt.get()).as("the server was asked to authenticate").isNotZero();
        assertThat(took).isBetween(TIMEOUT.minusMillis(300), TIMEOUT.plus(SLACK));
        assertThat(t).isInstanceOf(AuthenticationException.class)
                .hasMessage("authentication as 'admin' to 127.0.0.1:" + server.getPort()
                        + " got no answer within 1500 ms (offered password, keyboard-interactive)");
    }
}
