package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.data.NotificationFilter;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.SerialExecutor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/**
 * One device's RFC 5277 NETCONF stream: a bounded replay log of its events and the sessions subscribed to them.
 * Created on a device's first event, so a device nobody talks to has none. Every method runs under the device's
 * lock; notifications leave through each subscription's own serial executor, so a slow client delays only itself.
 */
final class EventLog {
    static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A logged event: its time, its name, its content as a tree (for filters) and as XML (to send). */
    record Event(Instant time, QName name, ContainerNode body, String xml) {
    }

    /** One session's subscription; its filter is null when it has none. */
    final class Subscription {
        final DeviceSession session;
        final NotificationFilter filter;
        final Instant stop;
        final SerialExecutor out = new SerialExecutor(EngineThreads.workers());
        boolean ended;
        ScheduledFuture<?> stopTimer;

        Subscription(DeviceSession session, Element subtree, DataXPath.Query xpath, Instant stop) {
            this.session = session;
            this.filter = subtree != null ? NotificationFilter.subtree(profile.subtreeFilter(), subtree)
                    : xpath != null ? NotificationFilter.xpath(profile.context(), profile.xpath(), xpath) : null;
            this.stop = stop;
        }

        boolean wants(Event e) {
            if (stop != null && e.time().isAfter(stop)) {
                return false;
            }
            return filter == null || filter.passes(e.body());
        }

        /** Queues one notification for this session. */
        void send(Instant time, String xml) {
            session.outNotifications++;
            out.execute(() -> session.server.notify(EVENT_TIME.format(time), xml));
        }
    }

    private final Profile profile;
    private final int capacity;
    private final Instant created;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new ArrayList<>(2);

    EventLog(Profile profile, int capacity, Instant created) {
        this.profile = profile;
        this.capacity = Math.max(1, capacity);
        this.created = created;
    }

    /** The earliest time replay can go back to (RFC 5277 replayLogCreationTime). */
    Instant created() {
        return created;
    }

    /** Logs an event and sends it to every subscription that wants it; returns how many got it. */
    int publish(Event e) {
        events.addLast(e);
        while (events.size() > capacity) {
            events.removeFirst();
        }
        int sent = 0;
        for (Subscription s : subscriptions) {
            if (!s.ended && s.wants(e)) {
                s.send(e.time(), e.xml());
                sent++;
            }
        }
        return sent;
    }

    /** Logged events from {@code start} on (and up to {@code stop} when given), oldest first. */
    List<Event> replay(Instant start, Instant stop) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (!e.time().isBefore(start) && (stop == null || !e.time().isAfter(stop))) {
                out.add(e);
            }
        }
        return out;
    }

    Subscription subscribe(DeviceSession session, Element subtree, DataXPath.Query xpath, Instant stop) {
        Subscription s = new Subscription(session, subtree, xpath, stop);
        subscriptions.add(s);
        return s;
    }

    void end(Subscription s) {
        s.ended = true;
        if (s.stopTimer != null) {
            s.stopTimer.cancel(false);
        }
        subscriptions.remove(s);
    }

    int size() {
        return events.size();
    }
}
