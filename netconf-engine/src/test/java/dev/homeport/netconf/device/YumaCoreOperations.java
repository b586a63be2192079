package dev.homeport.netconf.device;

import static dev.homeport.netconf.device.IfConfig.iface;
import static dev.homeport.netconf.device.IfConfig.interfaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.session.CloseReason;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

/**
 * The operations every NETCONF device session needs, run through {@link NetconfClient} against a real yuma123
 * netconfd. Subclasses choose how the device is started (base:1.1 chunked framing, or base:1.0 only), so the same
 * behaviour is proven on both framings. One device serves a whole class; each test uses its own interface names and
 * leaves the shared candidate clean. Run with {@code -Dhomeport.trace=true} to see every message on the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class YumaCoreOperations {
    static final String TOASTER_NS = "http://netconfcentral.org/ns/toaster";
    static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    YumaDevice device;
    SshConnector ssh;
    /** The session most tests work in; reopened if a test ended it. */
    NetconfClient client;
    private final List<NetconfClient> opened = new CopyOnWriteArrayList<>();

    /** How the device under test is started. */
    abstract YumaDevice.Options deviceOptions();

    @BeforeAll
    void startDevice() {
        device = YumaDevice.start(deviceOptions());
        ssh = new SshConnector();
    }

    @AfterAll
    void stopDevice() {
        if (client != null) {
            client.close();
        }
        if (ssh != null) {
            ssh.close();
        }
        if (device != null) {
            device.close();
        }
    }

    @BeforeEach
    void openSharedSession() throws NetconfException {
        if (client == null || !client.session().isOpen()) {
            client = connect();
        }
    }

    /** Closes this test's extra sessions and drops whatever it left in the shared candidate. */
    @AfterEach
    void closeSessionsAndDiscardCandidate() throws Exception {
        for (NetconfClient c : opened) {
            c.close();
        }
        opened.clear();
        if (client.session().isOpen()) {
            client.discardChanges();
        }
    }

    /** One more session to the device, closed after the test. */
    NetconfClient open() throws NetconfException {
        NetconfClient c = connect();
        opened.add(c);
        return c;
    }

    private NetconfClient connect() throws NetconfException {
        SessionOptions options = SessionOptions.defaults();
        if (Boolean.getBoolean("homeport.trace")) {
            options = options.withTrace((peer, dir, xml) -> System.err.println(peer + " " + dir + " " + xml));
        }
        try {
            var transport = ssh.connect(device.host(), device.port(),
                    SshAuth.password(device.user(), device.password()),
                    KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
            return new NetconfClient(NetconfSession.open(transport, options));
        } catch (NetconfException e) {
            throw new NetconfException(e.getMessage() + "\ndevice state:\n" + device.diagnostics(), e);
        }
    }

    /** Merges the interfaces into the candidate and commits them to running. */
    static void commitInterfaces(NetconfClient c, String... names) throws NetconfException {
        var content = interfaces();
        for (String n : names) {
            content.child(iface(n));
        }
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(content));
        c.commit();
    }

    static List<String> runningInterfaces(NetconfClient c) throws NetconfException {
        return IfConfig.names(c.getConfig(Datastore.RUNNING, IfConfig.all(), null));
    }

    static List<String> candidateInterfaces(NetconfClient c) throws NetconfException {
        return IfConfig.names(c.getConfig(Datastore.CANDIDATE, IfConfig.all(), null));
    }

    /** Session ids the device lists in ietf-netconf-monitoring. */
    static List<Long> deviceSessionIds(NetconfClient c) throws NetconfException {
        DataReply d = c.get(new Filter.Subtree(XmlFragment.element(Namespaces.MONITORING, "netconf-state")
                .child(XmlFragment.element(Namespaces.MONITORING, "sessions"))), null);
        List<Long> ids = new ArrayList<>();
        for (Element state : d.roots()) {
            Dom.child(state, Namespaces.MONITORING, "sessions").ifPresent(sessions -> {
                for (Element s : Dom.children(sessions, Namespaces.MONITORING, "session")) {
                    Dom.childText(s, Namespaces.MONITORING, "session-id").map(Long::parseLong).ifPresent(ids::add);
                }
            });
        }
        return ids;
    }

    /** Waits until a notification matching {@code wanted} arrives on the stream; others are skipped. */
    static Notification awaitNotification(NotificationStream stream, Predicate<Notification> wanted) {
        List<String> skipped = new CopyOnWriteArrayList<>();
        try {
            return await().atMost(EVENT_WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> nextMatching(stream, wanted, skipped), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching notification within " + EVENT_WAIT + "; received: " + skipped, e);
        }
    }

    private static Optional<Notification> nextMatching(NotificationStream stream, Predicate<Notification> wanted,
                                                       List<String> skipped) throws InterruptedException {
        Optional<Notification> n;
        while ((n = stream.poll(Duration.ZERO)).isPresent()) {
            if (wanted.test(n.get())) {
                return n;
            }
            skipped.add(n.get().eventName() + " " + n.get().content().map(Element::getTextContent).orElse("")
                    .replaceAll("\\s+", " ").strip());
        }
        return Optional.empty();
    }

    /** A netconf-config-change whose edit target names the interface. */
    static Predicate<Notification> configChangeOf(String interfaceName) {
        return n -> "netconf-config-change".equals(n.eventName())
                && n.content().map(Element::getTextContent).orElse("").contains("'" + interfaceName + "'");
    }

    /**
     * make-toast is refused (resource-denied) until the toaster presence container exists, and yuma123 accepts that
     * container only with {@code operation="create"}.
     */
    static void ensureToaster(NetconfClient c) throws NetconfException {
        var toaster = XmlFragment.element(TOASTER_NS, "toaster");
        if (c.getConfig(Datastore.RUNNING, new Filter.Subtree(toaster), null).roots().isEmpty()) {
            c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(IfConfig.operation(
                    XmlFragment.element(TOASTER_NS, "toaster"), EditConfig.Operation.CREATE)));
            c.commit();
        }
    }

    // ---------------------------------------------------------------- retrieval

    @Test
    void getWithSubtreeFilterReturnsOnlyTheSelectedSubtree() throws Exception {
        NetconfClient c = client;
        DataReply d = c.get(new Filter.Subtree(XmlFragment.element(Namespaces.MONITORING, "netconf-state")
                .child(XmlFragment.element(Namespaces.MONITORING, "sessions"))), null);

        assertThat(d.roots()).singleElement().satisfies(root -> {
            assertThat(root.getLocalName()).isEqualTo("netconf-state");
            assertThat(Dom.children(root)).extracting(Element::getLocalName).containsExactly("sessions");
        });
        assertThat(deviceSessionIds(c)).contains(c.session().sessionId());
    }

    @Test
    void getConfigWithXPathFilterSelectsOneListEntry() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "xp-a", "xp-b");

        DataReply d = c.getConfig(Datastore.RUNNING,
                Filter.xpath("/if:interfaces/if:interface[if:name='xp-b']", Map.of("if", IfConfig.NS)), null);

        assertThat(IfConfig.names(d)).containsExactly("xp-b");
    }

    // ---------------------------------------------------------------- editing

    @Test
    void editConfigMergeIntoCandidateReachesRunningOnCommit() throws Exception {
        NetconfClient c = client;
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("merge-1"))));

        assertThat(candidateInterfaces(c)).contains("merge-1");
        assertThat(runningInterfaces(c)).doesNotContain("merge-1");

        c.commit();
        assertThat(runningInterfaces(c)).contains("merge-1");
    }

    // ---------------------------------------------------------------- locking

    @Test
    void lockHeldByOneSessionIsDeniedToAnotherWithTheHoldersSessionId() throws Exception {
        NetconfClient holder = open();
        NetconfClient other = client;
        holder.lock(Datastore.RUNNING);

        RpcErrorException e = catchRpcError(() -> other.lock(Datastore.RUNNING));
        RpcError err = e.first();
        assertThat(err.type()).isEqualTo("protocol");
        assertThat(err.tag()).isEqualTo("lock-denied");
        assertThat(err.severity()).isEqualTo("error");
        assertThat(err.info()).containsEntry("session-id", Long.toString(holder.session().sessionId()));

        holder.unlock(Datastore.RUNNING);
        other.lock(Datastore.RUNNING);
        other.unlock(Datastore.RUNNING);
    }

    // ---------------------------------------------------------------- custom RPCs and errors

    @Test
    void customRpcMakeToastRunsAndCancelToastEndsItWithToastDone() throws Exception {
        NetconfClient c = open();
        ensureToaster(c);
        try (NotificationStream stream = c.subscribe(Subscription.defaultStream())) {
            var reply = c.rpc(XmlFragment.element(TOASTER_NS, "make-toast")
                    .leaf("toasterDoneness", "1")
                    .child(XmlFragment.element(TOASTER_NS, "toasterToastType").attr("xmlns:toast", TOASTER_NS)
                            .text("toast:white-bread")));
            assertThat(reply.isOk()).isTrue();

            c.rpc("<cancel-toast xmlns=\"" + TOASTER_NS + "\"/>");

            Notification done = awaitNotification(stream, n -> "toastDone".equals(n.eventName()));
            assertThat(Dom.childText(done.content().orElseThrow(), TOASTER_NS, "toastStatus")).hasValue("cancelled");
            assertThat(done.eventTime()).isPresent();
        }
    }

    @Test
    void rpcErrorIsParsedWithEveryField() throws Exception {
        NetconfClient c = client;

        RpcErrorException e = catchRpcError(() -> c.rpc(XmlFragment.element(TOASTER_NS, "make-toast")
                .leaf("toasterDoneness", "11")));

        assertThat(e.errors()).hasSize(1);
        RpcError err = e.first();
        assertThat(err.type()).isEqualTo("protocol");
        assertThat(err.tag()).isEqualTo("invalid-value");
        assertThat(err.severity()).isEqualTo("error");
        assertThat(err.isError()).isTrue();
        assertThat(err.appTag()).hasValue("not-in-range");
        assertThat(err.path()).hasValue("/nc:rpc/toast:make-toast/toast:toasterDoneness");
        assertThat(err.message()).hasValue("value not in range");
        assertThat(err.info()).containsEntry("bad-value", "11");
        assertThat(e.getMessage()).contains("invalid-value", "not-in-range", "value not in range");
        // the session is unharmed by the error
        assertThat(c.getConfig(Datastore.RUNNING).data().getLocalName()).isEqualTo("data");
    }

    // ---------------------------------------------------------------- notifications

    @Test
    void configChangeNotificationArrivesOnTheStreamAfterAnEdit() throws Exception {
        NetconfClient listener = open();
        NetconfClient editor = client;
        // the list must exist already: for its first entry the device reports the creation of the list itself
        commitInterfaces(editor, "notif-base");
        try (NotificationStream stream = listener.subscribe(Subscription.stream("NETCONF"))) {
            commitInterfaces(editor, "notif-1");

            Notification n = awaitNotification(stream, configChangeOf("notif-1"));
            Element change = n.content().orElseThrow();
            assertThat(change.getNamespaceURI()).isEqualTo(Namespaces.NETCONF_NOTIFICATIONS);
            Element changedBy = Dom.child(change, Namespaces.NETCONF_NOTIFICATIONS, "changed-by").orElseThrow();
            assertThat(Dom.childText(changedBy, Namespaces.NETCONF_NOTIFICATIONS, "session-id"))
                    .hasValue(Long.toString(editor.session().sessionId()));
            assertThat(n.eventTime()).isPresent();
        }
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void killSessionEndsTheOtherSessionAndItsClientSeesSessionClosed() throws Exception {
        NetconfClient killer = client;
        NetconfClient victim = open();
        long victimId = victim.session().sessionId();
        // a reply proves the device has taken the victim's hello: yuma123 2.13 may crash (segfault in dlq_deque)
        // when it kills a session whose hello it has not processed yet
        assertThat(victim.getConfig(Datastore.RUNNING).data()).isNotNull();

        killer.killSession(victimId);

        CloseReason reason = victim.session().closeFuture().toCompletableFuture()
                .get(EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(reason.description()).contains("closed the connection");
        assertThat(victim.session().isOpen()).isFalse();
        assertThatThrownBy(() -> victim.getConfig(Datastore.RUNNING))
                .isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("is closed");
        await().atMost(EVENT_WAIT).untilAsserted(() -> assertThat(deviceSessionIds(killer)).doesNotContain(victimId));
        assertThat(killer.session().isOpen()).isTrue();
    }

    @Test
    void closeSessionEndsTheSessionOrderlyOnBothSides() throws Exception {
        NetconfClient observer = client;
        NetconfClient c = open();
        long id = c.session().sessionId();

        c.session().closeSession();

        CloseReason reason = c.session().closeFuture().toCompletableFuture().getNow(null);
        assertThat(reason).isNotNull();
        assertThat(reason.orderly()).isTrue();
        assertThatThrownBy(() -> c.getConfig(Datastore.RUNNING)).isInstanceOf(SessionClosedException.class);
        await().atMost(EVENT_WAIT).untilAsserted(() -> assertThat(deviceSessionIds(observer)).doesNotContain(id));
    }

    // ---------------------------------------------------------------- helpers

    interface Call {
        void run() throws Exception;
    }

    static RpcErrorException catchRpcError(Call call) {
        try {
            call.run();
        } catch (RpcErrorException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an rpc-error, got " + e, e);
        }
        throw new AssertionError("expected an rpc-error, but the call succeeded");
    }
}
