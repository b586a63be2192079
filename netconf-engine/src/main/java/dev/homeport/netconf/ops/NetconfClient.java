package dev.homeport.netconf.ops;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ProtocolException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/**
 * The typed NETCONF operations of RFC 6241 and its companions, over one {@link NetconfSession}. Every method blocks
 * until the reply (or the session's RPC timeout) and throws {@link RpcErrorException} when the device answers with
 * an rpc-error, so a returned call always succeeded. Operations that answer {@code <ok/>} return that reply too, so
 * that warnings (rpc-error of severity warning) can be shown.
 */
public final class NetconfClient implements AutoCloseable {
    private final NetconfSession session;

    public NetconfClient(NetconfSession session) {
        this.session = session;
    }

    public NetconfSession session() {
        return session;
    }

    public Capabilities capabilities() {
        return session.serverCapabilities();
    }

    // ---------------------------------------------------------------- retrieval

    public DataReply get() throws NetconfException {
        return get(null, null);
    }

    /** get: configuration and state; {@code filter} and {@code withDefaults} may be null. */
    public DataReply get(Filter filter, WithDefaultsMode withDefaults) throws NetconfException {
        var op = XmlFragment.element(Namespaces.BASE, "get");
        if (filter != null) {
            op.child(filter.toXml());
        }
        withDefaults(op, withDefaults);
        return data(call(op));
    }

    public DataReply getConfig(Datastore source) throws NetconfException {
        return getConfig(source, null, null);
    }

    public DataReply getConfig(Datastore source, Filter filter, WithDefaultsMode withDefaults) throws NetconfException {
        var op = XmlFragment.element(Namespaces.BASE, "get-config")
                .child(XmlFragment.element(Namespaces.BASE, "source").child(source.toXml()));
        if (filter != null) {
            op.child(filter.toXml());
        }
        withDefaults(op, withDefaults);
        return data(call(op));
    }

    /**
     * RFC 8526 get-data from an NMDA datastore. {@code configFilter} true/false limits to config or state nodes;
     * {@code maxDepth} 0 means unbounded; {@code withOrigin} asks for origin metadata (operational only).
     */
    public DataReply getData(NmdaDatastore datastore, Filter filter, Boolean configFilter, int maxDepth,
                             boolean withOrigin, WithDefaultsMode withDefaults) throws NetconfException {
        var op = XmlFragment.element(Namespaces.NMDA, "get-data")
                .attr("xmlns:ds", Namespaces.DATASTORES)
                .leaf("datastore", "ds:" + datastore.identity());
        if (filter instanceof Filter.Subtree s) {
            op.child(XmlFragment.element(Namespaces.NMDA, "subtree-filter").child(s.selection()));
        } else if (filter instanceof Filter.XPath x) {
            var f = XmlFragment.element(Namespaces.NMDA, "xpath-filter").text(x.expression());
            x.namespaces().forEach((p, ns) -> f.attr("xmlns:" + p, ns));
            op.child(f);
        }
        if (configFilter != null) {
            op.leaf("config-filter", configFilter.toString());
        }
        if (maxDepth > 0) {
            op.leaf("max-depth", Integer.toString(maxDepth));
        }
        if (withOrigin) {
            op.empty("with-origin");
        }
        withDefaults(op, withDefaults);
        return data(call(op));
    }

    /** RFC 8526 edit-data on running, candidate or startup. */
    public RpcReply editData(NmdaDatastore datastore, XmlFragment config, EditConfig.DefaultOperation defaultOperation)
            throws NetconfException {
        if (!datastore.writable()) {
            throw new IllegalArgumentException("edit-data cannot write the " + datastore.identity() + " datastore");
        }
        var op = XmlFragment.element(Namespaces.NMDA, "edit-data")
                .attr("xmlns:ds", Namespaces.DATASTORES)
                .leaf("datastore", "ds:" + datastore.identity());
        if (defaultOperation != null) {
            op.leaf("default-operation", EditConfig.keyword(defaultOperation));
        }
        op.child(XmlFragment.element(Namespaces.NMDA, "config").child(config));
        return call(op);
    }

    /** RFC 6022 get-schema; returns the module text. */
    public String getSchema(String identifier, String version, String format) throws NetconfException {
        var op = XmlFragment.element(Namespaces.MONITORING, "get-schema").leaf("identifier", identifier);
        if (version != null && !version.isEmpty()) {
            op.leaf("version", version);
        }
        if (format != null) {
            op.leaf("format", format);
        }
        RpcReply reply = call(op);
        return reply.data().map(Element::getTextContent)
                .orElseThrow(() -> new ProtocolException("get-schema reply for " + identifier + " has no <data>"));
    }

    public String getSchema(String identifier) throws NetconfException {
        return getSchema(identifier, null, "yang");
    }

    // ---------------------------------------------------------------- editing

    public RpcReply editConfig(EditConfig edit) throws NetconfException {
        return call(edit.toXml());
    }

