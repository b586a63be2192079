package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code homeport netconf connect} against the real yuma123 device, run in-process with captured output. */
class CliConnectDeviceTest {
    static final String IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    static YumaDevice device;
    @TempDir
    static Path shared;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    /** connect with password and a known_hosts file that learns the device's key on first use. */
    private List<String> connect() {
        return List.of("netconf", "connect", "--host", device.host(), "--port", Integer.toString(device.port()),
                "-u", device.user(), "-p", device.password(), "--known-hosts", shared.resolve("kh").toString(),
                "--accept-new-hostkey");
    }

    private Cli.Result run(String... op) throws Exception {
        return Cli.withHome(home).run(Cli.args(connect(), op));
    }

    private static Element xml(String text) throws Exception {
        return SafeXml.parse(text).getDocumentElement();
    }

    private static Path interfaceConfig(Path dir, String name) throws Exception {
        Path f = dir.resolve(name + ".xml");
        Files.writeString(f, """
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
                    <interface>
                      <name>%s</name>
                      <type xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type>
                      <description>from the homeport CLI test</description>
                    </interface>
                  </interfaces>
                </config>
                """.formatted(name));
        return f;
    }

    private String runningInterfaces() throws Exception {
        var r = run("--get-config", "--filter", "/if:interfaces", "--ns", "if=" + IF_NS);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    @Test
    void helloPrintsCapabilitiesAndSessionId() throws Exception {
        var r = run("--hello");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Element hello = xml(r.out());
        assertThat(hello.getLocalName()).isEqualTo("hello");
        assertThat(r.out()).contains("<capability>urn:ietf:params:netconf:base:1.1</capability>")
                .contains("<capability>urn:ietf:params:netconf:capability:candidate:1.0</capability>");
        long sid = Long.parseLong(Dom.childText(hello, Namespaces.BASE, "session-id").orElseThrow());
        assertThat(sid).isPositive();
    }

    @Test
    void getConfigPrintsTheRunningReplyPrettyPrinted() throws Exception {
        var r = run("--get-config");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Element reply = xml(r.out());
        assertThat(reply.getLocalName()).isEqualTo("rpc-reply");
        assertThat(Dom.child(reply, Namespaces.BASE, "data")).isPresent();
        assertThat(r.out()).contains("\n  <data>"); // indented for people
        assertThat(r.err()).isEmpty();
    }

    @Test
    void getWithXPathFilterReturnsOnlyTheSelectedSubtree() throws Exception {
        var all = run("--get");
        var filtered = run("--get", "--filter", "/ietf-interfaces:interfaces-state");
        assertThat(filtered.exitCode()).as(filtered.toString()).isZero();
        Element data = Dom.child(xml(filtered.out()), Namespaces.BASE, "data").orElseThrow();
        assertThat(Dom.children(data)).extracting(Element::getLocalName).containsExactly("interfaces-state");
        assertThat(Dom.children(Dom.child(xml(all.out()), Namespaces.BASE, "data").orElseThrow()).size())
                .isGreaterThan(1);
    }

    @Test
    void getSchemaPrintsTheModuleText() throws Exception {
        var r = run("--get-schema", "ietf-interfaces");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("module ietf-interfaces {")
                .contains("namespace \"urn:ietf:params:xml:ns:yang:ietf-interfaces\";")
                .contains("container interfaces {");
        assertThat(r.out().strip()).endsWith("}");
    }

    @Test
    void editConfigWithCommitChangesRunning(@TempDir Path tmp) throws Exception {
        assertThat(runningInterfaces()).doesNotContain("cli-commit0");
        var r = run("--edit-config", interfaceConfig(tmp, "cli-commit0").toString(), "--commit");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Pattern.compile("<ok/>").matcher(r.out()).results().count()).isEqualTo(2); // edit, commit
        assertThat(runningInterfaces()).contains("<name>cli-commit0</name>");
    }

    @Test
    void editIntoCandidateThenCommitInALaterCommand(@TempDir Path tmp) throws Exception {
        var edit = run("--edit-config", interfaceConfig(tmp, "cli-later0").toString());
        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        assertThat(edit.err()).contains("the edit is in the candidate datastore: apply it with --commit");
        assertThat(run("--get-config", "--source", "candidate").out()).contains("cli-later0");
        assertThat(runningInterfaces()).doesNotContain("cli-later0");
        var commit = run("--commit");
        assertThat(commit.exitCode()).as(commit.toString()).isZero();
        assertThat(runningInterfaces()).contains("cli-later0");
    }

