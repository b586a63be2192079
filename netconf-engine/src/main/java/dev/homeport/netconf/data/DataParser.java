package dev.homeport.netconf.data;

import dev.homeport.netconf.data.XmlDataCodec.SkippedElement;
import dev.homeport.netconf.xml.Dom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.CollectionNodeBuilder;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.api.schema.builder.ListNodeBuilder;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodec;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * NETCONF XML data (a DOM element whose children are top-level data nodes) to a NormalizedNode tree, in one walk
 * over the DOM that builds immutable nodes directly.
 *
 * <p>It gives the trees and refusals of yangtools' {@code XmlParserStream} (which {@link XmlDataCodec} used before,
 * and which the differential test still compares it with) at a fraction of the cost: that parser finds each element's
 * schema node by a linear scan of the parent's children, builds an intermediate tree and then replays it through a
 * stream writer, and fetches value codecs from a shared cache per value. Here every schema position gets, on first
 * use, a hash table of the children an element may stand for (through choices and cases) and the value codec of each
 * leaf, kept for the life of the parser; lists, leaf-lists and choices are gathered as their elements come.
 *
 * <p>Values are parsed by yangtools' own XML codecs (same types, ranges, patterns and messages). Nodes it does not
 * build itself (anydata, whose yangtools representation is not public) make it throw {@link Unsupported}; the caller
 * then uses yangtools' parser for that document. Thread-safe: the per-position tables are immutable once published.
 */
final class DataParser {

    /** A failure at an element: what was wrong there. */
    static final class Failure extends Exception {
        private final transient Element at;

        Failure(Element at, String reason, Throwable cause) {
            super(reason, cause, false, false);
            this.at = at;
        }

        Element at() {
            return at;
        }
    }

    /** The document holds a node kind this parser leaves to yangtools. */
    static final class Unsupported extends Exception {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private final SchemaIndex schema;
    private final Position root;

    DataParser(SchemaIndex schema) {
        this.schema = schema;
        this.root = new Position(schema.context(), List.of());
    }

    /**
     * The children of {@code rootElement} as the data root. In lenient mode ({@code skipped} not null) elements that
     * no schema node stands for are left out and listed; otherwise they fail the parse.
     */
    ContainerNode parse(Element rootElement, List<SkippedElement> skipped, SkipPaths paths)
            throws Failure, Unsupported {
        Walk walk = new Walk(new DomSource(rootElement), rootElement, skipped, paths);
        Collector top = new Collector(ImmutableNodes.newContainerBuilder().withNodeIdentifier(
                DataTrees.rootIdentifier()));
        walk.children(root, top);
        return (ContainerNode) top.build();
    }

    /**
     * The children of the element a pull parser is on (its start tag) as the data root, leaving the parser on that
     * element's end tag; strict. Null when the data needs more than this path gives (an error to explain, an
     * unknown element, anyxml): the caller then parses the DOM, which decides.
     */
    ContainerNode parse(XMLStreamReader reader) {
        Walk walk = new Walk(new StreamSource(reader), null, null, null);
        Collector top = new Collector(ImmutableNodes.newContainerBuilder().withNodeIdentifier(
                DataTrees.rootIdentifier()));
        try {
            walk.children(root, top);
        } catch (Failure | Unsupported e) {
            return null;
        }
        return (ContainerNode) top.build();
    }

    /** Readable paths of skipped elements, from the codec (which owns path formatting). */
    @FunctionalInterface
    interface SkipPaths {
        String of(Element root, Element skipped);
    }

    // ---------------------------------------------------------------- schema positions

    /** A place in the schema tree that has element children: the data root, a container, a list, a case. */
    private final class Position {
        final DataNodeContainer container;
        /** Schema-tree steps from the root (choices and cases included), for leafref resolution. */
        final List<QName> schemaPath;
        private volatile Map<String, Slot[]> byLocalName;

        Position(DataNodeContainer container, List<QName> schemaPath) {
            this.container = container;
            this.schemaPath = schemaPath;
        }

        /** The node an element stands for here, or null. */
        Slot find(String namespace, String localName) {
            Map<String, Slot[]> table = byLocalName;
            if (table == null) {
                table = index();
                byLocalName = table;
            }
            Slot[] candidates = table.get(localName);
            if (candidates != null) {
                String ns = namespace == null ? "" : namespace;
                for (Slot s : candidates) {
                    if (s.namespace.equals(ns)) {
                        return s;
                    }
                }
            }
            return null;
        }

        private Map<String, Slot[]> index() {
            Map<String, Slot[]> table = new HashMap<>();
            collect(container, List.of(), schemaPath, table, new int[1]);
            return Map.copyOf(table);
        }

