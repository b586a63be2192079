package dev.homeport.netconf.data;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.DOMSourceXMLStreamReader;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.impl.schema.SchemaOrderedNormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.InputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.OutputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.opendaylight.yangtools.yang.common.QName;
import org.w3c.dom.Element;

/**
 * NETCONF XML data to yangtools NormalizedNode and back, for one schema (an {@link EffectiveModelContext}).
 *
 * <p>Parsing takes the element whose children are top-level data nodes: the {@code <data>} of a get/get-config/
 * get-data reply, the {@code <config>} of an edit, or any wrapper. The result is a {@link ContainerNode} named
 * {@code (urn:ietf:params:xml:ns:netconf:base:1.0)data}, the yangtools data root. Devices often send data of modules
 * they did not announce or that are not loaded: {@link Mode#LENIENT} skips those elements and lists them,
 * {@link Mode#STRICT} refuses them. Either mode refuses values that do not fit their type, with the element's path.
 *
 * <p>Without a schema there is no NormalizedNode: callers keep the raw XML ({@code DataReply.data()}), which loses
 * nothing and can be parsed later when the modules are known.
 *
 * <p>Serializing writes the root's children as XML elements, each declaring its namespace, in schema order: usable as
 * the content of {@code <config>} (for edit-config, copy-config) or for display. A tree node the schema does not
 * have is refused ({@link IllegalArgumentException} with its path) rather than left out.
 */
public final class XmlDataCodec {
    /** What to do with elements that no module of the schema defines at that place. */
    public enum Mode { STRICT, LENIENT }

    /** An element that lenient parsing left out, with its readable path. */
    public record SkippedElement(String path, String namespace, String name) {
    }

