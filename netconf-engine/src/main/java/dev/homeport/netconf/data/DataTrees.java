package dev.homeport.netconf.data;

import dev.homeport.netconf.xml.SafeXml;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * Whole-tree helpers for data roots.
 *
 * <p>Two trees can mean the same configuration and still differ as NormalizedNode: a non-presence container, a choice,
 * a list or a leaf-list with nothing in it has no meaning of its own (RFC 7950 section 7.5.1) but is kept by the XML
 * parser when the XML has an empty element. {@link #withoutEmptyNodes} drops those, which is the form
 * {@link EditApplier} produces and {@link DataDelta} compares. {@link #sameData} compares trees including the order
 * of ordered-by-user leaf-lists, which the nodes' own {@code equals} ignores.
 */
public final class DataTrees {
    private static final NodeIdentifier ROOT = new NodeIdentifier(SchemaContext.NAME);
    private static final ContainerNode EMPTY = ImmutableNodes.newContainerBuilder().withNodeIdentifier(ROOT).build();

    private DataTrees() {
    }

    /** The yangtools data root, {@code (urn:ietf:params:xml:ns:netconf:base:1.0)data}, with no children. */
    public static ContainerNode emptyData() {
        return EMPTY;
    }

    static NodeIdentifier rootIdentifier() {
        return ROOT;
    }

    /** The tree without empty non-presence containers, choices, lists and leaf-lists. Unchanged parts are shared. */
    public static ContainerNode withoutEmptyNodes(EffectiveModelContext context, ContainerNode data) {
        return prune(data, q -> context.dataChildByName(q), false);
    }

    /** The configuration part of a tree ({@code config false} nodes dropped), without empty nodes. */
    public static ContainerNode configOnly(EffectiveModelContext context, ContainerNode data) {
        return prune(data, q -> context.dataChildByName(q), true);
    }

    /**
     * Deep equality that also compares the order of ordered-by-user lists and leaf-lists. (The yangtools nodes'
     * {@code equals} ignores the order of ordered-by-user leaf-lists, which is configuration.)
     */
    public static boolean sameData(NormalizedNode a, NormalizedNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !a.name().equals(b.name()) || a.contract() != b.contract()) {
            return false;
        }
        if (a instanceof DataContainerNode ac) {
            DataContainerNode bc = (DataContainerNode) b;
            if (ac.size() != bc.size()) {
                return false;
            }
            for (DataContainerChild child : ac.body()) {
                if (!sameData(child, bc.childByArg(child.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MapNode am) {
            MapNode bm = (MapNode) b;
            if (am.size() != bm.size()) {
                return false;
            }
            if (am instanceof UserMapNode) {
                return sameInOrder(am.body(), bm.body());
            }
            for (MapEntryNode entry : am.body()) {
                if (!sameData(entry, bm.childByArg(entry.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof UserLeafSetNode<?> al) {
            return sameInOrder(al.body(), ((UserLeafSetNode<?>) b).body());
        }
        if (a instanceof UnkeyedListNode al) {
            return sameInOrder(al.body(), ((UnkeyedListNode) b).body());
        }
        if (a instanceof AnyxmlNode<?> ax && ax.body() instanceof DOMSource as
                && ((AnyxmlNode<?>) b).body() instanceof DOMSource bs) {
            return SafeXml.toString(as.getNode()).equals(SafeXml.toString(bs.getNode()));
        }
        return a.equals(b);
    }

    private static boolean sameInOrder(Collection<? extends NormalizedNode> a, Collection<? extends NormalizedNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<? extends NormalizedNode> bi = b.iterator();
        for (NormalizedNode x : a) {
            if (!sameData(x, bi.next())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T extends DataContainerNode> T prune(T node, Function<QName, DataSchemaNode> schemaOf,
                                                         boolean dropState) {
        List<DataContainerChild> kept = new ArrayList<>(node.size());
        boolean changed = false;
        for (DataContainerChild child : node.body()) {
            DataSchemaNode childSchema = schemaOf.apply(child.name().getNodeType());
            DataContainerChild result = childSchema == null ? child : pruneChild(child, childSchema, dropState);
            if (result != child) {
                changed = true;
            }
            if (result != null) {
                kept.add(result);
            }
        }
        if (!changed) {
            return node;
        }
        return (T) rebuild(node, kept);
    }

    private static DataContainerNode rebuild(DataContainerNode node, List<DataContainerChild> children) {
        if (node instanceof ContainerNode c) {
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(c.name()).withValue(children).build();
        }
        if (node instanceof MapEntryNode e) {
            return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(e.name()).withValue(children).build();
        }
        if (node instanceof ChoiceNode ch) {
            return ImmutableNodes.newChoiceBuilder().withNodeIdentifier(ch.name()).withValue(children).build();
        }
        if (node instanceof UnkeyedListEntryNode u) {
            return ImmutableNodes.newUnkeyedListEntryBuilder().withNodeIdentifier(u.name()).withValue(children)
                    .build();
        }
        throw new IllegalArgumentException("not a data container: " + node.contract().getSimpleName());
    }

    /** The child as it should stay: itself when unchanged, a new node, or null when it goes. */
    private static DataContainerChild pruneChild(DataContainerChild child, DataSchemaNode schema, boolean dropState) {
        if (dropState && !SchemaIndex.isConfig(schema)) {
            return null;
        }
        if (child instanceof ContainerNode c && schema instanceof DataNodeContainer cs) {
            ContainerNode pruned = prune(c, cs::dataChildByName, dropState);
            return pruned.isEmpty() && !SchemaIndex.isPresence(schema) ? null : pruned;
        }
        if (child instanceof ChoiceNode choice && schema instanceof ChoiceSchemaNode cs) {
            ChoiceNode pruned = prune(choice, q -> {
                CaseSchemaNode caseNode = SchemaIndex.caseOf(cs, q);
                return caseNode == null ? null : caseNode.dataChildByName(q);
            }, dropState);
            return pruned.isEmpty() ? null : pruned;
        }
        if (child instanceof MapNode map && schema instanceof DataNodeContainer ls) {
            if (map.isEmpty()) {
                return null;
            }
            List<MapEntryNode> entries = new ArrayList<>(map.size());
            boolean changed = false;
            for (MapEntryNode entry : map.body()) {
                MapEntryNode pruned = prune(entry, ls::dataChildByName, dropState);
                changed |= pruned != entry;
                entries.add(pruned);
            }
            if (!changed) {
                return map;
            }
            return map instanceof UserMapNode
                    ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name()).withValue(entries).build()
                    : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name()).withValue(entries).build();
        }
        if (child instanceof LeafSetNode<?> set) {
            return set.isEmpty() ? null : set;
        }
        if (child instanceof UnkeyedListNode list) {
            return list.isEmpty() ? null : list;
        }
        return child;
    }

    // ---------------------------------------------------------------- combining and selecting

    /**
     * The two trees as one: nodes of {@code overlay} are added to {@code base}; containers, list entries (by key) and
     * leaf-lists are merged, a leaf of {@code overlay} replaces the same leaf of {@code base}. Used to lay state data
     * over configuration. Unchanged parts are shared.
     */
    public static ContainerNode merge(ContainerNode base, ContainerNode overlay) {
        return (ContainerNode) mergeNodes(base, overlay);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NormalizedNode mergeNodes(NormalizedNode base, NormalizedNode overlay) {
        if (base == null || base == overlay) {
            return overlay;
        }
        if (base instanceof DataContainerNode bc && overlay instanceof DataContainerNode oc) {
            if (oc.isEmpty()) {
                return base;
            }
            LinkedHashMap<PathArgument, DataContainerChild> children = new LinkedHashMap<>();
            for (DataContainerChild c : bc.body()) {
                children.put(c.name(), c);
            }
            for (DataContainerChild c : oc.body()) {
                children.put(c.name(), (DataContainerChild) mergeNodes(children.get(c.name()), c));
            }
            return rebuild(bc, new ArrayList<>(children.values()));
        }
        if (base instanceof MapNode bm && overlay instanceof MapNode om) {
            LinkedHashMap<PathArgument, MapEntryNode> entries = new LinkedHashMap<>();
            for (MapEntryNode e : bm.body()) {
                entries.put(e.name(), e);
            }
            for (MapEntryNode e : om.body()) {
                entries.put(e.name(), (MapEntryNode) mergeNodes(entries.get(e.name()), e));
            }
            return rebuildMap(bm, entries.values());
        }
        if (base instanceof LeafSetNode<?> bl && overlay instanceof LeafSetNode<?> ol) {
            LinkedHashMap<PathArgument, LeafSetEntryNode> entries = new LinkedHashMap<>();
            for (LeafSetEntryNode<?> e : bl.body()) {
                entries.put(e.name(), e);
            }
            for (LeafSetEntryNode<?> e : ol.body()) {
                entries.put(e.name(), e);
            }
            return rebuildLeafSet(bl, (Collection) entries.values());
        }
        return overlay;
    }

    /**
     * The part of {@code root} made of the nodes at {@code paths} (each with all it contains) and their ancestors.
     * Ancestor list entries keep their key leaves, so that every selected node can still be told apart. Paths that
     * lead nowhere are ignored.
     */
    public static ContainerNode select(ContainerNode root, Collection<YangInstanceIdentifier> paths) {
        Selection top = new Selection();
        for (YangInstanceIdentifier p : paths) {
            Selection s = top;
            for (PathArgument a : p.getPathArguments()) {
                if (s.whole) {
                    break;
                }
                s = s.children.computeIfAbsent(a, k -> new Selection());
            }
            s.whole = true;
            s.children.clear();
        }
        if (top.whole) {
            return root;
        }
        NormalizedNode selected = selectNodes(root, top);
        return selected == null ? rebuildEmpty(root) : (ContainerNode) selected;
    }

    private static ContainerNode rebuildEmpty(ContainerNode root) {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name()).build();
    }

    /** A trie of path arguments: the selected nodes ({@code whole}) and the ancestors on the way to them. */
    private static final class Selection {
        final Map<PathArgument, Selection> children = new LinkedHashMap<>();
        boolean whole;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NormalizedNode selectNodes(NormalizedNode node, Selection sel) {
        if (sel.whole) {
            return node;
        }
        if (node instanceof DataContainerNode dc) {
            List<DataContainerChild> kept = new ArrayList<>();
            if (node instanceof MapEntryNode entry) {
                // keys first, as the entry's identity
                for (QName key : entry.name().keySet()) {
                    DataContainerChild k = entry.childByArg(new NodeIdentifier(key));
                    if (k != null && !sel.children.containsKey(k.name())) {
                        kept.add(k);
                    }
                }
            }
            for (Map.Entry<PathArgument, Selection> e : sel.children.entrySet()) {
                DataContainerChild child = e.getKey() instanceof NodeIdentifier id ? dc.childByArg(id) : null;
                if (child != null) {
                    NormalizedNode s = selectNodes(child, e.getValue());
                    if (s != null) {
                        kept.add((DataContainerChild) s);
                    }
                }
            }
            return kept.isEmpty() ? null : rebuild(dc, kept);
        }
        if (node instanceof MapNode map) {
            List<MapEntryNode> kept = new ArrayList<>();
            boolean byLookup = !(map instanceof UserMapNode) && sel.children.size() * 4 < map.size();
            if (byLookup) {
                for (Map.Entry<PathArgument, Selection> e : sel.children.entrySet()) {
                    if (e.getKey() instanceof NodeIdentifierWithPredicates id) {
                        MapEntryNode entry = map.childByArg(id);
                        if (entry != null) {
                            kept.add((MapEntryNode) selectNodes(entry, e.getValue()));
                        }
                    }
                }
            } else {
                for (MapEntryNode entry : map.body()) {
                    Selection s = sel.children.get(entry.name());
                    if (s != null) {
                        kept.add((MapEntryNode) selectNodes(entry, s));
                    }
                }
            }
            return kept.isEmpty() ? null : rebuildMap(map, kept);
        }
        if (node instanceof LeafSetNode<?> set) {
            List<LeafSetEntryNode<?>> kept = new ArrayList<>();
            for (LeafSetEntryNode<?> entry : set.body()) {
                if (sel.children.containsKey(entry.name())) {
                    kept.add(entry);
                }
            }
            return kept.isEmpty() ? null : rebuildLeafSet(set, (Collection) kept);
        }
        return node;
    }

    /** A node of the same kind and name as {@code node}, with other children (containers, entries, choices). */
    static DataContainerNode rebuildContainer(DataContainerNode node, List<DataContainerChild> children) {
        return rebuild(node, children);
    }

    static MapNode rebuildMap(MapNode like, Collection<MapEntryNode> entries) {
        return like instanceof UserMapNode
                ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(like.name()).withValue(List.copyOf(entries))
                .build()
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(like.name())
                .withValue(List.copyOf(entries)).build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static LeafSetNode<?> rebuildLeafSet(LeafSetNode<?> like, Collection<LeafSetEntryNode<?>> entries) {
        List values = new ArrayList<>(entries);
        return like instanceof UserLeafSetNode
                ? (LeafSetNode<?>) ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(like.name())
                .withValue(values).build()
                : (LeafSetNode<?>) ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(like.name())
                .withValue(values).build();
    }
}