        private void collect(DataNodeContainer parent, List<SchemaIndex.ChoiceStep> choices, List<QName> path,
                             Map<String, Slot[]> table, int[] count) {
            for (DataSchemaNode child : parent.getChildNodes()) {
                if (child instanceof ChoiceSchemaNode choice) {
                    for (CaseSchemaNode caseNode : choice.getCases()) {
                        List<SchemaIndex.ChoiceStep> steps = new ArrayList<>(choices);
                        steps.add(new SchemaIndex.ChoiceStep(choice, caseNode));
                        List<QName> casePath = new ArrayList<>(path);
                        casePath.add(choice.getQName());
                        casePath.add(caseNode.getQName());
                        collect(caseNode, List.copyOf(steps), List.copyOf(casePath), table, count);
                    }
                } else {
                    List<QName> nodePath = new ArrayList<>(path);
                    nodePath.add(child.getQName());
                    Slot slot = new Slot(child, choices, List.copyOf(nodePath), count[0]++);
                    table.merge(child.getQName().getLocalName(), new Slot[] {slot}, (a, b) -> {
                        Slot[] both = new Slot[a.length + b.length];
                        System.arraycopy(a, 0, both, 0, a.length);
                        System.arraycopy(b, 0, both, a.length, b.length);
                        return both;
                    });
                }
            }
        }
    }

    /** One data node under a position, with what parsing its elements needs. */
    private final class Slot {
        final DataSchemaNode node;
        final QName name;
        final NodeIdentifier id;
        final String namespace;
        final SchemaIndex.ChoiceStep[] choices;
        /** Its number among the nodes of its position (for the duplicate check). */
        final int index;
        final List<QName> schemaPath;
        /** For containers and lists: the position of their children. */
        final Position inner;
        /** For lists: the key leaves, in key order. */
        final List<QName> keys;
        private volatile XmlCodec<?> codec;

        Slot(DataSchemaNode node, List<SchemaIndex.ChoiceStep> choices, List<QName> schemaPath, int index) {
            this.node = node;
            this.name = node.getQName();
            this.id = NodeIdentifier.create(name);
            this.namespace = name.getNamespace().toString();
            this.choices = choices.toArray(SchemaIndex.ChoiceStep[]::new);
            this.index = index;
            this.schemaPath = schemaPath;
            this.inner = node instanceof DataNodeContainer c ? new Position(c, schemaPath) : null;
            this.keys = node instanceof ListSchemaNode l ? List.copyOf(l.getKeyDefinition()) : List.of();
        }

        XmlCodec<?> codec() {
            XmlCodec<?> c = codec;
            if (c == null) {
                c = schema.codec((TypedDataSchemaNode) node, () -> SchemaNodeIdentifier.Absolute.of(schemaPath));
                codec = c;
            }
            return c;
        }
    }

    // ---------------------------------------------------------------- building

    /**
     * The children being gathered for one node: its builder, plus the list, leaf-list and choice nodes under it that
     * collect elements until the node ends. Few of each per node, so plain arrays.
     */
    private static final class Collector {
        final DataContainerNodeBuilder<?, ?> builder;
        private Object[] groups = null;   // slot or choice, builder/collector, ... pairs
        private int groupCount;
        private long seenLow;             // single-instance slots already present, by slot index
        private java.util.BitSet seenHigh;
        /** For a list entry: its key leaves, and their values as they are parsed. */
        List<QName> keys;
        Object[] keyValues;
        /** For a choice: the case chosen by its first element. */
        CaseSchemaNode chosenCase;
        String chosenBy;

        Collector(DataContainerNodeBuilder<?, ?> builder) {
            this.builder = builder;
        }

        /** False when a single-instance node was already there. */
        boolean firstOf(Slot slot) {
            int i = slot.index;
            if (i < 64) {
                long bit = 1L << i;
                boolean first = (seenLow & bit) == 0;
                seenLow |= bit;
                return first;
            }
            if (seenHigh == null) {
                seenHigh = new java.util.BitSet();
            }
            boolean first = !seenHigh.get(i);
            seenHigh.set(i);
            return first;
        }

        Object group(Object key) {
            for (int i = 0; i < groupCount; i += 2) {
                if (groups[i] == key) {
                    return groups[i + 1];
                }
            }
            return null;
        }

        void addGroup(Object key, Object value) {
            if (groups == null) {
                groups = new Object[8];
            } else if (groupCount == groups.length) {
                groups = java.util.Arrays.copyOf(groups, groupCount * 2);
            }
            groups[groupCount++] = key;
            groups[groupCount++] = value;
        }

