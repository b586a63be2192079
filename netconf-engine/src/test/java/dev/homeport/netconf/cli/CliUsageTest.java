package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command lines that must be refused before any connection (exit 2, a message that says what is wrong). */
class CliUsageTest {
    @TempDir
    Path home;

    private static final List<String> CONNECT = List.of("netconf", "connect", "--host", "127.0.0.1", "-u", "admin",
            "-p", "secret");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no operation | | no operation given",
        "two operations | --get --hello | one operation at a time (got --hello, --get)",
        "filter with hello | --hello --filter /x | --filter goes with --get or --get-config or --subscribe, not with --hello",
        "both filters | --get --filter /x --subtree f.xml | --filter and --subtree exclude each other",
        "bad with-defaults | --get --with-defaults all | --with-defaults must be one of report-all, report-all-tagged, trim, explicit",
        "bad datastore | --get-config --source nowhere | --source: unknown datastore 'nowhere'",
        "count without subscribe | --get --count 3 | --count goes with --subscribe",
        "commit twice | --edit-config f.xml --commit --confirmed-commit 10 | --commit and --confirmed-commit exclude each other",
        "zero timeout | --get --timeout 0 | --timeout must be at least 1 second",
        "missing edit file | --edit-config /nonexistent/edit.xml | --edit-config: cannot read /nonexistent/edit.xml",
    })
    void refusedBeforeConnecting(String name, String options, String message) throws Exception {
        String[] extra = options == null ? new String[0] : options.trim().split("\\s+");
        var r = Cli.withHome(home).run(Cli.args(CONNECT, extra));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("secret");
    }

    @Test
    void malformedXmlFileIsNamedWithTheParserMessage(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("edit.xml");
        Files.writeString(f, "<config><interfaces></config>");
        var r = Cli.withHome(home).run(Cli.args(CONNECT, "--edit-config", f.toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--edit-config " + f).contains("malformed XML").contains("line 1");
    }

    @Test
    void picocliErrorsAreUsageErrorsWithAHint() throws Exception {
        var r = Cli.withHome(home).run("netconf", "connect", "--get");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing required option").contains("--host")
                .contains("Try 'homeport netconf connect --help'");
        var unknown = Cli.withHome(home).run(Cli.args(CONNECT, "--get", "--frobnicate"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no user for SSH | netconf connect --host 127.0.0.1 -p secret --get | -u/--user USER is required for SSH",
        "TLS options without --tls | netconf connect --host 127.0.0.1 -u a -p secret --cert c.pem --pin SHA256:x --get"
                + " | --cert, --pin go with --tls (NETCONF over TLS)",
        "SSH login over TLS | netconf connect --tls --host 127.0.0.1 -u admin -p secret --get"
                + " | -u/--user, -p/--password are for SSH; over TLS the client certificate",
        "host keys over TLS | netconf connect --tls --host 127.0.0.1 --accept-new-hostkey --get"
                + " | --accept-new-hostkey is for SSH",
        "no trust | netconf connect --tls --host 127.0.0.1 --cert c.pem --key k.pem --get"
                + " | TLS needs a way to trust the device's certificate: --ca FILE, --pin SHA256:..., or --known-certs",
        "two trusts | netconf connect --tls --host 127.0.0.1 --ca ca.pem --pin SHA256:x --get"
                + " | --ca, --pin and --known-certs/--accept-new-cert exclude each other",
        "bad pin | netconf connect --tls --host 127.0.0.1 --pin 12:34 --get"
                + " | --pin: '12:34' is not a SHA-256 certificate fingerprint",
        "no client certificate | netconf connect --tls --host 127.0.0.1 --accept-new-cert --get"
                + " | TLS needs the client certificate and its private key: --cert FILE --key FILE",
        "unreadable CA | netconf connect --tls --host 127.0.0.1 --ca /nonexistent/ca.pem --get"
                + " | --ca: /nonexistent/ca.pem",
        "CA for call home | netconf listen --tls-port --ca ca.pem --cert c.pem --key k.pem --once --get"
                + " | --ca does not apply to call home",
        "TLS options without --tls-port | netconf listen -u a -p b --known-certs f --once --get"
                + " | --known-certs goes with --tls-port (TLS call home)",
        "host keys without SSH | netconf listen --tls-port --known-hosts kh --pin SHA256:x --once --get"
                + " | --known-hosts is for SSH call home (give -u)",
    })
    void tlsCommandLinesRefusedBeforeConnecting(String name, String commandLine, String message) throws Exception {
        var r = Cli.withHome(home).run(commandLine.trim().split("\\s+"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("secret");
    }

    @Test
    void noCredentialsAtAll() throws Exception {
        var r = Cli.withHome(home).run("netconf", "connect", "--host", "127.0.0.1", "-u", "admin", "--get");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no credentials").contains(CredentialOptions.PASSWORD_ENV);
    }

    @Test
    void promptWithClosedStdinIsAUsageError() throws Exception {
        var r = Cli.withHome(home).runWithStdin("", "netconf", "connect", "--host", "127.0.0.1", "-u", "admin",
                "-p", "--get");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Password for admin:").contains("standard input is closed");
    }

    @Test
    void connectionRefusedIsExit2() throws Exception {
        int closed = FreePorts.next(); // nothing listens there any more
        var r = Cli.withHome(home).run("netconf", "connect", "--host", "127.0.0.1", "--port",
                Integer.toString(closed), "-u", "admin", "-p", "secret", "--accept-new-hostkey", "--hello");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("cannot connect to 127.0.0.1:" + closed);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void listenRefusesBadOptionsAndBusyPorts() throws Exception {
        var once = Cli.withHome(home).run("netconf", "listen", "--once", "--exit-after", "3", "-u", "a", "-p", "b",
                "--hello");
        assertThat(once.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(once.err()).contains("--exit-after goes without --once");

        try (var busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var r = Cli.withHome(home).run("netconf", "listen", "--address", "127.0.0.1", "--port",
                    Integer.toString(busy.getLocalPort()), "--once", "-u", "a", "-p", "b", "--hello");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("cannot listen for SSH call home on 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void helpIsExit0AndNamesEveryOperation() throws Exception {
        var r = Cli.withHome(home).run("netconf", "connect", "--help");
        assertThat(r.exitCode()).isZero();
        for (String op : List.of("--hello", "--get", "--get-config", "--edit-config", "--commit", "--confirmed-commit",
                "--discard", "--validate", "--lock", "--get-schema", "--rpc", "--subscribe", "--with-defaults",
                "--timeout", "--trace")) {
            assertThat(r.out()).contains(op);
        }
        var listen = Cli.withHome(home).run("netconf", "listen", "--help");
        assertThat(listen.out()).contains("--once").contains("--exit-after").contains("--max-sessions");
        var bare = Cli.withHome(home).run("netconf");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("connect").contains("listen");
    }
}
