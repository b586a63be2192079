package dev.homeport.engine.osgi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.ModuleSource;
import dev.homeport.netconf.schema.SchemaBuildReport;
import dev.homeport.netconf.schema.SchemaBuilder;
import dev.homeport.netconf.server.RpcHandler;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSubsystemTransport;
import dev.homeport.netconf.xml.SafeXml;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The engine as the Eclipse browser runs it: a bundle in Equinox, wired to sshd-osgi and the yangtools bundles by
 * its bnd-generated manifest. A real MINA SSH server (in OSGi too) serves NETCONF through the engine's server side;
 * the engine's client reads its configuration, and yangtools (schema built from YANG text, XPath in a must
 * statement, XML codec) checks the data.
 */
class EngineInOsgiTest {
    private static final String NS = "urn:homeport:osgi-test";
    private static final String MODULE = """
            module homeport-osgi-test {
              yang-version 1.1;
              namespace "urn:homeport:osgi-test";
              prefix t;
              container box {
                leaf name { type string; }
                leaf size { type uint8 { range "1..10"; } }
                leaf-list tag { type string; must "string-length(.) > 0"; }
              }
            }
            """;

    private SshServer device;
    private SshConnector client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (device != null) {
            device.stop(true);
        }
    }

    @Test
    void engineAndItsLibrariesAreSeparateBundles() {
        assertEquals("dev.homeport.netconf.engine", bundleOf(NetconfSession.class).getSymbolicName());
        assertEquals("org.apache.sshd.osgi", bundleOf(SshServer.class).getSymbolicName());
        assertEquals("org.opendaylight.yangtools.yang-model-api",
                bundleOf(EffectiveModelContext.class).getSymbolicName());
        int state = bundleOf(NetconfSession.class).getState();
        assertTrue((state & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0, "engine bundle state " + state);
    }

    @Test
    void schemaFromYangTextAndDataFromADeviceOverSsh() throws Exception {
        SchemaBuildReport report = new SchemaBuilder().build(List.of(ModuleSource.parse(MODULE, "osgi-test")));
        assertTrue(report.includes("homeport-osgi-test"), () -> "schema: " + report);
        XmlDataCodec codec = new XmlDataCodec(report.context());

        AtomicReference<String> config = new AtomicReference<>(
                "<data><box xmlns=\"" + NS + "\"><name>b1</name><size>7</size><tag>red</tag></box></data>");
        RpcHandler handler = (session, req) -> {
            switch (req.name()) {
                case "get-config" -> session.reply(req, config.get());
                case "close-session" -> {
                    session.replyOk(req);
                    session.close("close-session");
                }
                default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                        "no " + req.name())));
            }
        };
        KeyPair hostKey = startDevice(handler);
        HostKeyVerifier onlyThatKey = (host, port, remote, key) -> HostKeys.same(key, hostKey.getPublic())
                ? HostKeyVerifier.accept() : HostKeyVerifier.reject("unexpected host key");

        client = new SshConnector();
        try (NetconfClient netconf = new NetconfClient(NetconfSession.open(
                client.connect("127.0.0.1", device.getPort(), SshAuth.password("admin", "secret"), onlyThatKey),
                SessionOptions.defaults()))) {
            assertTrue(netconf.capabilities().base11(), "base:1.1 negotiated");

            DataReply reply = netconf.getConfig(Datastore.RUNNING);
            ContainerNode data = codec.parse(reply.data());
            ContainerNode box = (ContainerNode) child(data, "box");
            assertEquals("b1", ((LeafNode<?>) child(box, "name")).body());
            assertEquals("7", ((LeafNode<?>) child(box, "size")).body().toString());

            config.set("<data><box xmlns=\"" + NS + "\"><size>42</size></box></data>");
            DataReply outOfRange = netconf.getConfig(Datastore.RUNNING);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> codec.parse(outOfRange.data()));
            assertTrue(e.getMessage().contains("42"), e.getMessage());
        }
    }

    @Test
    void safeXmlRefusesADoctypeInOsgiToo() {
        Exception e = assertThrows(Exception.class,
                () -> SafeXml.parse("<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>"));
        assertNotNull(e.getMessage());
    }

    @Test
    void ed25519HostKeyWorksThroughBouncyCastle() throws Exception {
        // eddsa (net.i2p) cannot resolve in OSGi; MINA must find Ed25519 in the BouncyCastle bundle
        KeyPair ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        RpcHandler closeOnly = (session, req) -> {
            session.replyOk(req);
            session.close(req.name());
        };
        startDevice(closeOnly, KeyPairProvider.wrap(ed25519));
        HostKeyVerifier onlyThatKey = (host, port, remote, key) -> HostKeys.same(key, ed25519.getPublic())
                ? HostKeyVerifier.accept() : HostKeyVerifier.reject("unexpected host key " + key.getAlgorithm());
        client = new SshConnector();
        try (NetconfSession session = NetconfSession.open(
                client.connect("127.0.0.1", device.getPort(), SshAuth.password("admin", "secret"), onlyThatKey),
                SessionOptions.defaults())) {
            assertEquals(42, session.sessionId());
        }
        assertEquals("bcprov", bundleOf(Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider", false,
                SshServer.class.getClassLoader())).getSymbolicName());
    }

    private KeyPair startDevice(RpcHandler handler) throws Exception {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        startDevice(handler, keys);
        return keys.loadKeys(null).iterator().next();
    }

    private void startDevice(RpcHandler handler, KeyPairProvider keys) throws Exception {
        device = SshServer.setUpDefaultServer();
        device.setHost("127.0.0.1");
        device.setPort(0);
        device.setKeyPairProvider(keys);
        device.setPasswordAuthenticator((user, password, session) -> "admin".equals(user) && "secret".equals(password));
        device.setSubsystemFactories(List.of(SshSubsystemTransport.factory(transport -> new ServerSession(transport,
                42, List.of(Capability.BASE_1_0, Capability.BASE_1_1), handler, ServerOptions.defaults()).start())));
        device.start();
    }

    private static DataContainerChild child(ContainerNode parent, String localName) {
        DataContainerChild c = parent.childByArg(new NodeIdentifier(QName.create(NS, localName)));
        assertNotNull(c, () -> localName + " missing in " + parent);
        return c;
    }

    private static Bundle bundleOf(Class<?> type) {
        Bundle b = FrameworkUtil.getBundle(type);
        assertNotNull(b, () -> type + " was not loaded by an OSGi bundle");
        return b;
    }
}
