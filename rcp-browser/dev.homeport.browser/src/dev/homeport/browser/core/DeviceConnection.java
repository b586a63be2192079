package dev.homeport.browser.core;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.NotificationFilter;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.SchemaProgressListener;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.xml.MalformedXmlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * One connected device as the browser uses it: the engine's {@link NetconfClient} on the call-home session, the
 * device's schema ({@link DeviceSchema}, loaded once), datastore reads as yangtools trees (filtered or whole), the
 * staged edits ({@link StagedEdits}) and the device's notifications. Every method blocks: call it off the UI thread.
 */
public final class DeviceConnection {
    /** The datastores the data view offers. */
    public enum Store {
        RUNNING, CANDIDATE, STARTUP, OPERATIONAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CallHomeDevice device;
    private final NetconfClient client;
    private final ModuleCache cache;
    private static final String NETCONF_NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    /** Listeners of every delivery, with whether it was part of the replay; called under {@link #history}'s lock. */
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** What the session's subscription delivered, oldest first (capped), so a later replay request can be answered. */
    private final java.util.ArrayDeque<Delivered> history = new java.util.ArrayDeque<>();
    private static final int HISTORY_CAP = NotificationLog.MAX_ENTRIES;
    /** A start time before any replay log: RFC 5277 then replays from the oldest event the device kept. */
    private static final java.time.OffsetDateTime WHOLE_LOG =
            java.time.OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC);

    /** One notification as the session received it. */
    public record Delivered(Notification notification, boolean replayed) {
    }

    /** Receives each notification of the session's subscription and whether it came as part of the replay. */
    public interface Delivery {
        void accept(Notification n, boolean replayed);
    }
    private DeviceSchema schema;
    private XmlDataCodec codec;
    private StagedEdits edits;
    private NotificationStream stream;
    private Subscription subscription;

    /** How {@link DeviceBrowser} names this device: the fingerprint (call home), or {@code ssh://host:port}. */
    private final String id;

    DeviceConnection(CallHomeDevice device, NetconfSession session, ModuleCache cache) {
        this.device = device;
        this.id = device.fingerprint();
        this.client = new NetconfClient(session);
        this.cache = cache;
    }

    /** An ordinary device the user connected to ("Connect..."): no call-home device behind it. */
    DeviceConnection(String id, NetconfSession session, ModuleCache cache) {
        this.device = null;
        this.id = id;
        this.client = new NetconfClient(session);
        this.cache = cache;
    }

    /** The call-home device; null for an ordinary device reached with "Connect...". */
    public CallHomeDevice device() {
        return device;
    }

    /** The device's id in {@link DeviceBrowser} (fingerprint, or {@code ssh://host:port}). */
    public String id() {
        return id;
    }

    public NetconfClient client() {
        return client;
    }

    /** Whether edits go to the candidate and a commit (RFC 6241 :candidate), or straight to running. */
    public boolean hasCandidate() {
        return client.capabilities().candidate();
    }

    /** The stores this device has: candidate only with :candidate, startup only with :startup. */
    public List<Store> stores() {
        List<Store> out = new ArrayList<>(List.of(Store.values()));
        if (!hasCandidate()) {
            out.remove(Store.CANDIDATE);
        }
        if (!client.capabilities().startup()) {
            out.remove(Store.STARTUP);
        }
        return List.copyOf(out);
    }

    /** The device's schema: discovered and downloaded (get-schema) on first use, from the module cache after. */
    public synchronized DeviceSchema schema(SchemaProgressListener progress) {
        if (schema == null) {
            schema = DeviceSchema.load(client, cache, progress);
            codec = new XmlDataCodec(schema.context());
        }
        return schema;
    }

    public DeviceSchema schema() {
        return schema(SchemaProgressListener.NONE);
    }

    /** The codec of the device's schema (the schema is loaded first when it is not yet). */
    public synchronized XmlDataCodec codec() {
        schema();
        return codec;
    }

    /** Reads a datastore as a tree of the device's schema (elements the schema lacks are skipped). */
    public ContainerNode read(Store store) throws NetconfException, InvalidDataException {
        return read(store, null);
    }

