package dev.homeport.netconf.data;

import dev.homeport.netconf.xml.Dom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
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
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.NotificationDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * RFC 6241 section 6 subtree filtering, applied to a data tree as a server does for get, get-config, get-data and
 * notifications.
 *
 * <p>Each filter element is a <em>selection node</em> (empty: the whole data node), a <em>containment node</em>
 * (with child elements: filter further inside it) or a <em>content match node</em> (a leaf or leaf-list element with
 * text: the enclosing node is selected only when the value matches). When a sibling set holds only content match
 * nodes and all match, the enclosing node is selected whole; when some content match fails, nothing of the sibling
 * set is. Several filter elements for the same list select the union of their entries. An element without a
 * namespace matches that name in every module (RFC 6241 section 6.2.1), and so does one in the NETCONF base namespace,
 * which is what an unqualified element inside {@code <filter>} inherits; one no module defines selects nothing.
 * Selected list entries always carry their keys. Attribute match expressions are ignored.
 */
public final class SubtreeFilter {
    private final SchemaIndex schema;

    public SubtreeFilter(EffectiveModelContext context) {
        this.schema = new SchemaIndex(context);
    }

    public EffectiveModelContext context() {
        return schema.context();
    }

    /**
     * The part of {@code root} (a data root) that the filter selects. {@code filter} is the element holding the
     * selection ({@code <filter>}, {@code <subtree-filter>}); an empty filter selects nothing.
     */
    public ContainerNode apply(ContainerNode root, Element filter) {
        List<DataContainerChild> kept = level(root, schema.context(), Dom.children(filter), TreePath.ROOT, true);
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name())
                .withValue(kept == null ? List.of() : kept).build();
    }

    /**
     * Whether a notification passes the filter (RFC 5277 section 3.6): the filter's top elements name the event, and
     * a selection or containment inside it must find something, content matches must all match.
     */
    public boolean matches(ContainerNode notification, NotificationDefinition definition, Element filter) {
        for (Element e : Dom.children(filter)) {
            String ns = e.getNamespaceURI();
            QName name = definition.getQName();
            if (!e.getLocalName().equals(name.getLocalName()) || (ns != null && !ns.isEmpty()
                    && !ns.equals(dev.homeport.netconf.xml.Namespaces.BASE)
                    && !ns.equals(name.getNamespace().toString()))) {
                continue;
            }
            List<Element> inner = Dom.children(e);
            if (inner.isEmpty() || level(notification, definition, inner,
                    TreePath.ROOT.schemaOnly(name), false) != null) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- one sibling set

    private enum Kind { SELECTION, CONTAINMENT, CONTENT_MATCH }

    private record Item(Element element, SchemaIndex.Child child, Kind kind) {
    }

    /**
     * Children of {@code data} that the sibling set {@code filters} keeps; null when a content match fails (or, below
     * the root, when nothing is selected).
     */
    private List<DataContainerChild> level(DataContainerNode data, DataNodeContainer parentSchema,
                                           List<Element> filters, TreePath path, boolean isRoot) {
        List<Item> items = new ArrayList<>();
        for (Element f : filters) {
            for (SchemaIndex.Child c : candidates(parentSchema, f)) {
                items.add(new Item(f, c, kindOf(f, c.node())));
            }
        }
        boolean onlyContentMatch = !items.isEmpty();
        Tree out = new Tree();
        for (Item it : items) {
            if (it.kind == Kind.CONTENT_MATCH) {
                if (!contentMatches(data, it, path, out)) {
                    return null;
                }
            } else {
                onlyContentMatch = false;
            }
        }
        if (onlyContentMatch && !isRoot) {
            return new ArrayList<>(data.body());
        }
        for (Item it : items) {
            if (it.kind == Kind.CONTENT_MATCH) {
                continue;
            }
            NormalizedNode child = lookup(data, it.child);
            if (child == null) {
                continue;
            }
            if (it.kind == Kind.SELECTION) {
                out.put(it.child, child);
                continue;
            }
            DataSchemaNode node = it.child.node();
            TreePath childPath = schemaPath(path, it.child);
            List<Element> inner = Dom.children(it.element);
            switch (child) {
                case MapNode map -> {
                    List<MapEntryNode> entries = new ArrayList<>();
                    for (MapEntryNode entry : map.body()) {
                        List<DataContainerChild> kept = level(entry, (ListSchemaNode) node, inner, childPath, false);
                        if (kept != null) {
                            entries.add(withKeys(entry, kept));
                        }
                    }
                    if (!entries.isEmpty()) {
                        out.put(it.child, DataTrees.rebuildMap(map, entries));
                    }
                }
                case DataContainerNode container when node instanceof DataNodeContainer dnc -> {
                    List<DataContainerChild> kept = level(container, dnc, inner, childPath, false);
                    if (kept != null) {
                        out.put(it.child, DataTrees.rebuildContainer(container, kept));
                    }
                }
                default -> {
                    // a leaf or leaf-list with child elements in the filter: nothing can match
                }
            }
        }
        List<DataContainerChild> result = out.build();
        if (result.isEmpty() && !isRoot) {
            return null;
        }
        return result;
    }

    private Kind kindOf(Element f, DataSchemaNode node) {
        if (!Dom.children(f).isEmpty()) {
            return Kind.CONTAINMENT;
        }
        boolean hasText = !f.getTextContent().isBlank();
        return hasText && node instanceof TypedDataSchemaNode ? Kind.CONTENT_MATCH : Kind.SELECTION;
    }

    /** Checks one content match node and, when it matches, keeps the matching leaf or leaf-list entry. */
    private boolean contentMatches(DataContainerNode data, Item it, TreePath path, Tree out) {
        NormalizedNode child = lookup(data, it.child);
        if (child == null) {
            return false;
        }
        Object wanted = parse((TypedDataSchemaNode) it.child.node(), it.element, schemaPath(path, it.child));
        if (wanted == null) {
            return false;
        }
        if (child instanceof LeafNode<?> leaf) {
            if (sameValue(leaf.body(), wanted)) {
                out.put(it.child, leaf);
                return true;
            }
            return false;
        }
        if (child instanceof LeafSetNode<?> set) {
            for (LeafSetEntryNode<?> e : set.body()) {
                if (sameValue(e.body(), wanted)) {
                    out.addEntry(it.child, set, e);
                    return true;
                }
            }
        }
        return false;
    }

    private Object parse(TypedDataSchemaNode node, Element e, TreePath at) {
        try {
            return schema.codec(node, at::toSchemaPath).parseValue(new ElementNamespaces(e), e.getTextContent()
                    .strip());
        } catch (RuntimeException ex) {
            return null; // a value the type cannot hold matches nothing
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private static MapEntryNode withKeys(MapEntryNode entry, List<DataContainerChild> kept) {
        List<DataContainerChild> children = new ArrayList<>();
        for (QName key : entry.name().keySet()) {
            DataContainerChild k = entry.childByArg(new NodeIdentifier(key));
            boolean present = kept.stream().anyMatch(c -> c.name().equals(new NodeIdentifier(key)));
            if (k != null && !present) {
                children.add(k);
            }
        }
        children.addAll(kept);
        return (MapEntryNode) DataTrees.rebuildContainer(entry, children);
    }

    // ---------------------------------------------------------------- schema and data look-ups

    /** The schema nodes a filter element names here: one for a qualified name, maybe several for an unqualified. */
    private List<SchemaIndex.Child> candidates(DataNodeContainer parent, Element f) {
        String ns = f.getNamespaceURI();
        if (ns != null && !ns.isEmpty() && !ns.equals(dev.homeport.netconf.xml.Namespaces.BASE)) {
            SchemaIndex.Child c = schema.findChild(parent, ns, f.getLocalName());
            return c == null ? List.of() : List.of(c);
        }
        List<SchemaIndex.Child> out = new ArrayList<>();
        collectByLocalName(parent, f.getLocalName(), List.of(), out);
        return out;
    }

    private static void collectByLocalName(DataNodeContainer parent, String local, List<SchemaIndex.ChoiceStep> via,
                                           List<SchemaIndex.Child> out) {
        for (DataSchemaNode c : parent.getChildNodes()) {
            if (c instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    List<SchemaIndex.ChoiceStep> steps = new ArrayList<>(via);
                    steps.add(new SchemaIndex.ChoiceStep(choice, caseNode));
                    collectByLocalName(caseNode, local, List.copyOf(steps), out);
                }
            } else if (c.getQName().getLocalName().equals(local)) {
                out.add(new SchemaIndex.Child(via, c));
            }
        }
    }

    private static NormalizedNode lookup(DataContainerNode data, SchemaIndex.Child c) {
        DataContainerNode at = data;
        for (SchemaIndex.ChoiceStep step : c.choices()) {
            if (!(at.childByArg(new NodeIdentifier(step.choice().getQName())) instanceof ChoiceNode ch)) {
                return null;
            }
            at = ch;
        }
        return at.childByArg(new NodeIdentifier(c.node().getQName()));
    }

    private static TreePath schemaPath(TreePath parent, SchemaIndex.Child c) {
        TreePath p = parent;
        for (SchemaIndex.ChoiceStep step : c.choices()) {
            p = p.schemaOnly(step.choice().getQName()).schemaOnly(step.caseNode().getQName());
        }
        QName name = c.node().getQName();
        return p.data(name, new NodeIdentifier(name));
    }

    // ---------------------------------------------------------------- building the result

    /** The kept children of one node, choices as nested groups; a child kept twice is merged. */
    private static final class Tree {
        private final Map<PathArgument, Object> children = new LinkedHashMap<>();

        void put(SchemaIndex.Child where, NormalizedNode node) {
            Tree t = this;
            for (SchemaIndex.ChoiceStep step : where.choices()) {
                t = (Tree) t.children.computeIfAbsent(new NodeIdentifier(step.choice().getQName()), k -> new Tree());
            }
            Object existing = t.children.get(node.name());
            t.children.put(node.name(), existing instanceof NormalizedNode n
                    ? DataTrees.merge(wrap(n), wrap(node)).body().iterator().next() : node);
        }

        void addEntry(SchemaIndex.Child where, LeafSetNode<?> set, LeafSetEntryNode<?> entry) {
            put(where, DataTrees.rebuildLeafSet(set, List.of(entry)));
        }

        private static ContainerNode wrap(NormalizedNode n) {
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(DataTrees.rootIdentifier())
                    .withChild((DataContainerChild) n).build();
        }

        List<DataContainerChild> build() {
            List<DataContainerChild> out = new ArrayList<>();
            for (Map.Entry<PathArgument, Object> e : children.entrySet()) {
                if (e.getValue() instanceof Tree t) {
                    out.add(ImmutableNodes.newChoiceBuilder().withNodeIdentifier((NodeIdentifier) e.getKey())
                            .withValue(t.build()).build());
                } else {
                    out.add((DataContainerChild) e.getValue());
                }
            }
            return out;
        }
    }

    /** Prefixes in scope at a filter element, for identityref content matches. */
    private record ElementNamespaces(Element element) implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            String ns = element.lookupNamespaceURI(prefix == null || prefix.isEmpty() ? null : prefix);
            return ns == null ? XMLConstants.NULL_NS_URI : ns;
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return element.lookupPrefix(namespaceURI);
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            String p = getPrefix(namespaceURI);
            return p == null ? Collections.emptyIterator() : List.of(p).iterator();
        }
    }

    static boolean isElement(Node n) {
        return n.getNodeType() == Node.ELEMENT_NODE;
    }
}