        /** Finishes the gathered lists, leaf-lists and choices into the builder, then builds. */
        @SuppressWarnings("rawtypes")
        NormalizedNode build() {
            for (int i = 0; i < groupCount; i += 2) {
                Object g = groups[i + 1];
                builder.withChild((DataContainerChild) (g instanceof Collector choice ? choice.build()
                        : ((CollectionNodeBuilder) g).build()));
            }
            return builder.build();
        }

        /** {@link #build()} of a node that is a child of a container-like node (not a list entry). */
        DataContainerChild buildChild() {
            return (DataContainerChild) build();
        }
    }

    // ---------------------------------------------------------------- sources

    /**
     * Where a walk reads elements from, one level at a time: the walk calls {@link #nextChild} until it returns
     * false, and for each child either reads its {@link #text}, {@link #enter}s it (then walks its children and
     * {@link #leave}s), or {@link #skip}s it.
     */
    private interface Source {
        /** On the next element child of the current parent, or false at the parent's end. */
        boolean nextChild() throws Failure, Unsupported;

        String namespace();

        String localName();

        /** The current child's text (a leaf value), which finishes the child. */
        String text() throws Failure, Unsupported;

        /** Prefixes in scope for the value just read by {@link #text}. */
        NamespaceContext namespaces();

        void enter();

        void leave();

        void skip() throws Unsupported;

        /** The current child as DOM (anyxml content); only a DOM source has it. */
        Element element() throws Unsupported;

        /** The current child element, for error messages; null when the source cannot tell. */
        Element failureAt();
    }

    /** A DOM tree: exact error locations, skipped elements with their paths, anyxml. */
    private static final class DomSource implements Source {
        private final Element root;
        private Node[] parents = new Node[32];
        private Node[] children = new Node[32];
        private int depth;
        private final DomNamespaces namespaces = new DomNamespaces(null);

        DomSource(Element root) {
            this.root = root;
            parents[0] = root;
        }

        private Element current() {
            return (Element) children[depth];
        }

        @Override
        public boolean nextChild() throws Failure {
            Node parent = parents[depth];
            Node n = children[depth] == null ? parent.getFirstChild() : children[depth].getNextSibling();
            for (; n != null; n = n.getNextSibling()) {
                short type = n.getNodeType();
                if (type == Node.ELEMENT_NODE) {
                    children[depth] = n;
                    return true;
                }
                if ((type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) && parent != root
                        && !n.getNodeValue().isBlank()) {
                    throw new Failure((Element) parent, "'" + parent.getLocalName() + "' holds text ('"
                            + abbreviate(n.getNodeValue().strip()) + "') where only elements are allowed", null);
                }
                // whitespace, comments and processing instructions carry no data
            }
            children[depth] = null;
            return false;
        }

        @Override
        public String namespace() {
            String ns = children[depth].getNamespaceURI();
            return ns == null ? "" : ns;
        }

        @Override
        public String localName() {
            return children[depth].getLocalName();
        }

        /** The element's text: its text and CDATA children joined (comments do not split values). */
        @Override
        public String text() throws Failure {
            Element e = current();
            namespaces.at(e);
            Node first = e.getFirstChild();
            if (first == null) {
                return "";
            }
            if (first.getNextSibling() == null && first.getNodeType() == Node.TEXT_NODE) {
                return first.getNodeValue();
            }
            StringBuilder sb = new StringBuilder();
            for (Node n = first; n != null; n = n.getNextSibling()) {
                switch (n.getNodeType()) {
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(n.getNodeValue());
                    case Node.ELEMENT_NODE -> throw new Failure(e, "'" + e.getLocalName()
                            + "' holds a value, not elements ('" + n.getLocalName() + "' inside it)", null);
                    default -> {
                        // comments and processing instructions are not part of the value
                    }
                }
            }
            return sb.toString();
        }

        @Override
        public NamespaceContext namespaces() {
            return namespaces;
        }

        @Override
        public void enter() {
            Node e = children[depth];
            if (++depth == parents.length) {
                parents = java.util.Arrays.copyOf(parents, depth * 2);
                children = java.util.Arrays.copyOf(children, depth * 2);
            }
            parents[depth] = e;
            children[depth] = null;
        }

        @Override
        public void leave() {
            parents[depth] = null;
            depth--;
        }

        @Override
        public void skip() {
            // the next nextChild() moves past it
        }

        @Override
        public Element element() {
            return current();
        }

        @Override
        public Element failureAt() {
            return current();
        }
    }

