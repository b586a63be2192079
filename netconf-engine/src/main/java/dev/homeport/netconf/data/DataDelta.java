package dev.homeport.netconf.data;

import dev.homeport.netconf.ops.EditConfig.Operation;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodec;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The smallest edit-config that turns one configuration into another (RFC 6244 "generation of deltas"): compare the
 * running config with the wanted one and send only the difference.
 *
 * <p>What the edit contains, with default-operation {@code merge}:
 * <ul>
 *   <li>new or changed leaves: the leaf with its new value; new containers, list entries and leaf-list values: the
 *       whole new subtree;</li>
 *   <li>nodes that are gone: {@code nc:operation="delete"} (or {@code remove}, see {@link Deletion}) on the node, a
 *       list entry carrying only its keys, a leaf-list entry its value; a container whose content is all gone is
 *       deleted as a whole;</li>
 *   <li>ordered-by-user lists and leaf-lists: entries that must move get RFC 7950 {@code yang:insert} with
 *       {@code yang:key} / {@code yang:value} naming the entry they follow ({@code insert="first"} for the head). The
 *       entries that stay are the longest run already in the wanted order, so a move of one entry costs one element,
 *       not a resend of the list. New entries that belong at the end carry no attribute (the default is last).
 *       Entries are written in the wanted order, after the deletions; a server applies them in document order;</li>
 *   <li>choices: when the wanted config uses another case, only the new case's nodes are sent; creating them deletes
 *       the old case's nodes (RFC 7950 section 7.9), so no delete is sent for those (it would fail with data-missing
 *       on a server that applies the creation first).</li>
 * </ul>
 * Unchanged subtrees are not sent. {@code config false} nodes and empty non-presence nodes are ignored on both sides
 * ({@link DataTrees#configOnly}). Both trees must be of the schema the generator was made for.
 */
public final class DataDelta {
    /** How nodes that are gone are sent. {@code remove} (NETCONF 1.1) does not fail when the node is already gone. */
    public enum Deletion { DELETE, REMOVE }

    /** The edit: XML for {@code <config>}, and how many changes it carries (0 when the trees are equal). */
    public record Result(String xml, int changes) {
        public boolean isEmpty() {
            return changes == 0;
        }

        public XmlFragment toFragment() {
            return XmlFragment.raw(xml);
        }
    }

    /** XMLOutputFactory makes no promise of thread safety; one per thread. */
    private static final ThreadLocal<XMLOutputFactory> OUTPUT =
            ThreadLocal.withInitial(XMLOutputFactory::newFactory);

    private final EffectiveModelContext context;
    private final SchemaIndex schema;
    private final Deletion deletion;

    public DataDelta(EffectiveModelContext context) {
        this(context, Deletion.DELETE);
    }

    public DataDelta(EffectiveModelContext context, Deletion deletion) {
        this.context = context;
        this.schema = new SchemaIndex(context);
        this.deletion = deletion;
    }

    /** The edit that turns {@code from} into {@code to}. */
    public Result between(ContainerNode from, ContainerNode to) {
        ContainerNode a = DataTrees.configOnly(context, from);
        ContainerNode b = DataTrees.configOnly(context, to);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = new CarriageReturnSafeWriter(OUTPUT.get().createXMLStreamWriter(out));
            Writer w = new Writer(xml);
            if (!DataTrees.sameData(a, b)) {
                w.children(a, b, context, TreePath.ROOT, Set.of());
            }
            xml.flush();
            xml.close();
            return new Result(out.toString(), w.changes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the delta", e);
        }
    }

    private final class Writer {
        private final XMLStreamWriter xml;
        private final Deque<String> defaultNamespaces = new ArrayDeque<>();
        /** Prefixes declared so far, with the depth of the element that declared them. */
        private final Map<String, String> prefixNamespace = new HashMap<>();
        private final Map<String, Integer> prefixDepth = new HashMap<>();
        private int changes;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        // ---- comparing ----

        /** Children of two present containers (or entries, or cases of one choice), in schema order. */
        void children(DataContainerNode a, DataContainerNode b, DataNodeContainer parent, TreePath path,
                      Set<QName> keys) throws XMLStreamException {
            int seenA = 0;
            int seenB = 0;
            for (DataSchemaNode child : parent.getChildNodes()) {
                QName name = child.getQName();
                NodeIdentifier id = new NodeIdentifier(name);
                DataContainerChild x = a.childByArg(id);
                DataContainerChild y = b.childByArg(id);
                seenA += x == null ? 0 : 1;
                seenB += y == null ? 0 : 1;
                if ((x == null && y == null) || keys.contains(name) || DataTrees.sameData(x, y)) {
                    continue;
                }
                node(x, y, child, path);
            }
            if (seenA != a.size() || seenB != b.size()) {
                throw new IllegalArgumentException("data under " + YangPaths.readable(schema, path.toDataPath())
                        + " has nodes that its schema does not define");
            }
        }

        private void node(DataContainerChild x, DataContainerChild y, DataSchemaNode s, TreePath path)
                throws XMLStreamException {
            QName name = s.getQName();
            switch (s) {
                case ChoiceSchemaNode choice -> choice((ChoiceNode) x, (ChoiceNode) y, choice, path);
                case ListSchemaNode list -> list((MapNode) x, (MapNode) y, list, path);
                case LeafListSchemaNode leafList -> leafList((LeafSetNode<?>) x, (LeafSetNode<?>) y, leafList, path);
                case ContainerSchemaNode container -> {
                    if (y == null) {
                        delete(x, s, path);
                    } else if (x == null) {
                        full(y, s, path, null);
                    } else {
                        TreePath p = path.data(name, y.name());
                        start(name);
                        children((ContainerNode) x, (ContainerNode) y, container, p, Set.of());
                        end();
                    }
                }
                case LeafSchemaNode leaf -> {
                    if (y == null) {
                        delete(x, s, path);
                    } else {
                        full(y, leaf, path, null);
                    }
                }
                case AnyxmlSchemaNode anyxml -> {
                    if (y == null) {
                        delete(x, s, path);
                    } else {
                        full(y, anyxml, path, Operation.REPLACE);
                    }
                }
                default -> throw new IllegalArgumentException("cannot compute a delta for "
                        + s.getClass().getSimpleName() + " '" + name.getLocalName() + "' at "
                        + YangPaths.readable(schema, path.toDataPath()));
            }
        }

        private void choice(ChoiceNode x, ChoiceNode y, ChoiceSchemaNode choice, TreePath path)
                throws XMLStreamException {
            if (y == null) {
                delete(x, choice, path);
                return;
            }
            CaseSchemaNode wanted = caseOf(choice, y);
            if (x == null || !wanted.equals(caseOf(choice, x))) {
                // creating the new case's nodes removes the old case's (RFC 7950 section 7.9)
                full(y, choice, path, null);
                return;
            }
            children(x, y, wanted, path.schemaOnly(choice.getQName()).schemaOnly(wanted.getQName()), Set.of());
        }

        private void list(MapNode x, MapNode y, ListSchemaNode list, TreePath path) throws XMLStreamException {
            Map<NodeIdentifierWithPredicates, MapEntryNode> a = x == null ? Map.of() : x.asMap();
            Map<NodeIdentifierWithPredicates, MapEntryNode> b = y == null ? Map.of() : y.asMap();
            for (MapEntryNode gone : a.values()) {
                if (!b.containsKey(gone.name())) {
                    deleteEntry(gone, list, path);
                }
            }
            if (!list.isUserOrdered()) {
                for (MapEntryNode entry : b.values()) {
                    MapEntryNode old = a.get(entry.name());
                    if (old == null) {
                        entry(entry, list, path, null, null, null);
                    } else if (!DataTrees.sameData(old, entry)) {
                        entry(entry, list, path, old, null, null);
                    }
                }
                return;
            }
            for (Placement<NodeIdentifierWithPredicates> p : placements(a.keySet(), new ArrayList<>(b.keySet()))) {
                MapEntryNode entry = b.get(p.key());
                MapEntryNode old = a.get(p.key());
                if (old == null || p.where() != null || !DataTrees.sameData(old, entry)) {
                    entry(entry, list, path, old, p.where(), p.after());
                }
            }
        }

        private void leafList(LeafSetNode<?> x, LeafSetNode<?> y, LeafListSchemaNode leafList, TreePath path)
                throws XMLStreamException {
            Map<PathArgument, LeafSetEntryNode<?>> a = values(x);
            Map<PathArgument, LeafSetEntryNode<?>> b = values(y);
            for (LeafSetEntryNode<?> gone : a.values()) {
                if (!b.containsKey(gone.name())) {
                    leafListEntry(gone, leafList, path, deletion(), null, null);
                }
            }
            if (!leafList.isUserOrdered()) {
                for (LeafSetEntryNode<?> v : b.values()) {
                    if (!a.containsKey(v.name())) {
                        leafListEntry(v, leafList, path, null, null, null);
                    }
                }
                return;
            }
            for (Placement<PathArgument> p : placements(a.keySet(), new ArrayList<>(b.keySet()))) {
                if (!a.containsKey(p.key()) || p.where() != null) {
                    leafListEntry(b.get(p.key()), leafList, path, null, p.where(),
                            p.after() == null ? null : b.get(p.after()));
                }
            }
        }

        private static Map<PathArgument, LeafSetEntryNode<?>> values(LeafSetNode<?> set) {
            Map<PathArgument, LeafSetEntryNode<?>> m = new java.util.LinkedHashMap<>();
            if (set != null) {
                for (LeafSetEntryNode<?> e : set.body()) {
                    m.put(e.name(), e);
                }
            }
            return m;
        }

        // ---- writing ----

        /** A whole node as it is in the wanted tree (lists and leaf-lists: every entry). */
        private void full(NormalizedNode n, DataSchemaNode s, TreePath path, Operation op) throws XMLStreamException {
            QName name = s.getQName();
            switch (s) {
                case ChoiceSchemaNode choice -> {
                    ChoiceNode c = (ChoiceNode) n;
                    CaseSchemaNode caseNode = caseOf(choice, c);
                    TreePath p = path.schemaOnly(name).schemaOnly(caseNode.getQName());
                    fullChildren(c, caseNode, p, Set.of());
                }
                case ListSchemaNode list -> {
                    for (MapEntryNode e : ((MapNode) n).body()) {
                        entry(e, list, path, null, null, null);
                    }
                }
                case LeafListSchemaNode leafList -> {
                    for (LeafSetEntryNode<?> e : ((LeafSetNode<?>) n).body()) {
                        leafListEntry(e, leafList, path, null, null, null);
                    }
                }
                case ContainerSchemaNode container -> {
                    changes++;
                    start(name);
                    operation(op);
                    fullChildren((ContainerNode) n, container, path.data(name, n.name()), Set.of());
                    end();
                }
                case LeafSchemaNode leaf -> {
                    changes++;
                    start(name);
                    operation(op);
                    value(leaf, ((LeafNode<?>) n).body(), path.data(name, n.name()));
                    end();
                }
                case AnyxmlSchemaNode anyxml -> {
                    changes++;
                    start(name);
                    operation(op);
                    Object body = ((AnyxmlNode<?>) n).body();
                    if (body instanceof javax.xml.transform.dom.DOMSource source) {
                        for (Node c = source.getNode().getFirstChild(); c != null; c = c.getNextSibling()) {
                            copy(c);
                        }
                    }
                    end();
                }
                default -> throw new IllegalArgumentException("cannot write " + s.getClass().getSimpleName() + " '"
                        + name.getLocalName() + "'");
            }
        }

        private void fullChildren(DataContainerNode n, DataNodeContainer s, TreePath path, Set<QName> keys)
                throws XMLStreamException {
            for (DataSchemaNode child : s.getChildNodes()) {
                if (keys.contains(child.getQName())) {
                    continue;
                }
                DataContainerChild c = n.childByArg(new NodeIdentifier(child.getQName()));
                if (c != null) {
                    full(c, child, path, null);
                }
            }
        }

        /**
         * A list entry: new ({@code old} null: all of it), changed (only the differences) or moved ({@code where}
         * set). Keys come first, as RFC 7950 asks.
         */
        private void entry(MapEntryNode entry, ListSchemaNode list, TreePath path, MapEntryNode old,
                           Placement.Where where, NodeIdentifierWithPredicates after) throws XMLStreamException {
            QName name = list.getQName();
            TreePath p = path.data(name, entry.name());
            if (old == null || where != null) {
                changes++;
            }
            start(name);
            insert(where, after, "key");
            keys(entry.name(), list, p);
            Set<QName> keys = Set.copyOf(list.getKeyDefinition());
            if (old == null) {
                fullChildren(entry, list, p, keys);
            } else if (!DataTrees.sameData(old, entry)) {
                children(old, entry, list, p, keys);
            }
            end();
        }

        private void keys(NodeIdentifierWithPredicates id, ListSchemaNode list, TreePath entryPath)
                throws XMLStreamException {
            for (QName key : list.getKeyDefinition()) {
                start(key);
                value((LeafSchemaNode) list.getDataChildByName(key), id.getValue(key), entryPath.schemaOnly(key));
                end();
            }
        }

        private void leafListEntry(LeafSetEntryNode<?> v, LeafListSchemaNode leafList, TreePath path, Operation op,
                                   Placement.Where where, LeafSetEntryNode<?> after) throws XMLStreamException {
            changes++;
            QName name = leafList.getQName();
            start(name);
            operation(op);
            insert(where, after == null ? null : after.body(), "value");
            value(leafList, v.body(), path.data(name, v.name()));
            end();
        }

        private void delete(NormalizedNode x, DataSchemaNode s, TreePath path) throws XMLStreamException {
            switch (s) {
                case ChoiceSchemaNode choice -> {
                    ChoiceNode c = (ChoiceNode) x;
                    for (DataContainerChild child : c.body()) {
                        CaseSchemaNode caseNode = SchemaIndex.caseOf(choice, child.name().getNodeType());
                        delete(child, caseNode.getDataChildByName(child.name().getNodeType()),
                                path.schemaOnly(choice.getQName()).schemaOnly(caseNode.getQName()));
                    }
                }
                case ListSchemaNode list -> {
                    for (MapEntryNode e : ((MapNode) x).body()) {
                        deleteEntry(e, list, path);
                    }
                }
                case LeafListSchemaNode leafList -> {
                    for (LeafSetEntryNode<?> e : ((LeafSetNode<?>) x).body()) {
                        leafListEntry(e, leafList, path, deletion(), null, null);
                    }
                }
                default -> {
                    changes++;
                    start(s.getQName());
                    operation(deletion());
                    end();
                }
            }
        }

        private void deleteEntry(MapEntryNode e, ListSchemaNode list, TreePath path) throws XMLStreamException {
            changes++;
            start(list.getQName());
            operation(deletion());
            keys(e.name(), list, path.data(list.getQName(), e.name()));
            end();
        }

        private Operation deletion() {
            return deletion == Deletion.REMOVE ? Operation.REMOVE : Operation.DELETE;
        }

        // ---- XML ----

        private void start(QName name) throws XMLStreamException {
            String ns = name.getNamespace().toString();
            xml.writeStartElement("", name.getLocalName(), ns);
            if (!ns.equals(defaultNamespaces.peek())) {
                xml.writeDefaultNamespace(ns);
            }
            defaultNamespaces.push(ns);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
            int depth = defaultNamespaces.size();
            defaultNamespaces.pop();
            prefixDepth.entrySet().removeIf(e -> {
                if (e.getValue() >= depth) {
                    prefixNamespace.remove(e.getKey());
                    return true;
                }
                return false;
            });
        }

        /** A prefix bound to {@code namespace} here, declared on the current element if none is in scope. */
        private String prefix(String preferred, String namespace) throws XMLStreamException {
            for (Map.Entry<String, String> e : prefixNamespace.entrySet()) {
                if (e.getValue().equals(namespace)) {
                    return e.getKey();
                }
            }
            String p = preferred;
            for (int i = 2; prefixNamespace.containsKey(p); i++) {
                p = preferred + i;
            }
            xml.writeNamespace(p, namespace);
            prefixNamespace.put(p, namespace);
            prefixDepth.put(p, defaultNamespaces.size());
            return p;
        }

        private void operation(Operation op) throws XMLStreamException {
            if (op != null) {
                xml.writeAttribute(prefix("nc", Namespaces.BASE), Namespaces.BASE, "operation", op.keyword());
            }
        }

        private void insert(Placement.Where where, Object after, String anchorAttribute) throws XMLStreamException {
            if (where == null) {
                return;
            }
            String yang = prefix("yang", Namespaces.YANG_1);
            if (where == Placement.Where.FIRST) {
                xml.writeAttribute(yang, Namespaces.YANG_1, "insert", "first");
                return;
            }
            String anchor;
            if (after instanceof NodeIdentifierWithPredicates keys) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<QName, Object> k : keys.entrySet()) {
                    QNameModule m = k.getKey().getModule();
                    sb.append('[').append(prefix(schema.prefix(m), m.namespace().toString())).append(':')
                            .append(k.getKey().getLocalName()).append('=');
                    YangPaths.quote(sb, text(k.getValue()));
                    sb.append(']');
                }
                anchor = sb.toString();
            } else {
                anchor = text(after);
            }
            xml.writeAttribute(yang, Namespaces.YANG_1, "insert", "after");
            xml.writeAttribute(yang, Namespaces.YANG_1, anchorAttribute, anchor);
        }

        /** Lexical form of a key or leaf-list value for an attribute; identities get a prefix declared here. */
        private String text(Object value) throws XMLStreamException {
            if (value instanceof QName q) {
                return prefix(schema.prefix(q.getModule()), q.getNamespace().toString()) + ":" + q.getLocalName();
            }
            return YangPaths.valueText(value, m -> "");
        }

        @SuppressWarnings("unchecked")
        private void value(TypedDataSchemaNode s, Object value, TreePath at) throws XMLStreamException {
            ((XmlCodec<Object>) schema.codec(s, at::toSchemaPath)).writeValue(xml, value);
        }

        private void copy(Node n) throws XMLStreamException {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element e = (Element) n;
                    String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
                    xml.writeStartElement("", e.getLocalName(), ns);
                    xml.writeDefaultNamespace(ns);
                    NamedNodeMap attrs = e.getAttributes();
                    for (int i = 0; i < attrs.getLength(); i++) {
                        Attr a = (Attr) attrs.item(i);
                        if (a.getNamespaceURI() == null) {
                            xml.writeAttribute(a.getLocalName() == null ? a.getName() : a.getLocalName(), a.getValue());
                        } else if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                            if (a.getPrefix() != null) {
                                xml.writeNamespace(a.getLocalName(), a.getValue());
                            }
                        } else {
                            xml.writeAttribute(a.getPrefix(), a.getNamespaceURI(), a.getLocalName(), a.getValue());
                        }
                    }
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        copy(c);
                    }
                    xml.writeEndElement();
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> xml.writeCharacters(n.getNodeValue());
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private static CaseSchemaNode caseOf(ChoiceSchemaNode choice, ChoiceNode node) {
        for (DataContainerChild child : node.body()) {
            CaseSchemaNode c = SchemaIndex.caseOf(choice, child.name().getNodeType());
            if (c != null) {
                return c;
            }
        }
        throw new IllegalArgumentException("choice '" + choice.getQName().getLocalName()
                + "' holds nodes of none of its cases");
    }

    // ---- ordering of ordered-by-user lists ----

    /** Where an entry of the wanted order goes: null {@code where} when it needs no insert attribute. */
    record Placement<K>(K key, Where where, K after) {
        enum Where { FIRST, AFTER }
    }

    /**
     * For each key of the wanted order: whether it needs an insert attribute. Entries of the longest subsequence that
     * both orders share stay; every other common entry moves to just after its wanted predecessor, and each new
     * entry is placed the same way unless appending it lands it there anyway. Applied in the wanted order, after
     * deletions, this yields exactly the wanted order.
     */
    static <K> List<Placement<K>> placements(Set<K> existing, List<K> wanted) {
        List<K> current = new ArrayList<>();
        Set<K> wantedSet = new HashSet<>(wanted);
        for (K k : existing) {
            if (wantedSet.contains(k)) {
                current.add(k);
            }
        }
        Set<K> stay = longestCommonRun(current, wanted);
        List<K> simulated = new ArrayList<>(current);
        List<Placement<K>> out = new ArrayList<>(wanted.size());
        for (int i = 0; i < wanted.size(); i++) {
            K k = wanted.get(i);
            K previous = i == 0 ? null : wanted.get(i - 1);
            boolean isNew = !existing.contains(k);
            if (!isNew && stay.contains(k)) {
                out.add(new Placement<>(k, null, null));
                continue;
            }
            simulated.remove(k);
            int target = previous == null ? 0 : simulated.indexOf(previous) + 1;
            simulated.add(target, k);
            if (isNew && target == simulated.size() - 1) {
                out.add(new Placement<>(k, null, null));
            } else if (previous == null) {
                out.add(new Placement<>(k, Placement.Where.FIRST, null));
            } else {
                out.add(new Placement<>(k, Placement.Where.AFTER, previous));
            }
        }
        return out;
    }

    /** The keys of the longest common subsequence of two orders of the same distinct keys (LIS, n log n). */
    private static <K> Set<K> longestCommonRun(List<K> current, List<K> wanted) {
        Map<K, Integer> position = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            position.put(current.get(i), i);
        }
        List<K> seq = new ArrayList<>();
        for (K k : wanted) {
            if (position.containsKey(k)) {
                seq.add(k);
            }
        }
        int n = seq.size();
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int p = position.get(seq.get(i));
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (position.get(seq.get(tailIndex[mid])) < p) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        Set<K> out = new HashSet<>();
        for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
            out.add(seq.get(i));
        }
        return out;
    }
}
