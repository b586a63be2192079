package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.NCN;
import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.ops.ConfirmedCommit;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.EventStream;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.xml.Dom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** RFC 5277 subscriptions with replay and RFC 6470 events of a simulated device. */
class NotificationsTest {
    private SimulatedDevice device;
    private DeviceHost host;

    @BeforeEach
    void start() throws Exception {
        device = Sim.homeRouter("notif-1");
        host = new DeviceHost(device);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private static Notification next(NotificationStream s) throws InterruptedException {
        return s.poll(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no notification in 10 s"));
    }

    /** The next notification that is not a session start or end (other tests' sessions come and go). */
    private static Notification nextNamed(NotificationStream s, String name) throws InterruptedException {
        while (true) {
            Notification n = next(s);
            if (n.eventName().equals(name)) {
                return n;
            }
        }
    }

    @Test
    void configChangeNamesTheChangedNodesAndWhoChangedThem() throws Exception {
        try (NetconfClient c = host.connect(); NotificationStream s = c.subscribe(Subscription.defaultStream())) {
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>x</hostname>")));
            Notification n = nextNamed(s, "netconf-config-change");
            Element e = n.content().orElseThrow();
            assertThat(Sim.text(e, NCN, "changed-by", "session-id")).contains(Long.toString(c.session().sessionId()));
            assertThat(Sim.text(e, NCN, "changed-by", "username")).contains("admin");
            assertThat(Sim.text(e, NCN, "datastore")).contains("running");
            List<Element> edits = Dom.children(e, NCN, "edit");
            assertThat(edits).hasSize(1);
            assertThat(Sim.text(edits.get(0), NCN, "target")).hasValueSatisfying(t ->
                    assertThat(t).matches("/\\w+:system/\\w+:hostname"));
            assertThat(Sim.text(edits.get(0), NCN, "operation")).contains("replace");
            assertThat(n.eventTime()).isPresent();
        }
    }

    @Test
    void reorderingAnOrderedByUserListIsReportedOnItsParent() throws Exception {
        try (NetconfClient c = host.connect(); NotificationStream s = c.subscribe(Subscription.defaultStream())) {
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<dns-resolver><server "
                    + "xmlns:yang=\"urn:ietf:params:xml:ns:yang:1\" yang:insert=\"first\"><name>isp-secondary</name>"
                    + "</server></dns-resolver>")));
            Element e = nextNamed(s, "netconf-config-change").content().orElseThrow();
            List<Element> edits = Dom.children(e, NCN, "edit");
            assertThat(edits).singleElement().satisfies(edit -> {
                assertThat(Sim.text(edit, NCN, "target")).hasValueSatisfying(t ->
                        assertThat(t).matches("/\\w+:system/\\w+:dns-resolver"));
                assertThat(Sim.text(edit, NCN, "operation")).contains("merge");
            });
        }
    }

    @Test
    void sessionStartAndEndAreReported() throws Exception {
        try (NetconfClient c = host.connect(); NotificationStream s = c.subscribe(Subscription.defaultStream())) {
            NetconfClient other = host.connect();
            long id = other.session().sessionId();
            Notification start = nextNamed(s, "netconf-session-start");
            assertThat(Sim.text(start.content().orElseThrow(), NCN, "session-id")).contains(Long.toString(id));
            assertThat(Sim.text(start.content().orElseThrow(), NCN, "source-host")).contains("127.0.0.1");
            other.close();
            Notification end = nextNamed(s, "netconf-session-end");
            assertThat(Sim.text(end.content().orElseThrow(), NCN, "termination-reason")).contains("closed");
        }
    }

    @Test
    void replayFromStartTimeSendsLoggedEventsThenReplayComplete() throws Exception {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        try (NetconfClient c = host.connect()) {
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>one</hostname>")));
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>two</hostname>")));
        }
        // the device logs session-end when it sees the connection close, a moment after close-session's reply
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> device.sessionIds().isEmpty());
        try (NetconfClient c = host.connect();
             NotificationStream s = c.subscribe(Subscription.defaultStream().replayFrom(before))) {
            List<String> names = new ArrayList<>();
            // the stream knows the replay is complete when replayComplete arrives, maybe before the test has taken
            // the notifications ahead of it: read up to that notification itself
            String name;
            do {
                name = next(s).eventName();
                names.add(name);
            } while (!name.equals("replayComplete"));
            assertThat(s.isReplayComplete()).isTrue();
            assertThat(names).containsSubsequence("netconf-session-start", "netconf-config-change",
                    "netconf-config-change", "netconf-session-end", "netconf-session-start", "replayComplete");
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>three</hostname>")));
            assertThat(nextNamed(s, "netconf-config-change").toXml()).contains("hostname");
        }
    }

    @Test
    void stopTimeEndsTheSubscriptionWithNotificationComplete() throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        try (NetconfClient c = host.connect(); NotificationStream s = c.subscribe(Subscription.defaultStream()
                .replayFrom(start).until(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)))) {
            nextNamed(s, "replayComplete");
            nextNamed(s, "notificationComplete");
            assertThat(s.isComplete()).isTrue();
            // the session goes on; a new subscription is possible
            c.subscribe(Subscription.defaultStream()).close();
        }
    }

    @Test
    void badSubscriptionsAreRefused() throws Exception {
        try (NetconfClient c = host.connect()) {
            OffsetDateTime future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
            assertThat(error(() -> c.subscribe(Subscription.defaultStream().replayFrom(future))).tag())
                    .isEqualTo("invalid-value");
            assertThat(error(() -> c.subscribe(Subscription.stream("nope"))).tag()).isEqualTo("invalid-value");
            c.subscribe(Subscription.defaultStream());
            assertThat(error(() -> c.subscribe(Subscription.defaultStream())).tag()).isEqualTo("operation-failed");
        }
    }

    @Test
    void subtreeAndXpathFiltersSelectEvents() throws Exception {
        try (NetconfClient c = host.connect();
             NotificationStream sub = c.subscribe(Subscription.defaultStream().filter(Filter.subtree(
                     "<netconf-config-change xmlns=\"" + NCN + "\"/>")))) {
            try (NetconfClient x = host.connect();
                 NotificationStream xp = x.subscribe(Subscription.defaultStream().filter(Filter.xpath(
                         "/ncn:netconf-confirmed-commit[ncn:confirm-event='start']", Map.of("ncn", NCN))))) {
                host.connect().close(); // session start and end: filtered out by both
                c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>f</hostname>")));
                c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(60)));
                assertThat(next(sub).eventName()).isEqualTo("netconf-config-change");
                assertThat(next(xp).eventName()).isEqualTo("netconf-confirmed-commit");
                c.commit();
                c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>g</hostname>")));
                assertThat(next(sub).eventName()).isEqualTo("netconf-config-change");
                assertThat(xp.poll(Duration.ofMillis(500))).as("only confirm-event start passes").isEmpty();
            }
        }
    }

    @Test
    void confirmedCommitEventsFollowTheCommit() throws Exception {
        try (NetconfClient c = host.connect(); NotificationStream s = c.subscribe(Subscription.defaultStream())) {
            c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>cc</hostname>")));
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(1)));
            Notification startEvent = nextNamed(s, "netconf-confirmed-commit");
            assertThat(Sim.text(startEvent.content().orElseThrow(), NCN, "confirm-event")).contains("start");
            assertThat(Sim.text(startEvent.content().orElseThrow(), NCN, "timeout")).contains("1");
            Notification timeout = nextNamed(s, "netconf-confirmed-commit");
            assertThat(Sim.text(timeout.content().orElseThrow(), NCN, "confirm-event")).contains("timeout");
            Notification rollback = nextNamed(s, "netconf-config-change");
            assertThat(Sim.text(rollback.content().orElseThrow(), NCN, "changed-by", "server")).isPresent();
        }
    }

    @Test
    void streamsAreListedWithReplaySupport() throws Exception {
        try (NetconfClient c = host.connect()) {
            List<EventStream> streams = c.streams();
            assertThat(streams).singleElement().satisfies(st -> {
                assertThat(st.name()).isEqualTo("NETCONF");
                assertThat(st.replaySupport()).isTrue();
                assertThat(st.replayLogCreationTime()).isPresent();
            });
        }
    }
}