    /** Parsed data and what was left out of it (always empty in strict mode). */
    public record Result(ContainerNode data, List<SkippedElement> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /** XMLOutputFactory makes no promise of thread safety; one per thread. */
    private static final ThreadLocal<XMLOutputFactory> OUTPUT =
            ThreadLocal.withInitial(XMLOutputFactory::newFactory);

    private final EffectiveModelContext context;
    private final SchemaIndex schema;

    public XmlDataCodec(EffectiveModelContext context) {
        this.context = context;
        this.schema = new SchemaIndex(context);
    }

    public EffectiveModelContext context() {
        return context;
    }

    /** The empty data root. */
    public static ContainerNode emptyData() {
        return DataTrees.emptyData();
    }

    /** Strict parse of the children of {@code root}. */
    public ContainerNode parse(Element root) throws InvalidDataException {
        return parse(root, Mode.STRICT).data();
    }

    public Result parse(Element root, Mode mode) throws InvalidDataException {
        return parse(root, mode, context, null);
    }

    /**
     * Parses the input or output of an RPC or action: the children of {@code element} (the operation element of a
     * request, the rpc-reply of an answer) as the content of the {@code input} or {@code output} statement at
     * {@code container}, the schema path of the RPC (or of the action, through its data nodes) plus
     * {@code input}/{@code output}. The result is a {@link ContainerNode} named {@code input} or {@code output}.
     * Paths in messages start below it.
     */
    public Result parseOperationData(Element element, SchemaNodeIdentifier.Absolute container, Mode mode)
            throws InvalidDataException {
        return parse(element, mode, operationContainer(container), container);
    }

    private Result parse(Element root, Mode mode, DataNodeContainer rootSchema, SchemaNodeIdentifier.Absolute path)
            throws InvalidDataException {
        List<SkippedElement> skipped = new ArrayList<>();
        if (mode == Mode.LENIENT) {
            findUnknown(root, rootSchema, root, rootSchema, skipped);
        }
        if (Dom.children(root).isEmpty()) {
            return new Result(path == null ? DataTrees.emptyData() : ImmutableNodes.newContainerBuilder()
                    .withNodeIdentifier(new NodeIdentifier(path.lastNodeIdentifier())).build(), skipped);
        }
        NormalizationResultHolder holder = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(holder);
        TrackingReader reader = null;
        try {
            reader = new TrackingReader(new DOMSourceXMLStreamReader(new DOMSource(root)));
            try (XmlParserStream parser = path == null ? XmlParserStream.create(writer, context, mode == Mode.STRICT)
                    : XmlParserStream.create(writer, SchemaInferenceStack.of(context, path).toInference(),
                            mode == Mode.STRICT)) {
                parser.parse(reader);
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw failure(root, rootSchema, reader == null ? new int[0] : reader.position(), e);
        }
        NormalizedNode data = holder.getResult().data();
        if (!(data instanceof ContainerNode container)) {
            throw new IllegalStateException("the parser returned " + data.contract().getSimpleName()
                    + ", not a container");
        }
        return new Result(container, skipped);
    }

    /** The input or output statement at this schema path, as the container of its data nodes. */
    DataNodeContainer operationContainer(SchemaNodeIdentifier.Absolute container) {
        Object statement = SchemaInferenceStack.of(context, container).currentStatement();
        if (statement instanceof InputSchemaNode || statement instanceof OutputSchemaNode) {
            return (DataNodeContainer) statement;
        }
        throw new IllegalArgumentException(container + " is not the input or output of an RPC or action");
    }

    /**
     * Strict parse of a notification's event element (e.g. {@code <netconf-config-change>}) into the notification's
     * body: a container named by the notification. Only top-level notifications are known.
     */
    public ContainerNode parseNotification(Element event) throws InvalidDataException {
        QName name = notificationName(event);
        if (name == null) {
            throw new InvalidDataException("no module of the schema defines a notification '" + event.getLocalName()
                    + "' in namespace " + event.getNamespaceURI(), "/" + event.getLocalName(), null);
        }
        NormalizationResultHolder holder = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(holder);
        try (XmlParserStream parser = XmlParserStream.create(writer,
                SchemaInferenceStack.of(context, SchemaNodeIdentifier.Absolute.of(name)).toInference(), true)) {
            parser.parse(new DOMSourceXMLStreamReader(new DOMSource(event)));
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw new InvalidDataException("invalid notification '" + event.getLocalName() + "': " + describe(e),
                    "/" + event.getLocalName(), e);
        }
        NormalizedNode data = holder.getResult().data();
        if (!(data instanceof ContainerNode container)) {
            throw new IllegalStateException("the parser returned " + data.contract().getSimpleName()
                    + " for a notification");
        }
        return container;
    }

    /**
     * The content of an anydata node holding instance data of this schema (RFC 8526 get-data's {@code data}, RFC 8040
     * style payloads) as a tree below the data root, the way {@link #parse(Element)} gives a datastore; empty when it
     * holds something else or does not fit the schema.
     */
    public java.util.Optional<NormalizedNode> anydataAsData(
            org.opendaylight.yangtools.yang.data.api.schema.AnydataNode<?> node) {
        if (!(node.body() instanceof org.opendaylight.yangtools.yang.data.api.schema.NormalizableAnydata body)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(body.normalizeTo(SchemaInferenceStack.of(context).toInference()).getData());
        } catch (org.opendaylight.yangtools.yang.data.api.schema.AnydataNormalizationException | RuntimeException e) {
            return java.util.Optional.empty(); // not data of this schema: the caller shows it as it came
        }
    }

    /** The QName of the top-level notification an element stands for, or null. */
    public QName notificationName(Element event) {
        for (var module : schema.modules(event.getNamespaceURI())) {
            QName q = QName.create(module, event.getLocalName());
            if (context.findNotification(q).isPresent()) {
                return q;
            }
        }
        return null;
    }

    /**
     * Strict parse of a document streamed from {@code xml}, whose root element wraps top-level data nodes, without
     * building a DOM first: for large documents (a generated datastore of 100k entries). The input must be trusted
     * or bounded by the caller: the reader refuses DTDs and external entities but not size.
     */
    public ContainerNode parseStream(java.io.Reader xml) throws InvalidDataException {
        NormalizationResultHolder holder = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(holder);
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_NAMESPACE_AWARE, true);
        javax.xml.stream.XMLStreamReader reader = null;
        try {
            reader = f.createXMLStreamReader(xml);
            try (XmlParserStream parser = XmlParserStream.create(writer, context, true)) {
                parser.parse(reader);
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            String where = reader == null ? "" : " (line " + reader.getLocation().getLineNumber() + ")";
            throw new InvalidDataException(describe(e) + where, "/", e);
        }
        NormalizedNode data = holder.getResult().data();
        if (!(data instanceof ContainerNode container)) {
            throw new IllegalStateException("the parser returned " + data.contract().getSimpleName()
                    + ", not the data root");
        }
        return container;
    }

    /**
     * Parses XML text: a document whose root is {@code <data>} or {@code <config>} (NETCONF base namespace or none),
     * or bare top-level data elements.
     */
    public Result parse(String xml, Mode mode) throws InvalidDataException, MalformedXmlException {
        Element wrapper = SafeXml.parseFragment(xml);
        List<Element> top = Dom.children(wrapper);
        Element root = wrapper;
        if (top.size() == 1 && isDataWrapper(top.get(0))) {
            root = top.get(0);
        }
        return parse(root, mode);
    }

    private static boolean isDataWrapper(Element e) {
        String ns = e.getNamespaceURI();
        return ("data".equals(e.getLocalName()) || "config".equals(e.getLocalName()))
                && (ns == null || ns.isEmpty() || Namespaces.BASE.equals(ns));
    }

    /** The data root's children as XML elements (no wrapper), in schema order; empty text for empty data. */
    public String toXml(ContainerNode data) {
        return write(data.body());
    }

    /** One top-level node (a child of the data root) as XML. */
    public String toXml(DataContainerChild topLevelNode) {
        return write(List.of(topLevelNode));
    }

    /** {@link #toXml(ContainerNode)} as a fragment for {@code EditConfig.config(...)} and other RPC bodies. */
    public XmlFragment toFragment(ContainerNode data) {
        return XmlFragment.raw(toXml(data));
    }

    /**
     * Writes with {@code decorate} between the node walker and the XML writer (to add attributes, e.g.); it also gets
     * the XML writer, to bind prefixes.
     */
    String toXml(ContainerNode data,
                 java.util.function.BiFunction<XMLStreamWriter, NormalizedNodeStreamWriter, NormalizedNodeStreamWriter>
                         decorate) {
        return write(data.body(), null, decorate);
    }

    /**
     * The content of an RPC's or action's input or output container (see {@link #parseOperationData}) as XML
     * elements, without a wrapper, in schema order: the body of the operation element, or of the reply.
     */
    public String operationDataToXml(ContainerNode data, SchemaNodeIdentifier.Absolute container) {
        operationContainer(container);
        return write(data.body(), container, (xml, stream) -> stream);
    }

    private String write(Collection<DataContainerChild> nodes) {
        return write(nodes, null, (xml, stream) -> stream);
    }

    private String write(Collection<DataContainerChild> nodes, SchemaNodeIdentifier.Absolute parent,
                         java.util.function.BiFunction<XMLStreamWriter, NormalizedNodeStreamWriter,
                                 NormalizedNodeStreamWriter> decorate) {
        // the schema-ordered writer walks the schema, so it would leave out nodes the schema lacks without a word
        DataNodeContainer rootSchema = parent == null ? context : operationContainer(parent);
        for (DataContainerChild node : nodes) {
            requireKnown(rootSchema, node, "");
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = new CarriageReturnSafeWriter(OUTPUT.get().createXMLStreamWriter(out));
            NormalizedNodeStreamWriter stream = decorate.apply(xml, parent == null
                    ? XMLStreamNormalizedNodeStreamWriter.create(xml, context)
                    : XMLStreamNormalizedNodeStreamWriter.create(xml, context, parent));
            // closing the node writer closes the XML writer too, after flushing it
            try (SchemaOrderedNormalizedNodeWriter writer = parent == null
                    ? new KeysFirstWriter(stream, context)
                    : new KeysFirstWriter(stream, context, parent)) {
                writer.write(nodes);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Refuses a tree node (and its descendants) that the schema does not have under {@code parent}. */
    private static void requireKnown(DataNodeContainer parent, DataContainerChild node, String at) {
        QName q = node.name().getNodeType();
        String path = at + "/" + q.getLocalName();
        DataSchemaNode s = parent.dataChildByName(q);
        if (s == null) {
            throw new IllegalArgumentException("the schema has no node " + q.getLocalName() + " (namespace "
                    + q.getNamespace() + ") at " + path);
        }
        switch (node) {
            case ChoiceNode choice -> {
                for (DataContainerChild c : choice.body()) {
                    CaseSchemaNode caseNode = SchemaIndex.caseOf((ChoiceSchemaNode) s, c.name().getNodeType());
                    if (caseNode == null) {
                        throw new IllegalArgumentException("choice " + q.getLocalName() + " has no case with node "
                                + c.name().getNodeType().getLocalName() + " at " + at);
                    }
                    requireKnown(caseNode, c, at);
                }
            }
            case ContainerNode container when s instanceof DataNodeContainer schemaContainer -> {
                for (DataContainerChild c : container.body()) {
                    requireKnown(schemaContainer, c, path);
                }
            }
            case MapNode map when s instanceof ListSchemaNode list -> {
                for (MapEntryNode entry : map.body()) {
                    for (DataContainerChild c : entry.body()) {
                        requireKnown(list, c, path);
                    }
                }
            }
            case UnkeyedListNode list when s instanceof ListSchemaNode listSchema -> {
                for (UnkeyedListEntryNode entry : list.body()) {
                    for (DataContainerChild c : entry.body()) {
                        requireKnown(listSchema, c, path);
                    }
                }
            }
            default -> {
                // leaves, leaf-lists, anydata: nothing below that the schema names
            }
        }
    }

    // ---- diagnostics ----

    /** Lenient mode: the elements that the parser will skip, found by the same schema look-up. */
    private void findUnknown(Element root, DataNodeContainer rootSchema, Element parent,
                             DataNodeContainer parentSchema, List<SkippedElement> out) {
        for (Element e : Dom.children(parent)) {
            SchemaIndex.Child child = schema.findChild(parentSchema, e.getNamespaceURI(), e.getLocalName());
            if (child == null) {
                out.add(new SkippedElement(readablePath(root, rootSchema, e), nullToEmpty(e.getNamespaceURI()),
                        e.getLocalName()));
            } else if (child.node() instanceof DataNodeContainer container) {
                findUnknown(root, rootSchema, e, container, out);
            }
        }
    }

    private InvalidDataException failure(Element root, DataNodeContainer rootSchema, int[] position, Exception e) {
        Element at = root;
        for (int level = 1; level < position.length; level++) {
            List<Element> children = Dom.children(at);
            if (position[level] >= children.size()) {
                break;
            }
            at = children.get(position[level]);
        }
        String path = readablePath(root, rootSchema, at);
        String reason;
        if (at != root && !isKnown(root, rootSchema, at)) {
            String ns = nullToEmpty(at.getNamespaceURI());
            reason = schema.modules(ns).isEmpty()
                    ? "unknown element '" + at.getLocalName() + "': no module of the schema has namespace '" + ns + "'"
                    : "unknown element '" + at.getLocalName() + "' (namespace " + ns
                            + "): the schema has no such node here";
        } else {
            reason = describe(e);
        }
        return new InvalidDataException(reason + ", at " + path, path, e);
    }

    private boolean isKnown(Element root, DataNodeContainer rootSchema, Element target) {
        DataNodeContainer parentSchema = rootSchema;
        for (Element e : chain(root, target)) {
            SchemaIndex.Child child = parentSchema == null ? null
                    : schema.findChild(parentSchema, e.getNamespaceURI(), e.getLocalName());
            if (child == null) {
                return false;
            }
            parentSchema = child.node() instanceof DataNodeContainer c ? c : null;
        }
        return true;
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int m = msg.indexOf("Message: ");
        if (m >= 0) {
            msg = msg.substring(m + "Message: ".length());
        }
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        // the parser names the parent by its schema object's toString, which can be pages long; the path says it
        return msg.strip().replaceAll(" (with|in) parent \"[^\"]*\"", "").replaceAll("\\s{2,}", " ");
    }

    /** Element path from below {@code root} to {@code target}, module names where they change, list keys as text. */
    String readablePath(Element root, Element target) {
        return readablePath(root, context, target);
    }

    private String readablePath(Element root, DataNodeContainer rootSchema, Element target) {
        StringBuilder sb = new StringBuilder();
        DataNodeContainer parentSchema = rootSchema;
        String currentNs = null;
        for (Element e : chain(root, target)) {
            String ns = nullToEmpty(e.getNamespaceURI());
            sb.append('/');
            if (!ns.equals(currentNs)) {
                var modules = schema.modules(ns);
                sb.append(modules.isEmpty() ? "{" + ns + "}" : schema.moduleName(modules.get(0)) + ":");
                currentNs = ns;
            }
            sb.append(e.getLocalName());
            SchemaIndex.Child child = parentSchema == null ? null
                    : schema.findChild(parentSchema, e.getNamespaceURI(), e.getLocalName());
            if (child != null && child.node() instanceof ListSchemaNode list) {
                for (QName key : list.getKeyDefinition()) {
                    Dom.child(e, key.getNamespace().toString(), key.getLocalName()).ifPresent(k -> {
                        sb.append('[').append(key.getLocalName()).append('=');
                        YangPaths.quote(sb, k.getTextContent().strip());
                        sb.append(']');
                    });
                }
            }
            parentSchema = child != null && child.node() instanceof DataNodeContainer c ? c : null;
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static List<Element> chain(Element root, Element target) {
        List<Element> chain = new ArrayList<>();
        for (org.w3c.dom.Node n = target; n != null && n != root; n = n.getParentNode()) {
            if (n instanceof Element e) {
                chain.add(0, e);
            }
        }
        return chain;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
