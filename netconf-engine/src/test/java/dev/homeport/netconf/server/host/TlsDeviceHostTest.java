package dev.homeport.netconf.server.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.server.host.CallHome.Change;
import dev.homeport.netconf.server.host.CallHome.Connected;
import dev.homeport.netconf.server.host.CallHome.WaitingForPeriod;
import dev.homeport.netconf.server.host.CallHome.WaitingToRetry;
import dev.homeport.netconf.server.host.TlsDeviceHost.DeviceTls;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.CallHomeEvents;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.tls.CertToName;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.CertificateAuthority.Purpose;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import dev.homeport.netconf.transport.tls.TlsTransport;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.XmlFragment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The TLS device host against the engine's own TLS client and call-home listener, over real TLS on loopback, with a
 * PKI made by {@link CertificateAuthority}: mutual authentication and cert-to-name on a listening device, refusals
 * that leave other sessions alone, and call home (RFC 8071 section 4) with the manager's trust decisions, reconnects
 * after the manager drops the connection or goes away, and periodic calls.
 */
class TlsDeviceHostTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration DAY = Duration.ofDays(1);
    static final String NS = "urn:homeport:test:tls-device";

    static CertificateAuthority ca;
    static TlsIdentity operator;

    private TlsDeviceHost host;
    private final TlsConnector client = new TlsConnector();
    private final List<CallHomeServer> managers = new ArrayList<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void pki() {
        ca = CertificateAuthority.create("Homeport test CA", DAY);
        operator = ca.issue("operator", Purpose.CLIENT, List.of(), DAY);
    }

    @BeforeEach
    void startHost() {
        host = TlsDeviceHost.start();
        host.addCallHomeListener(changes::add);
    }

    @AfterEach
    void stopAll() {
        host.close();
        managers.forEach(CallHomeServer::close);
    }

    // ---------------------------------------------------------------- listening

    @Test
    void engineClientEditsAndReadsADeviceOverMutualTlsAsTheUserItsCertificateNames() throws Exception {
        LeafDevice device = new LeafDevice("router-1");
        DeviceTls tls = DeviceTls.issuedBy(ca, deviceCertificate("router-1"));
        TlsDeviceHost.Listener l = host.listen(device, tls, new InetSocketAddress("127.0.0.1", 0));
        assertThat(l.address().getPort()).isPositive();

        TlsTransport transport = client.connect("127.0.0.1", l.address().getPort(), operator, ca.serverTrust());
        try (NetconfSession s = NetconfSession.open(transport, SessionOptions.defaults())) {
            assertThat(s.peerIdentity()).isEqualTo(tls.fingerprint());
            assertThat(transport.protocol()).isEqualTo("TLSv1.3");
            NetconfClient nc = new NetconfClient(s);
            assertThat(nc.editConfig(EditConfig.to(Datastore.RUNNING).config("<config><settings xmlns=\"" + NS
                    + "\"><hostname>edge-1</hostname><contact>noc@example.net</contact></settings></config>")).isOk())
                    .isTrue();
            Element data = nc.getConfig(Datastore.RUNNING).data();
            Element settings = Dom.child(data, NS, "settings").orElseThrow();
            assertThat(Dom.childText(settings, NS, "hostname")).contains("edge-1");
            assertThat(Dom.childText(settings, NS, "contact")).contains("noc@example.net");
            assertThat(Dom.childText(nc.get().data(), NS, "user")).contains("operator"); // cert-to-name: the CN

            assertThatThrownBy(() -> nc.editConfig(EditConfig.to(Datastore.RUNNING)
                    .config("<config><other xmlns=\"urn:unknown\"/></config>")))
                    .isInstanceOf(RpcErrorException.class).hasMessageContaining("unknown-namespace");
            assertThat(Dom.childText(Dom.child(nc.getConfig(Datastore.RUNNING).data(), NS, "settings").orElseThrow(),
                    NS, "hostname")).contains("edge-1");
            s.closeSession();
        }
        assertThat(device.users).containsExactly("operator");
        assertThat(l.refused()).isZero();
    }

    @Test
    void untrustedUnmappedAndMissingClientCertificatesAreRefusedClearlyWhileOtherSessionsCarryOn() throws Exception {
        LeafDevice device = new LeafDevice("pe-1");
        // only the operator's certificate names a user; other certificates of the same CA are trusted but unnamed
        DeviceTls tls = new DeviceTls(deviceCertificate("pe-1"), ca.clientTrust(),
                CertToName.specified(operator.fingerprint(), "admin"));
        TlsDeviceHost.Listener l = host.listen(device, tls, new InetSocketAddress("127.0.0.1", 0));
        int port = l.address().getPort();

        try (NetconfSession good = NetconfSession.open(client.connect("127.0.0.1", port, operator, ca.serverTrust()),
                SessionOptions.defaults())) {
            NetconfClient nc = new NetconfClient(good);
            assertThat(Dom.childText(nc.get().data(), NS, "user")).contains("admin");

            // a certificate from a CA the device does not know
            TlsIdentity stranger = CertificateAuthority.create("Someone else's CA", DAY)
                    .issue("mallory", Purpose.CLIENT, List.of(), DAY);
            assertThatThrownBy(() -> NetconfSession.open(client.connect("127.0.0.1", port, stranger,
                    ca.serverTrust()), SessionOptions.defaults()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused our client certificate").hasMessageContaining("CN=mallory");
            await().atMost(WAIT).until(() -> l.refused() == 1);
            assertThat(l.lastRefusal()).get().asString().contains("refused the TLS client 127.0.0.1:")
                    .contains("CN=mallory").contains("does not chain to a trusted certificate authority");

            // a trusted certificate that cert-to-name maps to no user
            TlsIdentity unnamed = ca.issue("guest", Purpose.CLIENT, List.of(), DAY);
            assertThatThrownBy(() -> NetconfSession.open(client.connect("127.0.0.1", port, unnamed,
                    ca.serverTrust()), SessionOptions.defaults()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("refused our client certificate");
            await().atMost(WAIT).until(() -> l.refused() == 2);
            assertThat(l.lastRefusal()).get().asString().contains("CN=guest").contains("maps to no NETCONF user");

            // no client certificate at all
            assertThatThrownBy(() -> NetconfSession.open(client.connect("127.0.0.1", port, null, ca.serverTrust()),
                    SessionOptions.defaults()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("requires a client certificate");
            await().atMost(WAIT).until(() -> l.refused() == 3);

            // the first session never noticed
            assertThat(nc.editConfig(EditConfig.to(Datastore.RUNNING).config("<config><settings xmlns=\"" + NS
                    + "\"><hostname>still-here</hostname></settings></config>")).isOk()).isTrue();
            assertThat(good.isOpen()).isTrue();
        }
        assertThat(device.users).containsExactly("admin");
    }

    @Test
    void theClientChecksTheDeviceCertificateAndAClosedListenerDropsItsSessions() throws Exception {
        LeafDevice device = new LeafDevice("sw-1");
        DeviceTls tls = DeviceTls.issuedBy(ca, deviceCertificate("sw-1"));
        TlsDeviceHost.Listener l = host.listen(device, tls, new InetSocketAddress("127.0.0.1", 0));
        int port = l.address().getPort();

        assertThatThrownBy(() -> client.connect("127.0.0.1", port, operator, ServerTrust.pinned(operator.fingerprint())))
                .isInstanceOf(HostKeyException.class).hasMessageContaining(tls.fingerprint());
        assertThatThrownBy(() -> host.listen(new LeafDevice("sw-2"), tls, l.address()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot listen for sw-2 on TLS 127.0.0.1:" + port);

        NetconfSession s = NetconfSession.open(client.connect("127.0.0.1", port, operator,
                ServerTrust.pinned(tls.fingerprint())), SessionOptions.defaults());
        assertThat(new NetconfClient(s).get().data()).isNotNull();
        l.close();
        await().atMost(WAIT).until(() -> !s.isOpen());
        assertThat(host.listeners()).isEmpty();
        assertThatThrownBy(() -> client.connect("127.0.0.1", port, operator, ca.serverTrust()))
                .hasMessageContaining("cannot connect");
    }

    // ---------------------------------------------------------------- call home

    @Test
    void anUnknownDeviceIsHeldUntilTheManagerTrustsItThenServesOverTlsFromItsOwnSourceAddress() throws Exception {
        CallHomeServer manager = manager(0, CallHomeTrust.inMemory());
        CallHomeEvents events = events(manager);
        LeafDevice device = new LeafDevice("cpe-1");
        DeviceTls tls = DeviceTls.issuedBy(ca, deviceCertificate("cpe-1"));
        CallHome ch = host.callHome(device, tls, manager.tlsAddress(), InetAddress.getByName("127.101.0.1"),
                CallHomePolicy.persistent());

        CallHomeEvent.Pending pending = events.await(CallHomeEvent.Pending.class, e -> true);
        assertThat(pending.device().fingerprint()).isEqualTo(tls.fingerprint());
        assertThat(pending.device().transport()).isEqualTo(CallHomeDevice.Transport.TLS);
        assertThat(pending.source().getAddress().getHostAddress()).isEqualTo("127.101.0.1");
        assertThat(ch.state()).isInstanceOf(CallHome.Connecting.class); // held in the handshake
        assertThat(device.users).isEmpty();

        manager.trust(tls.fingerprint());

        CallHomeEvent.Connected c = events.await(CallHomeEvent.Connected.class, e -> true);
        assertThat(c.session().peerIdentity()).isEqualTo(tls.fingerprint());
        NetconfClient nc = new NetconfClient(c.session());
        assertThat(nc.editConfig(EditConfig.to(Datastore.RUNNING).config("<config><settings xmlns=\"" + NS
                + "\"><hostname>home-gw</hostname></settings></config>")).isOk()).isTrue();
        assertThat(Dom.childText(Dom.child(nc.getConfig(Datastore.RUNNING).data(), NS, "settings").orElseThrow(), NS,
                "hostname")).contains("home-gw");
        Connected connected = (Connected) awaitState(ch, Connected.class::isInstance);
        assertThat(connected.local().getAddress().getHostAddress()).isEqualTo("127.101.0.1");
        assertThat(device.users).containsExactly("operator");
    }

    @Test
    void aRejectedDeviceIsRefusedAndAManagerTheDeviceDoesNotTrustIsRefusedByTheDevice() throws Exception {
        CallHomeServer manager = manager(0, CallHomeTrust.inMemory());
        CallHomeEvents events = events(manager);
        DeviceTls rejectedTls = DeviceTls.issuedBy(ca, deviceCertificate("rogue"));
        CallHomePolicy fast = CallHomePolicy.persistent()
                .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(100), Duration.ofMillis(200), 2, 0));
        CallHome rogue = host.callHome(new LeafDevice("rogue"), rejectedTls, manager.tlsAddress(),
                InetAddress.getByName("127.101.1.1"), fast);
        events.await(CallHomeEvent.Pending.class, e -> e.device().fingerprint().equals(rejectedTls.fingerprint()));
        manager.reject(rejectedTls.fingerprint());
        WaitingToRetry retry = (WaitingToRetry) awaitState(rogue, WaitingToRetry.class::isInstance);
        assertThat(retry.lastFailure()).contains("closed the connection during the TLS handshake");
        assertThat(rogue.connections()).isZero();
        host.remove(rogue);

        // this device trusts only clients of another CA: the manager (which accepts new devices) is refused by it
        CallHomeServer open = manager(0, acceptNew());
        CallHomeEvents openEvents = events(open);
        DeviceTls picky = DeviceTls.of(deviceCertificate("picky"), CertificateAuthority.create("Other managers", DAY)
                .clientTrust());
        CallHome ch = host.callHome(new LeafDevice("picky"), picky, open.tlsAddress(),
                InetAddress.getByName("127.101.1.2"), fast);
        WaitingToRetry refused = (WaitingToRetry) awaitState(ch, WaitingToRetry.class::isInstance);
        assertThat(refused.lastFailure()).contains("refused the TLS client").contains("CN=operator")
                .contains("does not chain to a trusted certificate authority");
        assertThat(ch.connections()).isZero();
        assertThat(events.of(CallHomeEvent.Connected.class)).isEmpty();
        // the manager's side of the refusal names the device
        CallHomeEvent.Refused seen = openEvents.await(CallHomeEvent.Refused.class, e -> true);
        assertThat(seen.reason()).contains("refused our client certificate");
        assertThat(openEvents.of(CallHomeEvent.Connected.class)).isEmpty();
    }

    @Test
    void persistentCallHomeReconnectsAfterTheManagerDropsTheSessionAndAfterAManagerRestart() throws Exception {
        CallHomeTrust trust = acceptNew();
        CallHomeServer first = manager(0, trust);
        CallHomeEvents events = events(first);
        int port = first.tlsAddress().getPort();
        DeviceTls tls = DeviceTls.issuedBy(ca, deviceCertificate("olt-1"));
        CallHomePolicy policy = CallHomePolicy.persistent()
                .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 2, 0));
        CallHome ch = host.callHome(new LeafDevice("olt-1"), tls, first.tlsAddress(),
                InetAddress.getByName("127.101.2.1"), policy);

        CallHomeEvent.Connected c1 = events.await(CallHomeEvent.Connected.class, e -> true);
        awaitState(ch, Connected.class::isInstance);
        c1.session().abort(); // the manager drops the connection

        WaitingToRetry dropped = (WaitingToRetry) awaitState(ch, WaitingToRetry.class::isInstance);
        assertThat(dropped.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(dropped.failures()).isEqualTo(1);
        assertThat(dropped.lastFailure()).isEqualTo("the manager closed the connection");
        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);
        awaitState(ch, st -> st instanceof Connected && ch.connections() == 2);
        NetconfClient again = new NetconfClient(events.of(CallHomeEvent.Connected.class).get(1).session());
        assertThat(again.get().data()).isNotNull();

        // the manager goes away: refused attempts back off 100, 200, 400 (cap), 400 ms
        first.close();
        await().atMost(WAIT).until(() -> retries(ch).size() >= 5);
        List<WaitingToRetry> waits = retries(ch).subList(1, 5);
        assertThat(waits).extracting(w -> w.delay().toMillis()).containsExactly(100L, 200L, 400L, 400L);
        assertThat(waits.get(1).lastFailure()).contains("cannot connect from 127.101.2.1");

        CallHomeServer second = manager(port, trust);
        CallHomeEvents back = events(second);
        CallHomeEvent.Connected c3 = back.await(CallHomeEvent.Connected.class, e -> true);
        assertThat(c3.device().fingerprint()).isEqualTo(tls.fingerprint());
        awaitState(ch, st -> st instanceof Connected && ch.connections() == 3);
        assertThat(new NetconfClient(c3.session()).get().data()).isNotNull();
    }

    @Test
    void periodicCallHomeOverTlsHangsUpWhenIdleAndCallsAgainNextPeriod() throws Exception {
        CallHomeServer manager = manager(0, acceptNew());
        CallHomeEvents events = events(manager);
        Duration period = Duration.ofSeconds(2);
        Duration idle = Duration.ofMillis(400);
        Instant anchor = Instant.now();
        CallHomePolicy policy = CallHomePolicy.periodic(period, idle)
                .withConnection(new CallHomePolicy.Periodic(period, Optional.of(anchor), idle, 3));
        CallHome ch = host.callHome(new LeafDevice("meter-1"), DeviceTls.issuedBy(ca, deviceCertificate("meter-1")),
                manager.tlsAddress(), InetAddress.getByName("127.101.3.1"), policy);

        events.await(CallHomeEvent.Connected.class, e -> true);
        WaitingForPeriod between = (WaitingForPeriod) awaitState(ch, WaitingForPeriod.class::isInstance);
        assertThat(between.lastOutcome()).contains("idle");
        assertThat(between.nextAttempt()).isEqualTo(anchor.plus(period));
        events.await(CallHomeEvent.Disconnected.class, e -> true);

        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);
        assertThat(Instant.now()).isAfterOrEqualTo(anchor.plus(period));
        assertThat(new NetconfClient(events.of(CallHomeEvent.Connected.class).get(1).session()).get().data())
                .isNotNull();
        ch.stop();
        assertThat(ch.state()).isEqualTo(new CallHome.Stopped("stopped"));
    }

    // ---------------------------------------------------------------- helpers

    /** A device certificate valid for the loopback address the tests connect to. */
    private static TlsIdentity deviceCertificate(String name) {
        return ca.issue(name, Purpose.SERVER, List.of("127.0.0.1", "localhost"), DAY);
    }

    private static CallHomeTrust acceptNew() {
        return new CallHomeTrust(dev.homeport.netconf.transport.ssh.KnownHosts.inMemory(
                dev.homeport.netconf.transport.ssh.KnownHosts.Policy.STRICT),
                dev.homeport.netconf.transport.tls.KnownCertificates.inMemory(
                        dev.homeport.netconf.transport.tls.KnownCertificates.Policy.ACCEPT_NEW));
    }

    private CallHomeServer manager(int port, CallHomeTrust trust) throws Exception {
        CallHomeSettings settings = CallHomeSettings.defaults().withSsh(null)
                .withTls(new InetSocketAddress("127.0.0.1", port));
        CallHomeServer m = new CallHomeServer(settings, trust, CredentialsProvider.same(operator));
        m.start();
        managers.add(m);
        return m;
    }

    private static CallHomeEvents events(CallHomeServer manager) {
        CallHomeEvents e = new CallHomeEvents(WAIT);
        manager.addListener(e);
        return e;
    }

    private List<CallHome.State> states(CallHome ch) {
        return changes.stream().filter(c -> c.callHome() == ch).map(Change::current).toList();
    }

    private List<WaitingToRetry> retries(CallHome ch) {
        return states(ch).stream().filter(WaitingToRetry.class::isInstance).map(WaitingToRetry.class::cast).toList();
    }

    private CallHome.State awaitState(CallHome ch, Predicate<CallHome.State> wanted) {
        AtomicReference<CallHome.State> found = new AtomicReference<>();
        int seen = states(ch).size();
        await().atMost(WAIT).until(() -> {
            List<CallHome.State> all = states(ch);
            for (int i = Math.max(0, seen - 1); i < all.size(); i++) {
                if (wanted.test(all.get(i))) {
                    found.set(all.get(i));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /**
     * A small real device: a {@link ServerSession} per connection whose handler keeps leaves of one container in
     * memory: edit-config merges (or deletes) them, get-config returns them, get adds the session's user name.
     */
    static final class LeafDevice implements NetconfEndpoint {
        private static final AtomicLong SESSION_IDS = new AtomicLong();
        final String name;
        final Map<String, String> running = new TreeMap<>();
        final Queue<String> users = new ConcurrentLinkedQueue<>();

        LeafDevice(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public KeyPair hostKey() {
            return HostKeys.ed25519(name);
        }

        @Override
        public boolean authenticatePassword(String user, String password) {
            return false;
        }

        @Override
        public boolean authenticatePublicKey(String user, PublicKey key) {
            return false;
        }

        @Override
        public void accept(NetconfTransport transport, String username) {
            users.add(username);
            ServerSession s = new ServerSession(transport, SESSION_IDS.incrementAndGet(),
                    List.of(Capability.BASE_1_0, Capability.BASE_1_1), (session, req) -> answer(session, req,
                    username), ServerOptions.defaults());
            s.start();
        }

        private void answer(ServerSession session, RpcRequest req, String username) {
            switch (req.name()) {
                case "get-config" -> session.reply(req, "<data>" + settings() + "</data>");
                case "get" -> session.reply(req, "<data>" + settings() + "<user xmlns=\"" + NS + "\">"
                        + escape(username) + "</user></data>");
                case "edit-config" -> edit(session, req);
                case "close-session" -> {
                    session.replyOk(req);
                    session.close("close-session");
                }
                default -> session.reply(req, List.of(RpcError.of("protocol", "operation-not-supported",
                        "this device does not support <" + req.name() + ">")));
            }
        }

        private void edit(ServerSession session, RpcRequest req) {
            Element config = Dom.child(req.operation(), dev.homeport.netconf.xml.Namespaces.BASE, "config")
                    .orElse(null);
            if (config == null) {
                session.reply(req, List.of(RpcError.of("protocol", "missing-element", "no <config>")));
                return;
            }
            for (Element top : Dom.children(config)) {
                if (!Dom.is(top, NS, "settings")) {
                    session.reply(req, List.of(RpcError.of("application", "unknown-namespace",
                            "unknown element " + top.getNamespaceURI() + ":" + top.getLocalName())));
                    return;
                }
            }
            synchronized (running) {
                for (Element top : Dom.children(config)) {
                    for (Element leaf : Dom.children(top)) {
                        if ("delete".equals(leaf.getAttributeNS(dev.homeport.netconf.xml.Namespaces.BASE,
                                "operation"))) {
                            running.remove(leaf.getLocalName());
                        } else {
                            running.put(leaf.getLocalName(), leaf.getTextContent());
                        }
                    }
                }
            }
            session.replyOk(req);
        }

        private String settings() {
            XmlFragment.Element e = XmlFragment.element(NS, "settings");
            synchronized (running) {
                running.forEach(e::leaf);
            }
            return e.toXml();
        }

        private static String escape(String s) {
            StringBuilder sb = new StringBuilder();
            XmlFragment.escape(sb, s, false);
            return sb.toString();
        }
    }
}