    /** copy-config between datastores/URLs. */
    public RpcReply copyConfig(Datastore target, Datastore source, WithDefaultsMode withDefaults)
            throws NetconfException {
        var op = XmlFragment.element(Namespaces.BASE, "copy-config")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml()))
                .child(XmlFragment.element(Namespaces.BASE, "source").child(source.toXml()));
        withDefaults(op, withDefaults);
        return call(op);
    }

    /** copy-config with inline content as the source. */
    public RpcReply copyConfig(Datastore target, XmlFragment config) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "copy-config")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml()))
                .child(XmlFragment.element(Namespaces.BASE, "source")
                        .child(XmlFragment.element(Namespaces.BASE, "config").child(config))));
    }

    public RpcReply deleteConfig(Datastore target) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "delete-config")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml())));
    }

    public RpcReply lock(Datastore target) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "lock")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml())));
    }

    public RpcReply unlock(Datastore target) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "unlock")
                .child(XmlFragment.element(Namespaces.BASE, "target").child(target.toXml())));
    }

    /** RFC 5717 partial-lock of the nodes selected by XPath expressions (prefixes bound by {@code namespaces}). */
    public PartialLock partialLock(List<String> select, Map<String, String> namespaces) throws NetconfException {
        var op = XmlFragment.element(Namespaces.PARTIAL_LOCK, "partial-lock");
        for (String s : select) {
            var e = XmlFragment.element(Namespaces.PARTIAL_LOCK, "select").text(s);
            namespaces.forEach((p, ns) -> e.attr("xmlns:" + p, ns));
            op.child(e);
        }
        RpcReply reply = call(op);
        String id = Dom.childText(reply.element(), null, "lock-id")
                .orElseThrow(() -> new ProtocolException("partial-lock reply without lock-id"));
        List<String> nodes = new ArrayList<>();
        for (Element e : Dom.children(reply.element())) {
            if ("locked-node".equals(e.getLocalName())) {
                nodes.add(e.getTextContent().strip());
            }
        }
        try {
            return new PartialLock(Long.parseLong(id), nodes);
        } catch (NumberFormatException e) {
            throw new ProtocolException("partial-lock reply has an invalid lock-id: " + id);
        }
    }

    public RpcReply partialUnlock(long lockId) throws NetconfException {
        return call(XmlFragment.element(Namespaces.PARTIAL_LOCK, "partial-unlock")
                .leaf("lock-id", Long.toString(lockId)));
    }

    // ---------------------------------------------------------------- candidate

    public RpcReply commit() throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "commit"));
    }

    /** A confirmed commit; a later {@link #commit()} (or with persist-id) confirms it. */
    public RpcReply commit(ConfirmedCommit confirmed) throws NetconfException {
        var op = XmlFragment.element(Namespaces.BASE, "commit").empty("confirmed");
        confirmed.timeout().ifPresent(t -> op.leaf("confirm-timeout", Long.toString(Math.max(1, t.toSeconds()))));
        confirmed.persist().ifPresent(p -> op.leaf("persist", p));
        confirmed.persistId().ifPresent(p -> op.leaf("persist-id", p));
        return call(op);
    }

    /** Confirms a persistent confirmed commit from any session (confirmed-commit:1.1). */
    public RpcReply confirmCommit(String persistId) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "commit").leaf("persist-id", persistId));
    }

    /** cancel-commit (confirmed-commit:1.1): roll back a pending confirmed commit now. */
    public RpcReply cancelCommit(String persistId) throws NetconfException {
        var op = XmlFragment.element(Namespaces.BASE, "cancel-commit");
        if (persistId != null) {
            op.leaf("persist-id", persistId);
        }
        return call(op);
    }

    public RpcReply discardChanges() throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "discard-changes"));
    }

    public RpcReply validate(Datastore source) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "validate")
                .child(XmlFragment.element(Namespaces.BASE, "source").child(source.toXml())));
    }

    /** Validates inline config content without applying it. */
    public RpcReply validate(XmlFragment config) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "validate")
                .child(XmlFragment.element(Namespaces.BASE, "source")
                        .child(XmlFragment.element(Namespaces.BASE, "config").child(config))));
    }

    // ---------------------------------------------------------------- sessions and notifications

    public RpcReply killSession(long sessionId) throws NetconfException {
        return call(XmlFragment.element(Namespaces.BASE, "kill-session")
                .leaf("session-id", Long.toString(sessionId)));
    }

    /** RFC 5277 create-subscription; the stream receives the notifications. */
    public NotificationStream subscribe(Subscription s) throws NetconfException {
        var op = XmlFragment.element(Namespaces.NOTIFICATION, "create-subscription");
        s.stream().ifPresent(st -> op.leaf("stream", st));
        s.filter().ifPresent(f -> op.child(f.toXml(Namespaces.NOTIFICATION)));
        s.startTime().ifPresent(t -> op.leaf("startTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t)));
        s.stopTime().ifPresent(t -> op.leaf("stopTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t)));
        // listen before asking, so that no notification sent right after the reply is missed
        NotificationStream stream = new NotificationStream(session);
        try {
            call(op);
        } catch (NetconfException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    /** The streams the device offers (RFC 5277 section 3.2.5.1), by name. */
    public List<String> listStreams() throws NetconfException {
        return streams().stream().map(EventStream::name).toList();
    }

    /** The streams the device offers (RFC 5277 section 3.2.5.1), with their replay support. */
    public List<EventStream> streams() throws NetconfException {
        DataReply d = get(new Filter.Subtree(XmlFragment.element(Namespaces.NOTIFICATION_STREAMS, "netconf")
                .child(XmlFragment.element(Namespaces.NOTIFICATION_STREAMS, "streams"))), null);
        List<EventStream> out = new ArrayList<>();
        for (Element netconf : d.roots()) {
            Dom.child(netconf, Namespaces.NOTIFICATION_STREAMS, "streams").ifPresent(streams -> {
                for (Element st : Dom.children(streams, Namespaces.NOTIFICATION_STREAMS, "stream")) {
                    Dom.childText(st, Namespaces.NOTIFICATION_STREAMS, "name").ifPresent(name -> out.add(
                            new EventStream(name,
                                    Dom.childText(st, Namespaces.NOTIFICATION_STREAMS, "description"),
                                    Dom.childText(st, Namespaces.NOTIFICATION_STREAMS, "replaySupport")
                                            .map("true"::equals).orElse(false),
                                    Dom.childText(st, Namespaces.NOTIFICATION_STREAMS, "replayLogCreationTime")
                                            .flatMap(NetconfClient::dateTime))));
                }
            });
        }
        return out;
    }

    // ---------------------------------------------------------------- custom RPCs and actions

    /**
     * Any RPC given as XML text: either the operation element or a whole {@code <rpc>} (whose content is taken).
     * Returns the reply; rpc-errors are thrown.
     */
    public RpcReply rpc(String xml) throws NetconfException {
        try {
            return call(XmlFragment.raw(operationOf(xml)));
        } catch (MalformedXmlException e) {
            throw new NetconfException("RPC to send is not valid XML: " + e.getMessage(), e);
        }
    }

    public RpcReply rpc(XmlFragment operation) throws NetconfException {
        return call(operation);
    }

    /**
     * A YANG 1.1 action (RFC 7950 section 7.15.2): {@code target} is the data tree down to the node the action is
     * defined on (keys included), with the action element and its input innermost.
     */
    public RpcReply action(XmlFragment target) throws NetconfException {
        return call(XmlFragment.element(Namespaces.YANG_1, "action").child(target));
    }

    /**
     * Invokes an RPC or action built from the schema ({@link SchemaOperation}): the input is checked against the
     * schema first, so bad input fails here with {@code InvalidDataException} and nothing is sent; rpc-errors are
     * thrown; the reply's output comes back as a NormalizedNode named {@code output} (empty for {@code <ok/>}), with
     * the elements the schema does not have listed as skipped.
     */
    public XmlDataCodec.Result invoke(SchemaOperation operation, ContainerNode input) throws NetconfException {
        XmlFragment request = operation.request(input);
        RpcReply reply = operation.isAction() ? action(request) : rpc(request);
        return operation.output(reply);
    }

    /** Sends close-session and closes the transport. */
    @Override
    public void close() {
        session.close();
    }

    // ---------------------------------------------------------------- helpers

    private RpcReply call(XmlFragment op) throws NetconfException {
        return call(op, session.options().rpcTimeout());
    }

    private RpcReply call(XmlFragment op, Duration timeout) throws NetconfException {
        RpcReply reply = session.rpc(op.toXml(), timeout);
        if (reply.hasErrors()) {
            throw new RpcErrorException(reply);
        }
        return reply;
    }

    private static DataReply data(RpcReply reply) throws ProtocolException {
        Optional<Element> d = reply.data();
        if (d.isEmpty()) {
            throw new ProtocolException("reply has no <data> element: " + abbreviate(reply.toXml()));
        }
        return new DataReply(reply, d.get());
    }

    private static void withDefaults(XmlFragment.Element op, WithDefaultsMode mode) {
        if (mode != null) {
            op.child(XmlFragment.element(Namespaces.WITH_DEFAULTS, "with-defaults").text(mode.keyword()));
        }
    }

    static String operationOf(String xml) throws MalformedXmlException {
        Element root = SafeXml.parse(xml).getDocumentElement();
        if (Dom.is(root, Namespaces.BASE, "rpc")) {
            List<Element> children = Dom.children(root);
            if (children.size() != 1) {
                throw new MalformedXmlException("<rpc> must contain exactly one operation element, found "
                        + children.size());
            }
            return SafeXml.toString(children.get(0));
        }
        return SafeXml.toString(root);
    }

    private static Optional<OffsetDateTime> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
