package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.data.DataDelta;
import dev.homeport.netconf.data.DataTrees;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.SchemaProgressListener;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.Dom;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Schema-aware work against the real yuma123 device, with the schema the engine loads from it (get-schema of its 27
 * modules): the toaster's make-toast built and checked from that schema (identityref included), input that the schema
 * refuses never reaching the device, and replies as NormalizedNode trees that drive an edit computed by
 * {@link DataDelta} and sent through {@link EditConfig}, read back equal to the target.
 */
class YumaSchemaDataTest {
    @TempDir
    static Path cacheDir;
    static YumaDevice device;
    static SshConnector ssh;
    static NetconfClient client;
    static DeviceSchema schema;
    static EffectiveModelContext context;
    static XmlDataCodec codec;
    /** Every message the client sent, as the device received it. */
    static final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        device = YumaDevice.start();
        ssh = new SshConnector();
        var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        client = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults().withTrace((peer, dir, xml) -> {
            if (dir == MessageTrace.Direction.OUT) {
                sent.add(xml);
            }
        })));
        schema = DeviceSchema.load(client, new ModuleCache(cacheDir.resolve("yang")), SchemaProgressListener.NONE);
        assertThat(schema.partial()).as(schema.warnings().toString()).isFalse();
        context = schema.context();
        codec = new XmlDataCodec(context);
        YumaCoreOperations.ensureToaster(client);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        ssh.close();
        device.close();
    }

    @BeforeEach
    void clearTrace() {
        sent.clear();
    }

    private static QNameModule module(String name) {
        return context.findModules(name).iterator().next().getQNameModule();
    }

    @Test
    void makeToastBuiltFromTheDeviceSchemaRunsAndCancelToastEndsIt() throws Exception {
        SchemaOperation makeToast = SchemaOperation.rpc(context, "toaster", "make-toast");
        // the identityref by module name, as a person writes it; the engine declares the namespace
        ContainerNode input = makeToast.input(Map.of("toasterDoneness", 1, "toasterToastType",
                "toaster:white-bread"));
        QName whiteBread = QName.create(module("toaster"), "white-bread");
        assertThat(input.childByArg(new NodeIdentifier(QName.create(module("toaster"), "toasterToastType"))).body())
                .isEqualTo(whiteBread);

        try (NotificationStream stream = client.subscribe(Subscription.defaultStream())) {
            XmlDataCodec.Result out = client.invoke(makeToast, input);
            assertThat(out.data().name().getNodeType().getLocalName()).isEqualTo("output");
            assertThat(out.data().body()).isEmpty(); // make-toast answers <ok/>
            assertThat(sent).anySatisfy(m -> assertThat(m).contains("make-toast")
                    .contains(">1</toasterDoneness>").containsPattern(">(\\w+:)?white-bread</toasterToastType>"));

            SchemaOperation cancel = SchemaOperation.rpc(context, "toaster", "cancel-toast");
            client.invoke(cancel, cancel.input());
            Notification done = YumaCoreOperations.awaitNotification(stream,
                    n -> "toastDone".equals(n.eventName()));
            assertThat(Dom.childText(done.content().orElseThrow(), YumaCoreOperations.TOASTER_NS, "toastStatus"))
                    .hasValue("cancelled");
        }
    }

    @Test
    void inputTheDeviceSchemaRefusesNeverReachesTheDevice() throws Exception {
        SchemaOperation makeToast = SchemaOperation.rpc(context, "toaster", "make-toast");
        assertThatThrownBy(() -> makeToast.input(Map.of("toasterDoneness", 11)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("the input of rpc toaster:make-toast is not valid")
                .hasMessageContaining("11")
                .hasMessageContaining("toasterDoneness");
        assertThatThrownBy(() -> makeToast.input(Map.of("toasterDonenes", 5)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("the input of rpc toaster:make-toast has no node 'toasterDonenes'; it has: "
                        + "toasterDoneness, toasterToastType");
        assertThatThrownBy(() -> makeToast.input(Map.of("toasterToastType", "toaster:ciabatta")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("ciabatta");
        // kill-session (ietf-netconf) has a mandatory session-id
        SchemaOperation kill = SchemaOperation.rpc(context, "ietf-netconf", "kill-session");
        assertThatThrownBy(kill::input).isInstanceOf(InvalidDataException.class)
                .hasMessage("the input of rpc ietf-netconf:kill-session lacks mandatory leaf /session-id");
        assertThatThrownBy(() -> client.invoke(makeToast, ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(QName.create(module("toaster"), "input")))
                .withChild(ImmutableNodes.leafNode(QName.create(module("toaster"), "toasterDoneness"),
                        Uint32.valueOf(0))).build()))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("toasterDoneness");

        assertThat(sent).as("nothing was sent").isEmpty();
        assertThat(client.getConfig(Datastore.RUNNING).data()).isNotNull(); // the session is fine
    }

    @Test
    void repliesBecomeTreesAndADeltaBetweenTreesIsTheEditThatMakesRunningEqualTheTarget() throws Exception {
        QNameModule ifm = module("ietf-interfaces");
        QName interfaces = QName.create(ifm, "interfaces");
        QName iface = QName.create(ifm, "interface");
        QName name = QName.create(ifm, "name");
        QName type = QName.create(ifm, "type");
        QName description = QName.create(ifm, "description");
        QName enabled = QName.create(ifm, "enabled");
        QName ethernet = QName.create(module("iana-if-type"), "ethernetCsmacd");

        client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(IfConfig.interfaces(
                IfConfig.iface("nd-a").leaf("description", "first"),
                IfConfig.iface("nd-b").leaf("description", "second"))));
        client.commit();

        // the reply as a tree: one call, lenient (nothing of the device is outside its own schema)
        XmlDataCodec.Result before = client.getConfig(Datastore.RUNNING, IfConfig.all(), null).normalized(codec);
        assertThat(before.skipped()).isEmpty();
        ContainerNode from = before.data();
        MapNode entries = (MapNode) ((ContainerNode) from.childByArg(new NodeIdentifier(interfaces)))
                .childByArg(new NodeIdentifier(iface));
        NodeIdentifierWithPredicates a = NodeIdentifierWithPredicates.of(iface, name, "nd-a");
        NodeIdentifierWithPredicates b = NodeIdentifierWithPredicates.of(iface, name, "nd-b");
        NodeIdentifierWithPredicates c = NodeIdentifierWithPredicates.of(iface, name, "nd-c");
        assertThat(entries.childByArg(a)).isNotNull();
        assertThat(entries.childByArg(b)).isNotNull();

        // the target: nd-a described anew, nd-b gone, nd-c new and disabled; everything else as it was
        MapEntryNode changedA = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(a)
                .withValue(entries.childByArg(a).body())
                .withChild(ImmutableNodes.leafNode(description, "changed by a delta")).build();
        MapEntryNode newC = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(c)
                .withChild(ImmutableNodes.leafNode(name, "nd-c"))
                .withChild(ImmutableNodes.leafNode(type, ethernet))
                .withChild(ImmutableNodes.leafNode(enabled, false)).build();
        MapNode targetEntries = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(entries.name())
                .withValue(entries.body()).withoutChild(b).withChild(changedA).withChild(newC).build();
        ContainerNode target = ImmutableNodes.newContainerBuilder().withNodeIdentifier(from.name())
                .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(interfaces))
                        .withChild(targetEntries).build()).build();

        DataDelta.Result delta = new DataDelta(context).between(from, target);
        assertThat(delta.changes()).as(delta.xml()).isPositive();
        client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(delta.toFragment()));
        client.commit();

        ContainerNode after = client.getConfig(Datastore.RUNNING, IfConfig.all(), null).normalized(context).data();
        assertThat(DataTrees.sameData(after, target)).as("running after the delta:\n%s\ntarget:\n%s",
                codec.toXml(after), codec.toXml(target)).isTrue();
        assertThat(new DataDelta(context).between(after, target).isEmpty()).isTrue();
    }

    @Test
    void aTreeIsEditConfigContentInOneCall() throws Exception {
        QNameModule ifm = module("ietf-interfaces");
        QName iface = QName.create(ifm, "interface");
        QName name = QName.create(ifm, "name");
        ContainerNode data = ImmutableNodes.newContainerBuilder().withNodeIdentifier(XmlDataCodec.emptyData().name())
                .withChild(ImmutableNodes.newContainerBuilder()
                        .withNodeIdentifier(new NodeIdentifier(QName.create(ifm, "interfaces")))
                        .withChild(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(iface))
                                .withChild(ImmutableNodes.newMapEntryBuilder()
                                        .withNodeIdentifier(NodeIdentifierWithPredicates.of(iface, name, "nd-tree"))
                                        .withChild(ImmutableNodes.leafNode(name, "nd-tree"))
                                        .withChild(ImmutableNodes.leafNode(QName.create(ifm, "type"),
                                                QName.create(module("iana-if-type"), "softwareLoopback")))
                                        .withChild(ImmutableNodes.leafNode(QName.create(ifm, "description"),
                                                "from a NormalizedNode"))
                                        .build()).build()).build()).build();
        client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(data, codec));
        client.commit();
        var reply = client.getConfig(Datastore.RUNNING, IfConfig.named("nd-tree"), null);
        assertThat(IfConfig.entry(reply, "nd-tree")).isPresent();
        assertThat(Dom.childText(IfConfig.entry(reply, "nd-tree").get(), IfConfig.NS, "description"))
                .hasValue("from a NormalizedNode");
        assertThat(Dom.childText(IfConfig.entry(reply, "nd-tree").get(), IfConfig.NS, "type").orElseThrow())
                .endsWith(":softwareLoopback");
    }
}