    @Test
    void lockedEditIsReleasedAfterwards(@TempDir Path tmp) throws Exception {
        var r = run("--lock", "candidate", "--edit-config", interfaceConfig(tmp, "cli-locked0").toString(),
                "--commit");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Pattern.compile("<ok/>").matcher(r.out()).results().count()).isEqualTo(4); // lock edit commit unlock
        assertThat(runningInterfaces()).contains("cli-locked0");
        var lockAgain = run("--lock", "candidate");
        assertThat(lockAgain.exitCode()).as("the lock was released: " + lockAgain).isZero();
    }

    @Test
    void editRefusedByTheDeviceIsExit1AndTheLockIsStillReleased(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad-edit.xml");
        Files.writeString(bad, "<interfaces xmlns=\"" + IF_NS + "\"><no-such-leaf>1</no-such-leaf></interfaces>");
        var r = run("--lock", "candidate", "--edit-config", bad.toString(), "--commit");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RPC_ERROR);
        // lock ok, the edit's rpc-error, unlock ok: in that order, and no commit
        assertThat(r.out().indexOf("<ok/>")).isLessThan(r.out().indexOf("<rpc-error>"));
        assertThat(r.out().lastIndexOf("<ok/>")).isGreaterThan(r.out().indexOf("<rpc-error>"));
        assertThat(Pattern.compile("<ok/>").matcher(r.out()).results().count()).isEqualTo(2);
        assertThat(run("--lock", "candidate").exitCode()).isZero();
    }

    @Test
    void confirmedCommitCanBeCancelledFromAnotherCommand(@TempDir Path tmp) throws Exception {
        var r = run("--edit-config", interfaceConfig(tmp, "cli-confirm0").toString(), "--confirmed-commit", "120",
                "--persist", "cli-token-1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("--commit --persist-id cli-token-1");
        assertThat(runningInterfaces()).contains("cli-confirm0");
        var cancel = run("--cancel-commit", "--persist-id", "cli-token-1");
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(runningInterfaces()).doesNotContain("cli-confirm0");
    }

    @Test
    void validateDiscardAndWithDefaults() throws Exception {
        assertThat(run("--validate").exitCode()).isZero();
        assertThat(run("--discard").out()).contains("<ok/>");
        var wd = run("--get-config", "--with-defaults", "report-all");
        assertThat(wd.exitCode()).as(wd.toString()).isZero();
        assertThat(xml(wd.out()).getLocalName()).isEqualTo("rpc-reply");
    }

    @Test
    void rpcFromFileAndFromStdin(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("rpc.xml");
        Files.writeString(f, "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"7\">"
                + "<get-config><source><running/></source></get-config></rpc>");
        var r = run("--rpc", f.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Dom.child(xml(r.out()), Namespaces.BASE, "data")).isPresent();

        var stdin = Cli.withHome(home).runWithStdin("""
                <get-schema xmlns="urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring">
                  <identifier>iana-if-type</identifier>
                </get-schema>
                """, Cli.args(connect(), "--rpc", "-"));
        assertThat(stdin.exitCode()).as(stdin.toString()).isZero();
        assertThat(stdin.out()).contains("module iana-if-type");
    }

    @Test
    void rpcErrorIsExit1WithTheReplyOnStdout(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("bad.xml");
        Files.writeString(f, "<lock xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><target><nosuch/></target></lock>");
        var r = run("--rpc", f.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RPC_ERROR);
        Element error = Dom.child(xml(r.out()), Namespaces.BASE, "rpc-error").orElseThrow();
        assertThat(Dom.childText(error, Namespaces.BASE, "error-tag")).contains("unknown-element");
        assertThat(r.err()).contains("rpc-error protocol/unknown-element");

        var schema = run("--get-schema", "no-such-module");
        assertThat(schema.exitCode()).as(schema.toString()).isEqualTo(ExitCodes.RPC_ERROR);
    }

    @Test
    void badPasswordIsExit2AndNeverPrinted() throws Exception {
        var r = Cli.withHome(home).run("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", "Wr0ng-Secret-77", "--accept-new-hostkey",
                "--trace", "--get-config");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("authentication as 'ncuser' to 127.0.0.1:" + device.port() + " failed");
        assertThat(r.out()).isEmpty();
        assertThat(r.out() + r.err()).doesNotContain("Wr0ng-Secret-77");
    }

    @Test
    void unknownHostKeyIsExit2WithTheFingerprintAndAHint(@TempDir Path tmp) throws Exception {
        var r = Cli.withHome(home).run("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", device.password(), "--get-config");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is unknown").contains(device.listenFingerprint())
                .contains("run again with --accept-new-hostkey");
        assertThat(r.out()).isEmpty();

        Path strict = tmp.resolve("strict_known_hosts");
        var withFile = Cli.withHome(home).run("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", device.password(), "--known-hosts",
                strict.toString(), "--hello");
        assertThat(withFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withFile.err()).contains(device.listenFingerprint());
        assertThat(strict).doesNotExist();
    }

    @Test
    void knownHostsFileLearnsTheKeyAndDefaultFileIsReadOnly(@TempDir Path tmp) throws Exception {
        List<String> login = List.of("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", device.password());
        // --accept-new-hostkey alone trusts for this run only: ~/.ssh/known_hosts is not written
        var once = Cli.withHome(home).run(Cli.args(login, "--accept-new-hostkey", "--hello"));
        assertThat(once.exitCode()).as(once.toString()).isZero();
        assertThat(once.err()).contains("for this run only");
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();

        Path kh = tmp.resolve("known_hosts");
        var learn = Cli.withHome(home).run(Cli.args(login, "--known-hosts", kh.toString(), "--accept-new-hostkey",
                "--hello"));
        assertThat(learn.exitCode()).as(learn.toString()).isZero();
        assertThat(learn.err()).contains("recorded in " + kh);
        assertThat(Files.readString(kh)).startsWith("[127.0.0.1]:" + device.port() + " ssh-ed25519 ");

        var strict = Cli.withHome(home).run(Cli.args(login, "--known-hosts", kh.toString(), "--hello"));
        assertThat(strict.exitCode()).as(strict.toString()).isZero();
        assertThat(strict.err()).isEmpty();

        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(kh, home.resolve(".ssh/known_hosts"));
        var byDefault = Cli.withHome(home).run(Cli.args(login, "--hello"));
        assertThat(byDefault.exitCode()).as(byDefault.toString()).isZero();
    }

    @Test
    void passwordFromEnvironmentOrPromptAndKeyLogin() throws Exception {
        List<String> noPassword = List.of("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "--accept-new-hostkey");
        var env = Cli.withHome(home).env(CredentialOptions.PASSWORD_ENV, device.password())
                .run(Cli.args(noPassword, "--hello"));
        assertThat(env.exitCode()).as(env.toString()).isZero();

        var prompted = Cli.withHome(home).runWithStdin(device.password() + "\n", Cli.args(noPassword, "-p", "--hello"));
        assertThat(prompted.exitCode()).as(prompted.toString()).isZero();
        assertThat(prompted.err()).contains("Password for ncuser:").doesNotContain(device.password());

        var key = Cli.withHome(home).run(Cli.args(noPassword, "--key", device.clientKey().toString(), "--hello"));
        assertThat(key.exitCode()).as(key.toString()).isZero();
    }

    @Test
    void traceShowsEveryMessageOnStderrOnly() throws Exception {
        var r = run("--trace", "--get-config");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains(">>> to 127.0.0.1:" + device.port()).contains("<<< from 127.0.0.1:")
                .contains("<get-config").contains("<close-session/>").contains("<hello");
        assertThat(xml(r.out()).getLocalName()).isEqualTo("rpc-reply");
    }

    @Test
    void subscribePrintsNotificationsAsTheyArrive() throws Exception {
        var sub = Cli.withHome(home).start(Cli.args(connect(), "--subscribe", "--count", "1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> sub.err().contains("subscribed") || sub.isDone());
        assertThat(sub.isDone()).as(sub.err()).isFalse();
        // another session starting is an event of the default NETCONF stream
        assertThat(run("--hello").exitCode()).isZero();
        var r = sub.await(Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Element n = xml(r.out());
        assertThat(n.getLocalName()).isEqualTo("notification");
        assertThat(Dom.childText(n, Namespaces.NOTIFICATION, "eventTime")).isPresent();
        assertThat(r.out()).contains("netconf-session-start");
    }
}
