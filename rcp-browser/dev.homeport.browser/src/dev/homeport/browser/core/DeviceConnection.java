package dev.homeport.browser.core;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.SchemaProgressListener;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One connected device as the browser uses it: the engine's {@link NetconfClient} on the call-home session, the
 * device's schema ({@link DeviceSchema}, loaded once), datastore reads as yangtools trees, and leaf edits sent as
 * edit-config. Every method blocks: call it off the UI thread.
 */
public final class DeviceConnection {
    /** The datastores the data view offers. */
    public enum Store {
        RUNNING, CANDIDATE, OPERATIONAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CallHomeDevice device;
    private final NetconfClient client;
    private final ModuleCache cache;
    private DeviceSchema schema;
    private XmlDataCodec codec;

    DeviceConnection(CallHomeDevice device, NetconfSession session, ModuleCache cache) {
        this.device = device;
        this.client = new NetconfClient(session);
        this.cache = cache;
    }

    public CallHomeDevice device() {
        return device;
    }

    public NetconfClient client() {
        return client;
    }

    /** Whether edits go to the candidate and a commit (RFC 6241 :candidate), or straight to running. */
    public boolean hasCandidate() {
        return client.capabilities().candidate();
    }

    /** The stores this device has: candidate only with :candidate. */
    public List<Store> stores() {
        return hasCandidate() ? List.of(Store.values()) : List.of(Store.RUNNING, Store.OPERATIONAL);
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

    /** Reads a datastore as a tree of the device's schema (elements the schema lacks are skipped). */
    public ContainerNode read(Store store) throws NetconfException, InvalidDataException {
        schema();
        var reply = switch (store) {
            case RUNNING -> client.getConfig(Datastore.RUNNING);
            case CANDIDATE -> client.getConfig(Datastore.CANDIDATE);
            case OPERATIONAL -> client.get();
        };
        return reply.normalized(codec).data();
    }

    /**
     * Sets one leaf to {@code value}: the edit is checked against the schema first (nothing is sent when the value
     * does not fit the leaf's type), then sent as edit-config to the candidate plus commit when the device has
     * :candidate (a failed commit discards the candidate edit), else to running.
     *
     * @param ancestors the nodes from the top-level node down to the leaf's parent, as the data tree holds them
     * @return what was done, for the status line
     */
    public String setLeaf(List<NormalizedNode> ancestors, LeafNode<?> leaf, String value)
            throws NetconfException, InvalidDataException {
        XmlFragment edit = leafEdit(ancestors, leaf.name().getNodeType(), value);
        schema();
        try {
            // the device's own check would come too late for a clear message: check the type here first
            codec.parse(SafeXml.parse("<config xmlns=\"" + Namespaces.BASE + "\">" + edit.toXml() + "</config>")
                    .getDocumentElement());
        } catch (MalformedXmlException e) {
            throw new IllegalStateException("edit of " + leaf.name() + " is not well-formed XML", e);
        }
        if (hasCandidate()) {
            client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(edit));
            try {
                client.commit();
            } catch (NetconfException e) {
                client.discardChanges();
                throw e;
            }
            return "committed " + leaf.name().getNodeType().getLocalName() + " = " + value + " (candidate, commit)";
        }
        client.editConfig(EditConfig.to(Datastore.RUNNING).config(edit));
        return "wrote " + leaf.name().getNodeType().getLocalName() + " = " + value + " to running";
    }

    /** The edit-config content that sets one leaf: its ancestors (list entries with their keys) and the leaf. */
    static XmlFragment leafEdit(List<NormalizedNode> ancestors, QName leaf, String value) {
        XmlFragment current = element(leaf).text(value);
        List<NormalizedNode> path = new ArrayList<>(ancestors);
        for (int i = path.size() - 1; i >= 0; i--) {
            NormalizedNode n = path.get(i);
            if (n instanceof ChoiceNode || n instanceof MapNode) {
                continue; // neither has an element of its own in XML
            }
            XmlFragment.Element e = element(n.name().getNodeType());
            if (n instanceof MapEntryNode entry) {
                for (Map.Entry<QName, Object> key : entry.name().entrySet()) {
                    if (!key.getKey().equals(leaf) || i != path.size() - 1) {
                        e.child(element(key.getKey()).text(String.valueOf(key.getValue())));
                    }
                }
            }
            current = e.child(current);
        }
        return current;
    }

    private static XmlFragment.Element element(QName q) {
        return XmlFragment.element(q.getNamespace().toString(), q.getLocalName());
    }

    // ---------------------------------------------------------------- RPCs, notifications (views: RPC dialog,
    // Notifications)

    private NotificationLog notifications;

    /** The RFC 5277 subscription of this session and what it delivered (one per session). */
    public synchronized NotificationLog notifications() {
        if (notifications == null) {
            notifications = new NotificationLog(client);
        }
        return notifications;
    }

    /**
     * Invokes an RPC or action of the device's schema with top-level input values (by leaf name; a list for a
     * leaf-list): the engine checks them against the input statement before anything is sent.
     */
    public XmlDataCodec.Result invoke(dev.homeport.netconf.data.SchemaOperation operation, Map<String, ?> input)
            throws NetconfException, InvalidDataException {
        schema();
        return client.invoke(operation, operation.input(input));
    }

    @Override
    public String toString() {
        return device.toString();
    }
}