    /**
     * A pull parser over the message: no DOM at all. It reads only clean data: anything that needs a diagnosis or a
     * DOM (unknown elements, text where elements belong, anyxml) stops it with {@link Unsupported}, and the caller
     * parses the message as DOM instead.
     */
    private static final class StreamSource implements Source {
        private final XMLStreamReader reader;

        StreamSource(XMLStreamReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean nextChild() throws Unsupported {
            try {
                return reader.nextTag() == XMLStreamConstants.START_ELEMENT;
            } catch (XMLStreamException e) {
                throw new Unsupported("not plain elements: " + e.getMessage());
            }
        }

        @Override
        public String namespace() {
            String ns = reader.getNamespaceURI();
            return ns == null ? "" : ns;
        }

        @Override
        public String localName() {
            return reader.getLocalName();
        }

        @Override
        public String text() throws Unsupported {
            try {
                // leaves the reader on the end tag, where the element's namespace declarations are still in scope
                return reader.getElementText();
            } catch (XMLStreamException e) {
                throw new Unsupported("not a plain value: " + e.getMessage());
            }
        }

        @Override
        public NamespaceContext namespaces() {
            return reader.getNamespaceContext();
        }

        @Override
        public void enter() {
            // the reader is on the start tag: its children come next
        }

        @Override
        public void leave() {
            // nextChild() returned false on the end tag
        }

        @Override
        public void skip() throws Unsupported {
            throw new Unsupported("an element to skip");
        }

        @Override
        public Element element() throws Unsupported {
            throw new Unsupported("anyxml");
        }

        @Override
        public Element failureAt() {
            return null;
        }
    }

    // ---------------------------------------------------------------- the walk

    /** One parse: its source, and where skipped elements go. */
    private final class Walk {
        final Source in;
        final Element rootElement;
        final List<SkippedElement> skipped;
        final SkipPaths paths;

        Walk(Source in, Element rootElement, List<SkippedElement> skipped, SkipPaths paths) {
            this.in = in;
            this.rootElement = rootElement;
            this.skipped = skipped;
            this.paths = paths;
        }

        /** Adds the element children of the current parent, which sits at {@code position}, to {@code into}. */
        void children(Position position, Collector into) throws Failure, Unsupported {
            while (in.nextChild()) {
                child(position, into);
            }
        }

        private void child(Position position, Collector parent) throws Failure, Unsupported {
            Slot slot = position.find(in.namespace(), in.localName());
            if (slot == null) {
                if (skipped == null) {
                    if (in.failureAt() == null) {
                        throw new Unsupported("unknown element");
                    }
                    throw new Failure(in.failureAt(), null, null); // the codec explains unknown elements
                }
                Element e = in.element();
                skipped.add(new SkippedElement(paths.of(rootElement, e), in.namespace(), in.localName()));
                in.skip();
                return;
            }
            Collector into = parent;
            for (int i = 0; i < slot.choices.length; i++) {
                into = choice(into, slot.choices[i]);
            }
            switch (slot.node) {
                case LeafSchemaNode leaf -> {
                    single(into, slot);
                    Object v = value(slot);
                    if (into.keys != null) {
                        int k = into.keys.indexOf(slot.name);
                        if (k >= 0) {
                            into.keyValues[k] = v;
                        }
                    }
                    into.builder.withChild(ImmutableNodes.leafNode(slot.id, v));
                }
                case ContainerSchemaNode container -> {
                    single(into, slot);
                    Collector c = new Collector(ImmutableNodes.newContainerBuilder().withNodeIdentifier(slot.id));
                    in.enter();
                    children(slot.inner, c);
                    in.leave();
                    into.builder.withChild(c.buildChild());
                }
                case ListSchemaNode list -> listEntry(into, slot, list);
                case LeafListSchemaNode leafList -> {
                    @SuppressWarnings("unchecked")
                    ListNodeBuilder<Object, ?> set = (ListNodeBuilder<Object, ?>) into.group(slot);
                    if (set == null) {
                        set = leafList.isUserOrdered() ? ImmutableNodes.newUserLeafSetBuilder()
                                : ImmutableNodes.newSystemLeafSetBuilder();
                        set.withNodeIdentifier(slot.id);
                        into.addGroup(slot, set);
                    }
                    LeafSetEntryNode<Object> entry = ImmutableNodes.leafSetEntry(slot.name, value(slot));
                    set.withChild(entry);
                }
                case AnyxmlSchemaNode anyxml -> {
                    single(into, slot);
                    Element e = in.element();
                    into.builder.withChild(ImmutableNodes.newAnyxmlBuilder(DOMSource.class).withNodeIdentifier(
                            slot.id).withValue(new DOMSource(Dom.detachedCopy(e))).build());
                    in.skip();
                }
                default -> throw new Unsupported(slot.node.getClass().getSimpleName() + " " + slot.name);
            }
        }

