package dev.homeport.netconf.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.server.RpcHandler;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSubsystemTransport;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;
import org.w3c.dom.Element;

/**
 * YANG 1.1 actions and custom RPCs built from a schema ({@link SchemaOperation}), sent by the engine's client over
 * real SSH to the engine's own {@link ServerSession}, which records exactly what arrived and answers with output.
 * Input that does not fit the schema is refused before anything is sent: the server never sees it.
 */
class SchemaOperationTest {
    static final String NS = "urn:homeport:operations-test";
    static final QName SERVERS = qname("servers");
    static final QName SERVER = qname("server");
    static final QName NAME = qname("name");
    static final QName PORT = qname("port");
    static final QName RESET = qname("reset");

    static EffectiveModelContext context;
    static SshServer server;
    static SshConnector ssh;
    static final List<RpcRequest> received = new CopyOnWriteArrayList<>();
    NetconfClient client;

    static QName qname(String local) {
        return QName.create(NS, "2026-01-01", local);
    }

    @BeforeAll
    static void start() throws Exception {
        @SuppressWarnings("removal")
        var parser = new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
        parser.addSource(new FileYangTextSource(Path.of(SchemaOperationTest.class
                .getResource("/yang/homeport-operations-test.yang").toURI())));
        context = parser.buildEffectiveModel();

        AtomicLong ids = new AtomicLong();
        RpcHandler device = (session, req) -> {
            received.add(req);
            switch (req.name()) {
                case "action" -> {
                    boolean reset = req.operation().getTextContent().contains("apollo");
                    session.reply(req, reset ? "<reset-finished-at xmlns=\"" + NS + "\">2026-05-01T10:00:07Z"
                            + "</reset-finished-at><kind xmlns=\"" + NS + "\" xmlns:x=\"" + NS + "\">x:soft</kind>"
                            : "<drained xmlns=\"" + NS + "\">7</drained>");
                }
                case "restart-all" -> session.reply(req, "<restarted xmlns=\"" + NS + "\">3</restarted>"
                        + "<gossip xmlns=\"urn:elsewhere\">not in the schema</gossip>");
                case "close-session" -> {
                    session.replyOk(req);
                    session.close("close-session");
                }
                default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                        "no " + req.name())));
            }
        };
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((u, p, s) -> "admin".equals(u) && "admin".equals(p));
        server.setSubsystemFactories(List.of(SshSubsystemTransport.factory(t -> new ServerSession(t,
                ids.incrementAndGet(), List.of(Capability.BASE_1_0, Capability.BASE_1_1), device,
                ServerOptions.defaults()).start())));
        server.start();
        ssh = new SshConnector();
    }

    @AfterAll
    static void stop() throws Exception {
        ssh.close();
        server.stop(true);
    }

    @BeforeEach
    void connect() throws Exception {
        received.clear();
        client = new NetconfClient(NetconfSession.open(ssh.connect("127.0.0.1", server.getPort(),
                SshAuth.password("admin", "admin"), KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)),
                SessionOptions.defaults()));
    }

    @org.junit.jupiter.api.AfterEach
    void disconnect() {
        client.close();
    }

    private static YangInstanceIdentifier apollo() {
        return YangInstanceIdentifier.builder().node(SERVERS).node(SERVER)
                .nodeWithKey(SERVER, Map.of(NAME, "apollo", PORT, Uint16.valueOf(8080))).build();
    }

    /** The requests the device got, other than close-session. */
    private static List<RpcRequest> operations() {
        return received.stream().filter(r -> !r.name().equals("close-session")).toList();
    }

    @Test
    void actionFromPlainValuesArrivesAsRfc7950SaysAndItsOutputIsANormalizedNode() throws Exception {
        SchemaOperation reset = SchemaOperation.action(context, apollo(), RESET);
        assertThat(reset.describe()).isEqualTo("action homeport-operations-test:reset on "
                + "/homeport-operations-test:servers/server[name='apollo'][port='8080']");
        ContainerNode input = reset.input(Map.of("reset-at", "2026-05-01T10:00:00Z",
                "kind", "homeport-operations-test:hard", "delay", 5, "notify", List.of("noc", "ops"),
                "everything", true));

        XmlDataCodec.Result out = client.invoke(reset, input);

        // what the device received: <action xmlns="urn:ietf:params:xml:ns:yang:1"> with the data path and keys
        RpcRequest req = operations().get(0);
        assertThat(req.name()).isEqualTo("action");
        assertThat(req.namespace()).isEqualTo(Namespaces.YANG_1);
        Element servers = Dom.children(req.operation()).get(0);
        assertThat(servers.getLocalName()).isEqualTo("servers");
        assertThat(servers.getNamespaceURI()).isEqualTo(NS);
        Element server = Dom.child(servers, NS, "server").orElseThrow();
        assertThat(Dom.childText(server, NS, "name")).hasValue("apollo");
        assertThat(Dom.childText(server, NS, "port")).hasValue("8080");
        Element action = Dom.child(server, NS, "reset").orElseThrow();
        assertThat(Dom.childText(action, NS, "reset-at")).hasValue("2026-05-01T10:00:00Z");
        assertThat(Dom.childText(action, NS, "delay")).hasValue("5");
        assertThat(Dom.children(action, NS, "notify")).extracting(Element::getTextContent)
                .containsExactly("noc", "ops");
        assertThat(Dom.child(action, NS, "everything")).isPresent();
        // the identity resolves in the request (RFC 7950 9.10.3: without a prefix, in the default namespace)
        Element kind = Dom.child(action, NS, "kind").orElseThrow();
        String value = kind.getTextContent();
        int colon = value.indexOf(':');
        assertThat(value.substring(colon + 1)).isEqualTo("hard");
        assertThat(kind.lookupNamespaceURI(colon < 0 ? null : value.substring(0, colon))).isEqualTo(NS);

        // the reply's output, typed by the schema
        assertThat(out.skipped()).isEmpty();
        assertThat(out.data().name().getNodeType().getLocalName()).isEqualTo("output");
        assertThat(out.data().childByArg(new NodeIdentifier(qname("reset-finished-at"))).body())
                .isEqualTo("2026-05-01T10:00:07Z");
        assertThat(out.data().childByArg(new NodeIdentifier(qname("kind"))).body()).isEqualTo(qname("soft"));
    }

    @Test
    void actionInputBuiltAsANormalizedNodeIsCheckedAndSentTheSame() throws Exception {
        SchemaOperation reset = SchemaOperation.action(context, apollo(), RESET);
        ContainerNode input = ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(qname("input")))
                .withChild(ImmutableNodes.leafNode(qname("reset-at"), "now"))
                .withChild(ImmutableNodes.leafNode(qname("kind"), qname("soft")))
                .withChild(ImmutableNodes.leafNode(qname("delay"), Uint8.valueOf(60)))
                .build();
        client.invoke(reset, input);
        Element action = Dom.child(Dom.child(Dom.children(operations().get(0).operation()).get(0), NS, "server")
                .orElseThrow(), NS, "reset").orElseThrow();
        assertThat(Dom.children(action)).extracting(Element::getLocalName).containsExactly("reset-at", "kind", "delay");
        assertThat(Dom.childText(action, NS, "delay")).hasValue("60");
        // the same input from plain values builds the same tree
        assertThat(reset.input(Map.of("reset-at", "now", "kind", qname("soft"), "delay", "60")))
                .isEqualTo(reset.input(input));
    }

    @Test
    void actionOfAContainerWithoutInput() throws Exception {
        YangInstanceIdentifier maintenance = YangInstanceIdentifier.builder().node(SERVERS).node(qname("maintenance"))
                .build();
        SchemaOperation drain = SchemaOperation.action(context, maintenance, qname("drain"));
        XmlDataCodec.Result out = client.invoke(drain, drain.input());
        assertThat(out.data().childByArg(new NodeIdentifier(qname("drained"))).body()).isEqualTo(Uint32.valueOf(7));
        Element sent = Dom.children(operations().get(0).operation()).get(0);
        assertThat(Dom.child(Dom.child(sent, NS, "maintenance").orElseThrow(), NS, "drain")).isPresent();
    }

    @Test
    void customRpcWithANestedInputAndOutputElementsTheSchemaLacksListedAsSkipped() throws Exception {
        SchemaOperation restart = SchemaOperation.rpc(context, "homeport-operations-test", "restart-all");
        assertThat(restart.describe()).isEqualTo("rpc homeport-operations-test:restart-all");
        ContainerNode input = ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(qname("input")))
                .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(qname("options")))
                        .withChild(ImmutableNodes.leafNode(qname("reason"), "kernel update"))
                        .withChild(ImmutableNodes.leafNode(qname("force"), true)).build())
                .build();
        XmlDataCodec.Result out = client.invoke(restart, input);
        RpcRequest req = operations().get(0);
        assertThat(req.name()).isEqualTo("restart-all");
        assertThat(req.namespace()).isEqualTo(NS);
        Element options = Dom.child(req.operation(), NS, "options").orElseThrow();
        assertThat(Dom.childText(options, NS, "reason")).hasValue("kernel update");
        assertThat(Dom.childText(options, NS, "force")).hasValue("true");
        assertThat(((LeafNode<?>) out.data().childByArg(new NodeIdentifier(qname("restarted")))).body())
                .isEqualTo(Uint32.valueOf(3));
        assertThat(out.skipped()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("gossip"));
    }

    @Test
    void nestedLeavesAreNamedByTheirPathThroughContainers() throws Exception {
        SchemaOperation restart = SchemaOperation.rpc(context, qname("restart-all"));
        assertThatThrownBy(() -> restart.input(Map.of("options/nope", "x")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("has no node 'options/nope'; options has: reason, force");
        assertThatThrownBy(() -> restart.input(Map.of("delay/x", "1")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("'delay' in the input of rpc homeport-operations-test:restart-all is not a "
                        + "container");
        assertThatThrownBy(() -> restart.input(Map.of("options", "x")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("is not a leaf or leaf-list");
        assertThat(operations()).isEmpty();

        client.invoke(restart, restart.input(Map.of("delay", 5, "options/reason", "kernel update",
                "options/force", "true")));
        RpcRequest req = operations().get(0);
        assertThat(Dom.childText(req.operation(), NS, "delay")).hasValue("5");
        assertThat(Dom.children(req.operation())).filteredOn(e -> e.getLocalName().equals("options")).hasSize(1);
        Element options = Dom.child(req.operation(), NS, "options").orElseThrow();
        assertThat(Dom.childText(options, NS, "reason")).hasValue("kernel update");
        assertThat(Dom.childText(options, NS, "force")).hasValue("true");
    }

    @Test
    void inputThatDoesNotFitTheSchemaIsRefusedBeforeAnythingIsSent() throws Exception {
        SchemaOperation reset = SchemaOperation.action(context, apollo(), RESET);
        assertThatThrownBy(() -> reset.input(Map.of("kind", "homeport-operations-test:soft")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("the input of action homeport-operations-test:reset on")
                .hasMessageContaining("lacks mandatory leaf /reset-at");
        assertThatThrownBy(() -> reset.input(Map.of("reset-at", "now", "delay", 61)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("is not valid")
                .hasMessageContaining("61")
                .hasMessageContaining("/homeport-operations-test:delay");
        assertThatThrownBy(() -> reset.input(Map.of("reset-at", "now", "reset-time", "later")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("has no node 'reset-time'")
                .hasMessageContaining("it has: reset-at, kind, delay, notify, everything, services");
        assertThatThrownBy(() -> reset.input(Map.of("reset-at", "now", "kind",
                "homeport-operations-test:lukewarm")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("lukewarm");
        SchemaOperation restart = SchemaOperation.rpc(context, qname("restart-all"));
        // a mandatory leaf inside a non-presence container makes the container mandatory too
        assertThatThrownBy(() -> restart.input(Map.of("delay", 1)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("lacks mandatory leaf /options/reason")
                .satisfies(e -> assertThat(((InvalidDataException) e).path()).isEqualTo("/options/reason"));
        // a NormalizedNode with a node the input does not have
        ContainerNode foreign = ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(qname("input")))
                .withChild(ImmutableNodes.leafNode(qname("reset-at"), "now"))
                .withChild(ImmutableNodes.leafNode(qname("restarted"), Uint32.ONE)).build();
        assertThatThrownBy(() -> client.invoke(reset, foreign)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("does not fit its schema");

        assertThat(operations()).isEmpty();
        assertThat(client.session().isOpen()).isTrue();
    }

    @Test
    void unknownOperationsAndIncompleteTargetsAreRefusedWithWhatExists() {
        assertThatThrownBy(() -> SchemaOperation.action(context, apollo(), qname("reboot")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no action 'reboot'").hasMessageContaining("it has: reset");
        YangInstanceIdentifier noKeys = YangInstanceIdentifier.builder().node(SERVERS).node(SERVER).build();
        assertThatThrownBy(() -> SchemaOperation.action(context, noKeys, RESET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("list server needs its keys [name, port]");
        assertThatThrownBy(() -> SchemaOperation.rpc(context, qname("restart-one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("module homeport-operations-test has no rpc 'restart-one'; it has: restart-all");
    }
}