    /**
     * Reads a datastore, or the part a filter selects (sent to the device as the get/get-config filter), as a tree
     * of the device's schema.
     */
    public ContainerNode read(Store store, Filter filter) throws NetconfException, InvalidDataException {
        schema();
        var reply = switch (store) {
            case RUNNING -> client.getConfig(Datastore.RUNNING, filter, null);
            case CANDIDATE -> client.getConfig(Datastore.CANDIDATE, filter, null);
            case STARTUP -> client.getConfig(Datastore.STARTUP, filter, null);
            case OPERATIONAL -> client.get(filter, null);
        };
        return reply.normalized(codec).data();
    }

    /**
     * A filter as the user typed it: a subtree filter when it starts with {@code <} (XML), else an XPath expression
     * (needs :xpath) whose prefixes are the device's module names or module prefixes.
     */
    public Filter filter(String text) throws MalformedXmlException {
        String t = text.strip();
        if (t.startsWith("<")) {
            return Filter.subtree(t);
        }
        Map<String, String> ns = new java.util.LinkedHashMap<>();
        for (var m : schema().context().getModules()) {
            ns.putIfAbsent(m.getName(), m.getNamespace().toString());
        }
        for (var m : schema().context().getModules()) {
            ns.putIfAbsent(m.getPrefix(), m.getNamespace().toString());
        }
        return Filter.xpath(t, ns);
    }

    /** The device's staged edits (one set per connection), made when the schema is there. */
    public synchronized StagedEdits edits() {
        if (edits == null) {
            schema();
            edits = new StagedEdits(client, codec);
        }
        return edits;
    }

    /** The staged edits when they exist already (no schema load). */
    public synchronized Optional<StagedEdits> editsIfStarted() {
        return Optional.ofNullable(edits);
    }

    /**
     * Calls {@code l} with every live event of this session's subscription (replayed ones and RFC 5277's stream
     * markers are not passed).
     * When the session has none yet, the default stream is subscribed to, asking for the device's whole replay log
     * when it keeps one: RFC 5277 allows one subscription per session, and with the log in {@link #history} a later
     * "replay from T" in the Notifications view can still be answered on this session.
     */
    public void addNotificationListener(Consumer<Notification> l) throws NetconfException {
        synchronized (this) {
            if (stream == null) {
                try {
                    subscribe(Subscription.defaultStream().replayFrom(WHOLE_LOG));
                } catch (dev.homeport.netconf.RpcErrorException noReplay) {
                    subscribe(Subscription.defaultStream()); // no replay log on this device
                }
            }
        }
        deliveries.add(new LiveOnly(l));
    }

    /** Wraps a live-only listener (a record, so removeNotificationListener finds it by equality). */
    private record LiveOnly(Consumer<Notification> listener) implements Delivery {
        @Override
        public void accept(Notification n, boolean replayed) {
            if (!replayed && !n.isStreamMarker()) { // replayComplete is the replay's end, not an event
                listener.accept(n);
            }
        }
    }

    /**
     * Hands {@code l} what the session received so far (with an event time at or after {@code from}, when given;
     * marked replayed when {@code historyIsReplay}), then every later delivery, with no gap or repeat between the two.
     */
    public void addDeliveryListener(Optional<java.time.OffsetDateTime> from, boolean historyIsReplay, Delivery l) {
        synchronized (history) {
            Notification replayEnd = null;
            for (Delivered d : history) {
                Notification n = d.notification();
                if (historyIsReplay && n.isStreamMarker()) {
                    replayEnd = n; // the history is the replay here: its end goes after all of it
                    continue;
                }
                boolean inRange = from.isEmpty() || n.eventTime().map(t -> !t.isBefore(from.get())).orElse(true);
                if (inRange) {
                    l.accept(n, d.replayed() || historyIsReplay);
                }
            }
            if (replayEnd != null) {
                l.accept(replayEnd, false);
            }
            deliveries.add(l);
        }
    }

    /** Calls {@code l} with every later delivery of the session's subscription. */
    public void addDeliveryListener(Delivery l) {
        deliveries.add(l);
    }

    /** Drops a listener added with {@link #addDeliveryListener}. */
    public void removeDeliveryListener(Delivery l) {
        deliveries.remove(l);
    }

