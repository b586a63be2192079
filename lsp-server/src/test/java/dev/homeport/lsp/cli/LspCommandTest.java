package dev.homeport.lsp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.lsp.cli.CheckCommandTest.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code homeport lsp}'s options: usage errors come back as exit code 2 with a message, before anything starts. */
class LspCommandTest {
    @Test
    void helpNamesTheTransports() {
        Run r = CheckCommandTest.run("lsp", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--stdio").contains("--websocket").contains("--socket").contains("--address");
    }

    @Test
    void addressWithoutAListenerIsRefused() {
        Run r = CheckCommandTest.run("lsp", "--address", "127.0.0.1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--address needs --websocket, --serve-editor or --socket");
    }

    @Test
    void transportsExcludeEachOther() {
        Run r = CheckCommandTest.run("lsp", "--stdio", "--websocket", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void badPortsAndDoubleAddressesAreRefused() {
        assertThat(CheckCommandTest.run("lsp", "--websocket", "70000").err()).contains("port 70000 is out of range");
        assertThat(CheckCommandTest.run("lsp", "--socket", "x:y").err()).contains("'x:y' is not a port number");
        Run both = CheckCommandTest.run("lsp", "--websocket", "127.0.0.1:0", "--address", "127.0.0.1");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = CheckCommandTest.run("lsp", "--socket", "127.0.0.1:" + taken.getLocalPort());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("cannot serve LSP on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void boundsMustBePositive() {
        Run r = CheckCommandTest.run("lsp", "--request-timeout", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("must be positive");
        assertThat(CheckCommandTest.run("lsp", "--max-message-bytes", "-1").exit()).isEqualTo(2);
        assertThat(CheckCommandTest.run("lsp", "--help").out()).contains("--request-timeout").contains("--max-message-bytes");
    }
}
