package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.xml.Namespaces;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Bad client input gets an rpc-error and the session goes on: malformed XML, not an rpc, no message-id, unknown
 * namespaces and operations, bad parameters, oversize messages. Other sessions never notice.
 */
class BadInputTest {
    private static final String BASE = Namespaces.BASE;
    private SimulatedDevice device;
    private DeviceHost host;

    @BeforeEach
    void start() throws Exception {
        device = new SimulatedDevice("bad-1", Profile.named("home-router"), DeviceKeys.generate(),
                DeviceUsers.defaults(), SimulatedDevice.Options.defaults()
                .withServer(ServerOptions.defaults().withMaxMessageSize(16 * 1024)));
        host = new DeviceHost(device);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private static RpcError only(Element reply) {
        List<RpcError> errors = RpcError.parseAll(reply);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private static void stillAnswers(RawClient raw) throws Exception {
        raw.send("<rpc xmlns=\"" + BASE + "\" message-id=\"ok\"><get-config><source><running/></source>"
                + "</get-config></rpc>");
        Element reply = raw.nextReply();
        assertThat(reply.getAttribute("message-id")).isEqualTo("ok");
        assertThat(RpcError.parseAll(reply)).isEmpty();
    }

    @Test
    void malformedMessagesGetErrorsAndTheSessionGoesOn() throws Exception {
        try (RawClient raw = new RawClient(host.port())) {
            raw.send("<rpc xmlns=\"" + BASE + "\" message-id=\"1\"><get>");
            assertThat(only(raw.nextReply()).tag()).isEqualTo("malformed-message");
            raw.send("<!DOCTYPE x [<!ENTITY a \"b\">]><rpc xmlns=\"" + BASE + "\" message-id=\"2\"><get/></rpc>");
            assertThat(only(raw.nextReply()).tag()).isEqualTo("malformed-message");
            raw.send("<hello xmlns=\"" + BASE + "\"/>");
            assertThat(only(raw.nextReply()).tag()).isEqualTo("unknown-element");
            raw.send("<rpc xmlns=\"" + BASE + "\"><get/></rpc>");
            assertThat(only(raw.nextReply()).tag()).isEqualTo("missing-attribute");
            raw.send("<rpc xmlns=\"" + BASE + "\" message-id=\"3\"/>");
            Element empty = raw.nextReply();
            assertThat(empty.getAttribute("message-id")).isEqualTo("3");
            assertThat(only(empty).tag()).isEqualTo("missing-element");
            raw.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
            assertThat(only(raw.nextReply()).tag()).isEqualTo("malformed-message");
            stillAnswers(raw);
        }
        try (NetconfClient c = host.connect()) {
            String mon = c.get(dev.homeport.netconf.ops.Filter.subtree("<netconf-state xmlns=\""
                    + Namespaces.MONITORING + "\"><statistics/></netconf-state>"), null).toXml();
            assertThat(mon).contains("<in-bad-rpcs>6</in-bad-rpcs>");
        }
    }

    @Test
    void oversizeRequestsAreAnsweredByMessageId() throws Exception {
        try (RawClient raw = new RawClient(host.port())) {
            String big = "<rpc xmlns=\"" + BASE + "\" message-id=\"huge-1\"><edit-config><target><running/></target>"
                    + "<config><system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><location>"
                    + "x".repeat(40_000) + "</location></system></config></edit-config></rpc>";
            raw.send(big);
            Element reply = raw.nextReply();
            assertThat(reply.getAttribute("message-id")).isEqualTo("huge-1");
            assertThat(only(reply).tag()).isEqualTo("too-big");
            stillAnswers(raw);
        }
        try (NetconfClient c = host.connect()) {
            assertThat(Sim.hostname(c, dev.homeport.netconf.ops.Datastore.RUNNING)).isEqualTo("home-router");
            assertThat(c.getConfig(dev.homeport.netconf.ops.Datastore.RUNNING).toXml()).doesNotContain("xxxxx");
        }
    }

    @Test
    void unknownOperationsNamespacesAndParameters() throws Exception {
        try (NetconfClient c = host.connect()) {
            RpcReply r = c.session().rpc("<frobnicate xmlns=\"urn:example:nothing\"/>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("unknown-namespace");
            r = c.session().rpc("<frobnicate xmlns=\"" + BASE + "\"/>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("operation-not-supported");
            r = c.session().rpc("<get-config xmlns=\"" + BASE + "\"><source><running/></source><bogus/></get-config>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("unknown-element");
            assertThat(r.errors().get(0).info()).containsEntry("bad-element", "bogus");
            r = c.session().rpc("<get-config xmlns=\"" + BASE + "\"/>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("missing-element");
            r = c.session().rpc("<edit-config xmlns=\"" + BASE + "\"><target><running/></target>"
                    + "<default-operation>sideways</default-operation><config/></edit-config>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("invalid-value");
            r = c.session().rpc("<get-config xmlns=\"" + BASE + "\"><source><url>file:///etc/passwd</url></source>"
                    + "</get-config>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("operation-not-supported");
            r = c.session().rpc("<get xmlns=\"" + BASE + "\"><filter type=\"regex\">.*</filter></get>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("bad-attribute");
            r = c.session().rpc("<edit-config xmlns=\"" + BASE + "\"><target><running/></target><config>"
                    + "<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><hostname>a</hostname>"
                    + "<no-such-leaf>1</no-such-leaf></system></config></edit-config>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("unknown-element");
            r = c.session().rpc("<edit-config xmlns=\"" + BASE + "\"><target><running/></target><config>"
                    + "<stranger xmlns=\"urn:example:unknown\"/></config></edit-config>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("unknown-namespace");
            r = c.session().rpc("<action xmlns=\"urn:ietf:params:xml:ns:yang:1\"><interfaces xmlns=\""
                    + Sim.IF + "\"><interface><name>wan0</name><reset/></interface></interfaces></action>");
            assertThat(r.errors()).extracting(RpcError::tag).containsExactly("operation-not-supported");
            assertThat(Sim.hostname(c, dev.homeport.netconf.ops.Datastore.RUNNING)).isEqualTo("home-router");
        }
    }
}