    /**
     * Makes this session's one subscription (RFC 5277 allows one per session and no unsubscribe). When there is one
     * already, a request without a filter or start time for the same stream shares it; any other request fails with
     * the reason, since the session cannot take a second one.
     */
    public synchronized NotificationStream subscribe(Subscription s) throws NetconfException {
        if (stream != null) {
            boolean plain = s.filter().isEmpty() && s.startTime().isEmpty() && s.stopTime().isEmpty()
                    && s.stream().orElse("NETCONF").equals(subscription.stream().orElse("NETCONF"));
            if (s.equals(subscription) || plain) {
                return stream;
            }
            throw new IllegalStateException("this session is already subscribed to stream "
                    + subscription.stream().orElse("NETCONF") + (subscription.startTime().isPresent() ? " with replay" : "")
                    + (subscription.filter().isPresent() ? " with a filter" : "")
                    + " (the Data view subscribes to follow configuration changes); RFC 5277 allows one subscription "
                    + "per session: subscribe without a filter, or replay from a time the session's subscription "
                    + "covers" + (subscription.startTime().isPresent() ? "" : " (this device keeps no replay log)")
                    + ", and use the row filter");
        }
        NotificationStream ns = client.subscribe(s);
        subscription = s;
        stream = ns;
        // in the device's order: what comes before replayComplete was replayed (the stream's own flag is set as the
        // marker arrives, which may be before the events queued ahead of it reach this listener)
        boolean[] replaying = {s.startTime().isPresent()};
        ns.onNotification(n -> {
            if ("replayComplete".equals(n.eventName())) {
                replaying[0] = false;
            }
            boolean replayed = replaying[0];
            synchronized (history) {
                history.addLast(new Delivered(n, replayed));
                if (history.size() > HISTORY_CAP) {
                    history.removeFirst();
                }
                deliveries.forEach(d -> d.accept(n, replayed));
            }
        });
        return ns;
    }

    /**
     * A create-subscription filter as a test on what this session's subscription delivers, for a consumer whose
     * filter the device cannot apply because the session's one subscription is unfiltered. Stream markers pass; an
     * event the device's schema does not define passes no filter.
     */
    public Predicate<Notification> notificationFilter(Filter f) throws DataXPath.InvalidXPathException {
        schema();
        NotificationFilter filter = NotificationFilter.of(schema.context(), f);
        return n -> {
            if (n.isStreamMarker()) {
                return true;
            }
            try {
                return n.content().isPresent() && filter.passes(codec.parseNotification(n.content().get()));
            } catch (InvalidDataException notOfTheSchema) {
                return false;
            }
        };
    }

    /** The subscription this session has, if any. */
    public Optional<Subscription> subscription() {
        return Optional.ofNullable(subscription);
    }

    public void removeNotificationListener(Consumer<Notification> l) {
        deliveries.remove(new LiveOnly(l));
    }

    /** Whether a notification is an RFC 6470 netconf-config-change made by another session than this one. */
    public boolean isConfigChangeByOthers(Notification n) {
        if (!n.eventName().equals("netconf-config-change") || n.content().isEmpty()) {
            return false;
        }
        var by = n.content().get().getElementsByTagNameNS(NETCONF_NOTIFICATIONS, "session-id");
        return by.getLength() == 0
                || !by.item(0).getTextContent().strip().equals(Long.toString(client.session().sessionId()));
    }

    // ---------------------------------------------------------------- RPCs, notifications (views: RPC dialog,
    // Notifications)

    private NotificationLog notificationLog;

    /** The RFC 5277 subscription of this session and what it delivered (one per session). */
    public synchronized NotificationLog notifications() {
        if (notificationLog == null) {
            notificationLog = new NotificationLog(this);
        }
        return notificationLog;
    }

    /**
     * Invokes an RPC or action of the device's schema with input values (by leaf name, a path through containers
     * for deeper leaves; a list for a leaf-list): the engine checks them against the input statement before anything
     * is sent.
     */
    public XmlDataCodec.Result invoke(dev.homeport.netconf.data.SchemaOperation operation, Map<String, ?> input)
            throws NetconfException, InvalidDataException {
        schema();
        return client.invoke(operation, operation.input(input));
    }

    @Override
    public String toString() {
        return device == null ? id : device.toString();
    }
}