        /** The collector of the choice of {@code step} under {@code parent}, checking that one case is used. */
        private Collector choice(Collector parent, SchemaIndex.ChoiceStep step) throws Failure, Unsupported {
            Collector c = (Collector) parent.group(step.choice());
            if (c == null) {
                c = new Collector(ImmutableNodes.newChoiceBuilder().withNodeIdentifier(
                        NodeIdentifier.create(step.choice().getQName())));
                c.chosenCase = step.caseNode();
                c.chosenBy = in.localName();
                parent.addGroup(step.choice(), c);
            } else if (c.chosenCase != step.caseNode()) {
                fail("'" + in.localName() + "' belongs to case '"
                        + step.caseNode().getQName().getLocalName() + "' of choice '"
                        + step.choice().getQName().getLocalName() + "', but '" + c.chosenBy
                        + "' before it belongs to case '" + c.chosenCase.getQName().getLocalName()
                        + "': data of one case only");
            }
            return c;
        }

        private void single(Collector into, Slot slot) throws Failure, Unsupported {
            if (!into.firstOf(slot)) {
                fail("Duplicate element \"" + in.localName() + "\" in namespace \""
                        + slot.namespace + "\": it may appear only once here");
            }
        }

        private void listEntry(Collector into, Slot slot, ListSchemaNode list) throws Failure, Unsupported {
            @SuppressWarnings("unchecked")
            CollectionNodeBuilder<NormalizedNode, ?> entries =
                    (CollectionNodeBuilder<NormalizedNode, ?>) into.group(slot);
            boolean keyed = !slot.keys.isEmpty();
            if (entries == null) {
                CollectionNodeBuilder<?, ?> b = !keyed ? ImmutableNodes.newUnkeyedListBuilder()
                        : list.isUserOrdered() ? ImmutableNodes.newUserMapBuilder()
                        : ImmutableNodes.newSystemMapBuilder();
                @SuppressWarnings("unchecked")
                CollectionNodeBuilder<NormalizedNode, ?> typed = (CollectionNodeBuilder<NormalizedNode, ?>) b;
                entries = typed.withNodeIdentifier(slot.id);
                into.addGroup(slot, entries);
            }
            Element at = in.failureAt();
            if (!keyed) {
                Collector entry = new Collector(ImmutableNodes.newUnkeyedListEntryBuilder()
                        .withNodeIdentifier(slot.id));
                in.enter();
                children(slot.inner, entry);
                in.leave();
                entries.withChild(entry.build());
                return;
            }
            var builder = ImmutableNodes.newMapEntryBuilder();
            Collector entry = new Collector(builder);
            entry.keys = slot.keys;
            entry.keyValues = new Object[slot.keys.size()];
            in.enter();
            children(slot.inner, entry);
            in.leave();
            for (int k = 0; k < entry.keyValues.length; k++) {
                if (entry.keyValues[k] == null) {
                    if (at == null) {
                        throw new Unsupported("list entry without key");
                    }
                    throw new Failure(at, "an entry of list '" + slot.name.getLocalName() + "' lacks its key '"
                            + slot.keys.get(k).getLocalName() + "'", null);
                }
            }
            if (entry.keyValues.length == 1) {
                builder.withNodeIdentifier(NodeIdentifierWithPredicates.of(slot.name, slot.keys.get(0),
                        entry.keyValues[0]));
            } else {
                Map<QName, Object> values = new LinkedHashMap<>();
                for (int k = 0; k < entry.keyValues.length; k++) {
                    values.put(slot.keys.get(k), entry.keyValues[k]);
                }
                builder.withNodeIdentifier(NodeIdentifierWithPredicates.of(slot.name, values));
            }
            entries.withChild(entry.build());
        }

        private Object value(Slot slot) throws Failure, Unsupported {
            Element at = in.failureAt();
            String text = in.text();
            try {
                return slot.codec().parseValue(in.namespaces(), text);
            } catch (RuntimeException ex) {
                if (at == null) {
                    throw new Unsupported("invalid value");
                }
                throw new Failure(at, null, ex);
            }
        }

        /** Fails at the current element, or, where the source cannot say where, hands over to the DOM. */
        private void fail(String reason) throws Failure, Unsupported {
            Element at = in.failureAt();
            if (at == null) {
                throw new Unsupported(reason);
            }
            throw new Failure(at, reason, null);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
