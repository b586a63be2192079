package dev.homeport.browser.core;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.xml.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The RFC 5277 subscription of one device session and the notifications it delivered, for the Notifications view.
 * RFC 5277 allows one subscription per session and has no way to end it but closing the session, so there is at
 * most one; a replay (a start time) is asked for with it.
 */
public final class NotificationLog {
    /** Cap on kept notifications (oldest dropped). */
    public static final int MAX_ENTRIES = 10_000;

    /**
     * One notification as the table shows it.
     *
     * @param replayed whether it came as part of the replay (before RFC 5277 replayComplete)
     */
    public record Entry(String time, String event, String summary, String xml, boolean replayed) {
        /** Whether the row matches a filter text (case-insensitive, in event, summary or XML). */
        public boolean matches(String filter) {
            if (filter == null || filter.isBlank()) {
                return true;
            }
            String f = filter.strip().toLowerCase(java.util.Locale.ROOT);
            return event.toLowerCase(java.util.Locale.ROOT).contains(f)
                    || summary.toLowerCase(java.util.Locale.ROOT).contains(f)
                    || xml.toLowerCase(java.util.Locale.ROOT).contains(f);
        }
    }

    private final DeviceConnection connection;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private volatile Subscription subscription;
    private volatile NotificationStream stream;

    NotificationLog(DeviceConnection connection) {
        this.connection = connection;
    }

    /**
     * Sends create-subscription (blocks), or, when the session has its subscription already (the Data view makes one
     * that asks for the device's whole replay log), answers from it: a request without a start time shows what
     * arrives from now, a replay from T shows what the session received with an event time at or after T, marked
     * replayed, then what arrives; a filter (subtree or XPath) is applied here to what the session receives, as the
     * device would have applied it. Fails when this log is subscribed already, or when the session's subscription
     * cannot answer (it has a filter or stop time itself, another stream, a device without a replay log, or the
     * request has a stop time).
     */
    public synchronized void subscribe(Subscription s) throws NetconfException {
        if (stream != null) {
            throw new IllegalStateException("this session already has a subscription (RFC 5277 allows one per "
                    + "session)");
        }
        Optional<Subscription> session = connection.subscription();
        if (session.isEmpty()) {
            NotificationStream ns = connection.subscribe(s);
            subscription = s;
            stream = ns;
            connection.addDeliveryListener(Optional.empty(), false, this::add); // all that this request brought
            return;
        }
        Subscription current = session.get();
        boolean sameStream = s.stream().orElse("NETCONF").equals(current.stream().orElse("NETCONF"));
        boolean sessionGetsAll = current.filter().isEmpty() && current.stopTime().isEmpty();
        boolean covered = s.startTime().isEmpty() || current.startTime().isPresent()
                && !current.startTime().get().isAfter(s.startTime().get());
        if (!sameStream || !sessionGetsAll || !covered || s.stopTime().isPresent()) {
            // not answerable here: a plain request shares the session's stream, anything else fails with the reason
            stream = connection.subscribe(s);
            subscription = s;
            connection.addDeliveryListener(this::add); // from now on
            return;
        }
        Predicate<Notification> wanted = wantedBy(s);
        DeviceConnection.Delivery delivery = (n, replayed) -> {
            if (wanted.test(n)) {
                add(n, replayed);
            }
        };
        stream = connection.subscribe(current);
        subscription = s;
        if (s.startTime().isPresent()) {
            connection.addDeliveryListener(s.startTime(), true, delivery);
        } else {
            connection.addDeliveryListener(delivery); // from now on
        }
    }

    /** What the request's filter selects, tested here as the device would (everything without one). */
    private Predicate<Notification> wantedBy(Subscription s) {
        if (s.filter().isEmpty()) {
            return n -> true;
        }
        try {
            return connection.notificationFilter(s.filter().get());
        } catch (DataXPath.InvalidXPathException e) {
            throw new IllegalArgumentException("the XPath filter does not fit the device's schema: " + e.getMessage(),
                    e);
        }
    }

    public java.util.Optional<Subscription> subscription() {
        return java.util.Optional.ofNullable(subscription);
    }

    private void add(Notification n, boolean replayed) {
        Entry e = new Entry(n.eventTimeText(), n.eventName(), n.content().map(NotificationLog::summary).orElse(""),
                SafeXml.pretty(n.element()).strip(), replayed);
        synchronized (entries) {
            entries.add(e);
            if (entries.size() > MAX_ENTRIES) {
                entries.remove(0);
            }
        }
        listeners.forEach(l -> l.accept(e));
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public void addListener(Consumer<Entry> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Entry> l) {
        listeners.remove(l);
    }

    /** The leaves of the event, {@code name=value} joined, e.g. {@code datastore=running target=/sys:system...}. */
    static String summary(Element event) {
        StringBuilder sb = new StringBuilder();
        summarize(event, sb);
        return sb.length() > 300 ? sb.substring(0, 300) + "..." : sb.toString();
    }

    private static void summarize(Element e, StringBuilder sb) {
        NodeList children = e.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < children.getLength() && sb.length() <= 300; i++) {
            Node n = children.item(i);
            if (n instanceof Element child) {
                hasElements = true;
                summarize(child, sb);
            }
        }
        if (!hasElements && e.getParentNode() != null) {
            String text = e.getTextContent().strip();
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            sb.append(e.getLocalName()).append(text.isEmpty() ? "" : "=" + text);
        }
    }
}
